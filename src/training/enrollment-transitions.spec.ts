import { canTransition } from './enrollment-transitions';
import type { EnrollmentStatus } from './enrollment.entity';

const ALL: EnrollmentStatus[] = ['enrolled', 'attending', 'completed', 'dropped'];

describe('enrolment transitions', () => {
  it('allows the documented forward steps', () => {
    expect(canTransition('enrolled', 'attending')).toBe(true);
    expect(canTransition('enrolled', 'completed')).toBe(true);
    expect(canTransition('enrolled', 'dropped')).toBe(true);
    expect(canTransition('attending', 'completed')).toBe(true);
    expect(canTransition('attending', 'dropped')).toBe(true);
  });

  it('never leaves a final status and never goes back', () => {
    for (const to of ALL) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('dropped', to)).toBe(false);
    }
    expect(canTransition('attending', 'enrolled')).toBe(false);
    for (const s of ALL) expect(canTransition(s, s)).toBe(false);
  });
});
