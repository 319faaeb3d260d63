import { ASSIGNMENT_STATUSES, NEED_STATUSES, type AssignmentStatus, type NeedStatus } from './need';
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  ASSIGNMENT_EVENTS,
  ASSIGNMENT_TRANSITIONS,
  NEED_EVENTS,
  NEED_TRANSITIONS,
  OPEN_NEED_STATUSES,
  allowedAssignmentActions,
  allowedNeedActions,
  assignmentStatusesAccepting,
  canAssignment,
  canNeed,
  isAssignmentActive,
  isNeedOpen,
  needStatusAfterAssignment,
  needStatusesAccepting,
  nextAssignment,
  nextNeed,
  type NeedRelation,
} from './need-state';
import { everyCombination, expectTransitions } from './testing/transitions';

describe('need state machine', () => {
  it('allows exactly the steps NeedService takes on a need, from every status', () => {
    expectTransitions(NEED_STATUSES, NEED_EVENTS, { next: nextNeed, can: canNeed }, `
      SUBMITTED dispatch DISPATCHED
      DISPATCHED dispatch DISPATCHED
      IN_PROGRESS dispatch IN_PROGRESS
      SUBMITTED answer RESOLVED
      SUBMITTED merge MERGED
      DISPATCHED merge MERGED
      RESOLVED rate CLOSED
      RESOLVED reopen SUBMITTED
    `);
    expect(Object.keys(NEED_TRANSITIONS).sort()).toEqual([...NEED_STATUSES].sort());
  });

  it('lists the statuses each step accepts and calls open the ones still being worked on', () => {
    expect(needStatusesAccepting('dispatch')).toEqual(['SUBMITTED', 'DISPATCHED', 'IN_PROGRESS']);
    expect(needStatusesAccepting('merge')).toEqual(['SUBMITTED', 'DISPATCHED']);
    expect(OPEN_NEED_STATUSES).toEqual(['SUBMITTED', 'DISPATCHED', 'IN_PROGRESS']);
    expect(NEED_STATUSES.filter(isNeedOpen)).toEqual(OPEN_NEED_STATUSES);
  });
});

describe('assignment state machine', () => {
  it('allows exactly the steps a department takes (and the cancel of a merge), from every status', () => {
    expectTransitions(ASSIGNMENT_STATUSES, ASSIGNMENT_EVENTS, { next: nextAssignment, can: canAssignment }, `
      PENDING accept ACCEPTED
      PENDING return RETURNED
      ACCEPTED return RETURNED
      ACCEPTED progress ACCEPTED
      ACCEPTED resolve RESOLVED
      PENDING cancel CANCELLED
    `);
    expect(Object.keys(ASSIGNMENT_TRANSITIONS).sort()).toEqual([...ASSIGNMENT_STATUSES].sort());
  });

  it('calls active the assignments a department still holds', () => {
    expect(ACTIVE_ASSIGNMENT_STATUSES).toEqual(['PENDING', 'ACCEPTED']);
    expect(ASSIGNMENT_STATUSES.filter(isAssignmentActive)).toEqual(['PENDING', 'ACCEPTED']);
    expect(assignmentStatusesAccepting('resolve')).toEqual(['ACCEPTED']);
  });
});

