/**
 * 待办 on 首页: what the caller has to act on, one count per kind of work, for the roles the caller holds.
 * A plain member gets no items. Labels and the list each item opens are the client's.
 */
export const TODO_KINDS = [
  /** registrations waiting for approval in activities of the orgs the caller runs (secretaries) */
  'REGISTRATIONS_TO_REVIEW',
  /** published activities of those orgs that start today (China time): check-in to run */
  'CHECKINS_TODAY',
  /** required 组织生活 meetings (三会一课 …) of those orgs whose running month, quarter or year has no archived record yet */
  'MEETINGS_DUE',
  /** needs of the caller's industry committees still waiting for 派单 (committee staff) */
  'NEEDS_TO_DISPATCH',
  /** brands submitted for review that the caller may approve or return (committee staff) */
  'BRANDS_TO_REVIEW',
  /** needs of the caller's committees with an assignment past its deadline (committee staff) */
  'NEEDS_OVERDUE',
  /** assignments dispatched to the caller's departments waiting for 接单 (department handlers) */
  'ASSIGNMENTS_TO_ACCEPT',
  /** active assignments of those departments due within TODO_LIMITS.dueSoonHours and not yet overdue */
  'ASSIGNMENTS_DUE_SOON',
  /** enterprises assigned to the caller not visited within TODO_LIMITS.visitEveryDays days (instructors) */
  'ENTERPRISES_TO_VISIT',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_LIMITS = {
  /** an active assignment due within this many hours counts as 即将到期 (the same window as the reminder) */
  dueSoonHours: 24,
  /** an assigned enterprise not visited for this many days (or never) counts as 待走访 */
  visitEveryDays: 30,
} as const;

export interface TodoItem {
  kind: TodoKind;
  count: number;
}

export interface TodoResponse {
  /** The kinds that apply to the caller's roles, in TODO_KINDS order, zero counts included; empty for a plain member. */
  items: TodoItem[];
}
