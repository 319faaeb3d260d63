import type { AppealStatus } from './talk';
import { nextState, type TransitionTable } from './state-machine';

/**
 * A 月月谈 appeal (诉求) as a transition table. An admin answers it and sets its status, any status, at any
 * time (answering again replaces the answer); an entrepreneur who cancels and signs up again replaces the
 * appeal, which is received afresh. The server has no state guard on appeals: every event is allowed from
 * every state, and the table says so explicitly.
 */
export const APPEAL_EVENTS = ['answer', 'followUp', 'markReceived', 'resubmit'] as const;
export type AppealEvent = (typeof APPEAL_EVENTS)[number];

const ANY = { answer: 'ANSWERED', followUp: 'FOLLOW_UP', markReceived: 'RECEIVED', resubmit: 'RECEIVED' } as const;

export const APPEAL_TRANSITIONS: TransitionTable<AppealStatus, AppealEvent> = {
  RECEIVED: ANY,
  ANSWERED: ANY,
  FOLLOW_UP: ANY,
};

/** The admin's answering event that sets `status`. */
export function appealAnswerEvent(status: AppealStatus): AppealEvent {
  switch (status) {
    case 'ANSWERED':
      return 'answer';
    case 'FOLLOW_UP':
      return 'followUp';
    case 'RECEIVED':
      return 'markReceived';
    default: {
      const unhandled: never = status;
      return unhandled;
    }
  }
}

export function canAppeal(status: AppealStatus, event: AppealEvent): boolean {
  return nextState(APPEAL_TRANSITIONS, status, event) !== null;
}

export function nextAppeal(status: AppealStatus, event: AppealEvent): AppealStatus | null {
  return nextState(APPEAL_TRANSITIONS, status, event);
}

