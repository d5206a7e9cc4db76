import { APPLICATION_STATUSES, canTransition, isFinal, isResidentMove } from './application-status';

describe('application transitions', () => {
  it('lets the employer walk the pipeline and reject from any open state after applied', () => {
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

  it('leaves an invitation to the resident: the employer cannot accept, move or reject it', () => {
    for (const to of APPLICATION_STATUSES) expect(canTransition('employer', 'invited', to)).toBe(false);
    expect(canTransition('resident', 'invited', 'applied')).toBe(true);
    expect(canTransition('resident', 'invited', 'declined')).toBe(true);
    expect(canTransition('resident', 'invited', 'withdrawn')).toBe(false);
    expect(canTransition('resident', 'invited', 'interview')).toBe(false);
    expect(isResidentMove('invited', 'applied')).toBe(true);
    expect(isResidentMove('applied', 'viewed')).toBe(false);
  });

  it('lets the resident only withdraw an application', () => {
    const open = APPLICATION_STATUSES.filter((s) => !isFinal(s) && s !== 'invited');
    for (const from of open) {
      expect(canTransition('resident', from, 'withdrawn')).toBe(true);
      for (const to of APPLICATION_STATUSES.filter((s) => s !== 'withdrawn')) {
        expect(canTransition('resident', from, to)).toBe(false);
      }
    }
    expect(canTransition('employer', 'applied', 'declined')).toBe(false);
  });
});
