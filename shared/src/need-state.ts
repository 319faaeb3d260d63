import type { AssignmentStatus, NeedStatus } from './need';
import { nextState, statesAccepting, type TransitionTable } from './state-machine';

/**
 * 企业吹哨、部门报到 as transition tables: 点单 (raise, SUBMITTED) → 派单 (dispatch) → 接单 (accept) → 办结
 * (resolve) → 评价 (rate, CLOSED), with answer, return, reopen and merge.
 *
 * Steps on the need itself, and who takes them:
 * - dispatch, answer, merge: staff of the need's industry committee, or an admin;
 * - rate, reopen: the person who raised the need.
 * Steps on one assignment (派单 to one department) are taken by a handler of that department:
 * accept, return, progress, resolve; 'cancel' is the server's when the need is merged.
 */
export const NEED_EVENTS = ['dispatch', 'answer', 'merge', 'rate', 'reopen'] as const;
export type NeedEvent = (typeof NEED_EVENTS)[number];

export const NEED_TRANSITIONS: TransitionTable<NeedStatus, NeedEvent> = {
  SUBMITTED: { dispatch: 'DISPATCHED', answer: 'RESOLVED', merge: 'MERGED' },
  // Dispatching more departments keeps the need where it is.
  DISPATCHED: { dispatch: 'DISPATCHED', merge: 'MERGED' },
  IN_PROGRESS: { dispatch: 'IN_PROGRESS' },
  RESOLVED: { rate: 'CLOSED', reopen: 'SUBMITTED' },
  CLOSED: {},
  MERGED: {},
};

export function canNeed(status: NeedStatus, event: NeedEvent): boolean {
  return nextState(NEED_TRANSITIONS, status, event) !== null;
}

export function nextNeed(status: NeedStatus, event: NeedEvent): NeedStatus | null {
  return nextState(NEED_TRANSITIONS, status, event);
}

export function needStatusesAccepting(event: NeedEvent): NeedStatus[] {
  return statesAccepting(NEED_TRANSITIONS, event);
}

/** Needs still being worked on: the committee may dispatch more, and a duplicate may be merged into them. */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = needStatusesAccepting('dispatch');

export function isNeedOpen(status: NeedStatus): boolean {
  return OPEN_NEED_STATUSES.includes(status);
}

// ── Assignments ─────────────────────────────────────────────────────────────

export const ASSIGNMENT_EVENTS = ['accept', 'return', 'progress', 'resolve', 'cancel'] as const;
export type AssignmentEvent = (typeof ASSIGNMENT_EVENTS)[number];

export const ASSIGNMENT_TRANSITIONS: TransitionTable<AssignmentStatus, AssignmentEvent> = {
  PENDING: { accept: 'ACCEPTED', return: 'RETURNED', cancel: 'CANCELLED' },
  // A progress note is recorded on an accepted assignment and leaves it accepted.
  ACCEPTED: { return: 'RETURNED', progress: 'ACCEPTED', resolve: 'RESOLVED' },
  RETURNED: {},
  RESOLVED: {},
  CANCELLED: {},
};

export function canAssignment(status: AssignmentStatus, event: AssignmentEvent): boolean {
  return nextState(ASSIGNMENT_TRANSITIONS, status, event) !== null;
}

export function nextAssignment(status: AssignmentStatus, event: AssignmentEvent): AssignmentStatus | null {
  return nextState(ASSIGNMENT_TRANSITIONS, status, event);
}

export function assignmentStatusesAccepting(event: AssignmentEvent): AssignmentStatus[] {
  return statesAccepting(ASSIGNMENT_TRANSITIONS, event);
}

/** Assignments a department still has to work on (they count for deadlines and overdue). */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = assignmentStatusesAccepting('return');

export function isAssignmentActive(status: AssignmentStatus): boolean {
  return ACTIVE_ASSIGNMENT_STATUSES.includes(status);
}

/**
 * The need's status after a step on one of its assignments, given the statuses of all its assignments after
 * that step: accepting puts the need in progress; a return sends it back to the committee when no department is
 * left (else in progress if one has accepted, else waiting); the last resolution resolves it.
 */
export function needStatusAfterAssignment(event: AssignmentEvent, current: NeedStatus, assignmentsAfter: readonly AssignmentStatus[]): NeedStatus {
  const active = assignmentsAfter.filter(isAssignmentActive);
  switch (event) {
    case 'accept':
      return 'IN_PROGRESS';
    case 'return':
      if (active.length === 0) return 'SUBMITTED';
      return active.includes('ACCEPTED') ? 'IN_PROGRESS' : 'DISPATCHED';
    case 'resolve':
      return active.length === 0 ? 'RESOLVED' : current;
    case 'progress':
    case 'cancel':
      return current;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

// ── What the caller may do next ─────────────────────────────────────────────

/** How the caller stands to one need. */
export interface NeedRelation<Id extends string | number = string> {
  /** The caller raised it. */
  isRaiser: boolean;
  /** Staff of its industry committee, or an admin. */
  isCommittee: boolean;
  /** Departments the caller handles (派单 to these are theirs to work). */
  departmentIds: readonly Id[];
}

export interface AssignmentActions {
  canAccept: boolean;
  canReturn: boolean;
  /** Record a progress note. */
  canProgress: boolean;
  canResolve: boolean;
}

export interface NeedActions extends AssignmentActions {
  /** Dispatch (more) departments. The server also refuses a department that is already working on it. */
  canDispatch: boolean;
  /** Answer directly, without dispatching. */
  canAnswer: boolean;
  /** Merge into another open need of the same committee (the server checks the target). */
  canMerge: boolean;
  /** Confirm the resolution and rate it (评价). */
  canRate: boolean;
  /** Say it is not solved; it goes back to the committee. */
  canReopen: boolean;
}

export function allowedAssignmentActions<Id extends string | number>(assignment: { status: AssignmentStatus; departmentId: Id }, relation: NeedRelation<Id>): AssignmentActions {
  const mine = relation.departmentIds.includes(assignment.departmentId);
  return {
    canAccept: mine && canAssignment(assignment.status, 'accept'),
    canReturn: mine && canAssignment(assignment.status, 'return'),
    canProgress: mine && canAssignment(assignment.status, 'progress'),
    canResolve: mine && canAssignment(assignment.status, 'resolve'),
  };
}

/** The steps the caller may take on the need; the assignment flags are true when one of the caller's assignments allows it. */
export function allowedNeedActions<Id extends string | number>(
  need: { status: NeedStatus; assignments: ReadonlyArray<{ status: AssignmentStatus; departmentId: Id }> },
  relation: NeedRelation<Id>,
): NeedActions {
  const perAssignment = need.assignments.map((a) => allowedAssignmentActions(a, relation));
  const any = (flag: keyof AssignmentActions) => perAssignment.some((a) => a[flag]);
  return {
    canDispatch: relation.isCommittee && canNeed(need.status, 'dispatch'),
    canAnswer: relation.isCommittee && canNeed(need.status, 'answer'),
    canMerge: relation.isCommittee && canNeed(need.status, 'merge'),
    canRate: relation.isRaiser && canNeed(need.status, 'rate'),
    canReopen: relation.isRaiser && canNeed(need.status, 'reopen'),
    canAccept: any('canAccept'),
    canReturn: any('canReturn'),
    canProgress: any('canProgress'),
    canResolve: any('canResolve'),
  };
}
