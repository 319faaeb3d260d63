import { APPEAL_EVENTS, APPEAL_TRANSITIONS, appealAnswerEvent, canAppeal, nextAppeal } from './appeal-state';
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
});
