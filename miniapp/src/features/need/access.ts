import type { MeResponse, Role } from '@torch-red/shared';

type Who = Pick<MeResponse, 'roles'> | null | undefined;

const has = (me: Who, roles: readonly Role[]) => me?.roles.some((grant) => roles.includes(grant.role)) ?? false;

/** Committee staff and admins keep the ledger (需求台账) and dispatch. */
export const canKeepLedger = (me: Who) => has(me, ['COMMITTEE', 'ADMIN']);
/** Department handlers (部门报到) work their assignments. */
export const isDepartmentHandler = (me: Who) => has(me, ['DEPARTMENT']);
/** Party-building instructors (党建指导员) log visits. */
export const isInstructor = (me: Who) => has(me, ['INSTRUCTOR']);
/** The dashboard (数据看板) is for admins and committee staff. */
export const canSeeDashboard = (me: Who) => has(me, ['COMMITTEE', 'ADMIN']);

// What someone may do with one need (rate, reopen, dispatch, accept, …) is not decided here: the server says it
// in the need's own flags (NeedSummary.canRate, NeedAssignmentResponse.canAccept, …). These role checks only
// choose which workspace entries to show.
