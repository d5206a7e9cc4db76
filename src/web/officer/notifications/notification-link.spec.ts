import { officerNotificationHref } from './notification-link';

const A = '8f3079df-3d32-414a-b4e8-7b947657d04b';
const B = '4823269e-fe6c-4ce5-af4c-288fe793f164';

describe('officerNotificationHref', () => {
  it('opens the object each kind of notice is about', () => {
    expect(
      officerNotificationHref({ kind: 'casework.overdue', payload: { caseId: A, householdId: B } }),
    ).toBe(`/officer/cases/${A}`);
    expect(
      officerNotificationHref({ kind: 'match.posting_ranked', payload: { postingId: A, siteId: B } }),
    ).toBe(`/officer/matches?siteId=${B}&postingId=${A}`);
    expect(
      officerNotificationHref({ kind: 'household.at_risk', payload: { householdId: B, placementId: A } }),
    ).toBe(`/officer/households/${B}`);
    expect(
      officerNotificationHref({ kind: 'workshop.state_changed', payload: { workshopId: A, siteId: B } }),
    ).toBe(`/officer/programmes/workshops/${A}`);
  });

  it('makes no link from a payload that is not an id', () => {
    expect(
      officerNotificationHref({ kind: 'household.at_risk', payload: { householdId: '//evil.example' } }),
    ).toBe(null);
    expect(
      officerNotificationHref({ kind: 'workshop.state_changed', payload: { workshopId: '../admin' } }),
    ).toBe(null);
    expect(officerNotificationHref({ kind: 'notification.deliveries', payload: {} })).toBe(null);
  });
});
