import { APPEAL_EVENTS, APPEAL_TRANSITIONS, appealAnswerEvent, appealProgress, canAppeal, nextAppeal } from './appeal-state';
import { APPEAL_STATUSES } from './talk';
import { expectTransitions } from './testing/transitions';

describe('appeal state machine', () => {
  it('lets an admin set any status at any time and a new sign-up receive the appeal afresh, from every status', () => {
    const lines = APPEAL_STATUSES.flatMap((from) => [`${from} answer ANSWERED`, `${from} followUp FOLLOW_UP`, `${from} markReceived RECEIVED`, `${from} resubmit RECEIVED`]);
    expectTransitions(APPEAL_STATUSES, APPEAL_EVENTS, { next: nextAppeal, can: canAppeal }, lines.join('\n'));
    expect(Object.keys(APPEAL_TRANSITIONS).sort()).toEqual([...APPEAL_STATUSES].sort());
  });

  it('maps the status an admin picks to the event that sets it', () => {
    for (const status of APPEAL_STATUSES) expect(nextAppeal('RECEIVED', appealAnswerEvent(status))).toBe(status);
  });

  it('reads 已提交 while the registration waits for review, 待答复 once accepted, and never 已受理 before that', () => {
    expect(appealProgress('RECEIVED', 'PENDING')).toBe('SUBMITTED');
    expect(appealProgress('RECEIVED', 'CONFIRMED')).toBe('AWAITING_ANSWER');
    expect(appealProgress('RECEIVED', 'WAITLISTED')).toBe('AWAITING_ANSWER');
    expect(appealProgress('RECEIVED', 'REJECTED')).toBe('NOT_ACCEPTED');
    expect(appealProgress('RECEIVED', 'CANCELLED')).toBe('WITHDRAWN');
    expect(appealProgress('RECEIVED', null)).toBe('WITHDRAWN');
    expect(appealProgress('ANSWERED', 'PENDING')).toBe('ANSWERED');
    expect(appealProgress('FOLLOW_UP', 'CONFIRMED')).toBe('FOLLOW_UP');
  });
});