describe('need status after a step on an assignment', () => {
  const after = (event: Parameters<typeof needStatusAfterAssignment>[0], current: NeedStatus, statuses: AssignmentStatus[]) => needStatusAfterAssignment(event, current, statuses);

  it('puts the need in progress on accept', () => {
    expect(after('accept', 'DISPATCHED', ['ACCEPTED', 'PENDING'])).toBe('IN_PROGRESS');
    expect(after('accept', 'IN_PROGRESS', ['ACCEPTED', 'ACCEPTED'])).toBe('IN_PROGRESS');
  });

  it('sends it back to the committee when a return leaves no department, else keeps it with the others', () => {
    expect(after('return', 'DISPATCHED', ['RETURNED'])).toBe('SUBMITTED');
    expect(after('return', 'IN_PROGRESS', ['RETURNED', 'RESOLVED', 'CANCELLED'])).toBe('SUBMITTED');
    expect(after('return', 'DISPATCHED', ['RETURNED', 'PENDING'])).toBe('DISPATCHED');
    expect(after('return', 'IN_PROGRESS', ['RETURNED', 'PENDING', 'ACCEPTED'])).toBe('IN_PROGRESS');
    expect(after('return', 'IN_PROGRESS', ['RETURNED', 'PENDING'])).toBe('DISPATCHED');
  });

  it('resolves it with the last open assignment and otherwise leaves it as it is', () => {
    expect(after('resolve', 'IN_PROGRESS', ['RESOLVED', 'RETURNED'])).toBe('RESOLVED');
    expect(after('resolve', 'IN_PROGRESS', ['RESOLVED', 'PENDING'])).toBe('IN_PROGRESS');
    expect(after('resolve', 'IN_PROGRESS', ['RESOLVED', 'ACCEPTED'])).toBe('IN_PROGRESS');
  });

  it('leaves it as it is on a progress note or a cancel', () => {
    for (const s of NEED_STATUSES) {
      expect(after('progress', s, ['ACCEPTED'])).toBe(s);
      expect(after('cancel', s, ['CANCELLED'])).toBe(s);
    }
  });
});

describe('what the caller may do with a need', () => {
  const relations = everyCombination(['isRaiser', 'isCommittee', 'handler'] as const);
  const relationOf = (r: (typeof relations)[number]): NeedRelation => ({ isRaiser: r.isRaiser, isCommittee: r.isCommittee, departmentIds: r.handler ? ['7'] : ['8'] });

  it('gives committee steps to the committee, raiser steps to the raiser and assignment steps to the department, per the table', () => {
    for (const status of NEED_STATUSES) {
      for (const assignment of ASSIGNMENT_STATUSES) {
        for (const r of relations) {
          const flags = allowedNeedActions({ status, assignments: [{ status: assignment, departmentId: '7' }] }, relationOf(r));
          expect({ status, assignment, ...r, ...flags }).toEqual({
            status,
            assignment,
            ...r,
            canDispatch: r.isCommittee && ['SUBMITTED', 'DISPATCHED', 'IN_PROGRESS'].includes(status),
            canAnswer: r.isCommittee && status === 'SUBMITTED',
            canMerge: r.isCommittee && ['SUBMITTED', 'DISPATCHED'].includes(status),
            canRate: r.isRaiser && status === 'RESOLVED',
            canReopen: r.isRaiser && status === 'RESOLVED',
            canAccept: r.handler && assignment === 'PENDING',
            canReturn: r.handler && ['PENDING', 'ACCEPTED'].includes(assignment),
            canProgress: r.handler && assignment === 'ACCEPTED',
            canResolve: r.handler && assignment === 'ACCEPTED',
          });
        }
      }
    }
  });

  it('flags one assignment for its own department only, with numeric ids too', () => {
    const handler: NeedRelation<number> = { isRaiser: false, isCommittee: false, departmentIds: [3] };
    expect(allowedAssignmentActions({ status: 'PENDING', departmentId: 3 }, handler)).toEqual({ canAccept: true, canReturn: true, canProgress: false, canResolve: false });
    expect(allowedAssignmentActions({ status: 'PENDING', departmentId: 4 }, handler)).toEqual({ canAccept: false, canReturn: false, canProgress: false, canResolve: false });
    const need = allowedNeedActions({ status: 'IN_PROGRESS', assignments: [{ status: 'ACCEPTED', departmentId: 4 }, { status: 'PENDING', departmentId: 3 }] }, handler);
    expect(need).toMatchObject({ canAccept: true, canReturn: true, canProgress: false, canResolve: false });
  });

  it('offers no assignment step on a need without assignments', () => {
    const flags = allowedNeedActions({ status: 'SUBMITTED', assignments: [] }, { isRaiser: true, isCommittee: true, departmentIds: ['1'] });
    expect(flags).toEqual({ canDispatch: true, canAnswer: true, canMerge: true, canRate: false, canReopen: false, canAccept: false, canReturn: false, canProgress: false, canResolve: false });
  });
});
