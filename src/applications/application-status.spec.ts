import { APPLICATION_STATUSES, canTransition, isFinal } from './application-status';

describe('application transitions', () => {
  it('lets the employer walk the pipeline and reject from any open state', () => {
    expect(canTransition('employer', 'applied', 'viewed')).toBe(true);
    expect(canTransition('employer', 'applied', 'interview')).toBe(true);
    expect(canTransition('employer', 'viewed', 'interview')).toBe(true);
    expect(canTransition('employer', 'interview', 'offered')).toBe(true);
    expect(canTransition('employer', 'offered', 'hired')).toBe(true);
    for (const s of ['applied', 'viewed', 'interview', 'offered'] as const) {
      expect(canTransition('employer', s, 'rejected')).toBe(true);
    }
  });

  it('refuses skipped steps, going back and leaving a final state', () => {
    expect(canTransition('employer', 'applied', 'hired')).toBe(false);
    expect(canTransition('employer', 'applied', 'offered')).toBe(false);
    expect(canTransition('employer', 'interview', 'viewed')).toBe(false);
    expect(canTransition('employer', 'applied', 'withdrawn')).toBe(false);
    for (const from of APPLICATION_STATUSES.filter(isFinal)) {
      for (const to of APPLICATION_STATUSES) {
        expect(canTransition('employer', from, to)).toBe(false);
        expect(canTransition('resident', from, to)).toBe(false);
      }
    }
  });

  it('lets the resident only withdraw', () => {
    for (const from of APPLICATION_STATUSES.filter((s) => !isFinal(s))) {
      expect(canTransition('resident', from, 'withdrawn')).toBe(true);
      for (const to of APPLICATION_STATUSES.filter((s) => s !== 'withdrawn')) {
        expect(canTransition('resident', from, to)).toBe(false);
      }
    }
  });
});
