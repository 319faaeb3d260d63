import { departmentIdsOf, orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import type { OrgTree } from '../org/org-tree';

/**
 * Every object-level permission, named by what the caller wants to do to which kind of object.
 * The decisions below are pure: they take the caller, the facts about one object and the org tree,
 * so the whole permission × role matrix is unit-tested without a database.
 */
export const ORG_PERMISSIONS = [
  /** see an org's members, study participation, workspace lists */
  'org.read',
  /** run an org's activities, brand, posts (today the same people as org.read) */
  'org.manage',
  /** approve or return the org's brand: committee staff above it, admins */
  'brand.review',
  /** import, list, edit and export the org's roster: its secretaries, its industry committee, admins */
  'roster.manage',
  /** mark one of the org's people as left: the secretaries of the org (or one above it), admins */
  'roster.leave',
  /** join codes, join requests and one-time binding codes of the org's people: its secretaries, committee staff above it, admins */
  'onboarding.approve',
  /** record, edit, archive and delete the org's 组织生活 meetings: the secretaries of the org (or one above it), admins */
  'meeting.record',
  /** every meeting record of the org (drafts too), its calendar and record book: its secretaries, committee staff above it, admins */
  'meeting.oversee',
] as const;
export const MEETING_PERMISSIONS = [
  /** open one meeting record: those who oversee its org; once archived, also the org's members and the people counted in it */
  'meeting.read',
] as const;
export const NEED_PERMISSIONS = [
  /** open a need: raiser, its enterprise's secretaries, its committee, assigned departments, admins */
  'need.read',
  /** dispatch, answer, merge: the need's industry committee, admins */
  'need.committee',
  /** confirm the outcome (rate it, or reopen it): the person who raised the need, no one else */
  'need.confirm',
] as const;
export const ASSIGNMENT_PERMISSIONS = [
  /** accept, return, note progress on, resolve an assignment: handlers of its department */
  'assignment.handle',
] as const;
export const ENTERPRISE_PERMISSIONS = [
  /** log an instructor visit: the assigned instructor, admins */
  'enterprise.visit',
  /** raise a need on the enterprise's behalf: its people, its secretaries, admins */
  'enterprise.raise-need',
  /** approve someone as the enterprise's 企业家 / 企业联络人: its Party secretaries, its chain's committee staff, admins */
  'enterprise.approve-representative',
] as const;

export type OrgPermission = (typeof ORG_PERMISSIONS)[number];
export type NeedPermission = (typeof NEED_PERMISSIONS)[number];
export type EnterprisePermission = (typeof ENTERPRISE_PERMISSIONS)[number];
export type AssignmentPermission = (typeof ASSIGNMENT_PERMISSIONS)[number];
export type MeetingPermission = (typeof MEETING_PERMISSIONS)[number];
export type Permission = OrgPermission | NeedPermission | EnterprisePermission | AssignmentPermission;

export interface NeedFacts {
  committeeOrgId: number;
  raisedBy: number;
  enterpriseId: number;
  /** departments the need has been dispatched to (any assignment status) */
  departmentIds: number[];
}

export interface AssignmentFacts {
  /** the department the assignment was dispatched to */
  departmentId: number;
}

export interface MeetingFacts {
  orgId: number;
  archived: boolean;
  /** the people on its attendance list */
  attendeeIds: number[];
}

export interface EnterpriseFacts {
  id: number;
  /** instructors assigned to the enterprise */
  instructorIds: number[];
  /** the industry committee of the enterprise's chain, if it is on one */
  committeeOrgId: number | null;
}

/** Orgs the caller manages: secretaries and committee staff act on their org and everything below it. */
/**
 * False when no org could pass `decideOrg` for this person whatever the tree holds (not an admin, no
 * secretary/committee grant for the permission): the caller may skip loading the tree.
 */
export function mayHoldOrgPermission(user: AuthUser, permission: OrgPermission): boolean {
  if (user.isAdmin) return true;
  return rootsFor(user, permission).length > 0;
}

/** The orgs whose subtrees a permission reaches for this (non-admin) person. */
function rootsFor(user: AuthUser, permission: OrgPermission): number[] {
  switch (permission) {
    case 'org.read':
    case 'org.manage':
    case 'roster.manage':
    case 'onboarding.approve':
    case 'meeting.oversee':
      return managedRoots(user);
    case 'roster.leave':
    case 'meeting.record':
      return orgIdsWithRole(user, 'SECRETARY');
    case 'brand.review':
      return orgIdsWithRole(user, 'COMMITTEE');
  }
}

function managedRoots(user: AuthUser): number[] {
  return [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
}

/** Enterprises whose Party organisation the caller is secretary of. */
export function secretaryEnterpriseIds(user: AuthUser, tree: OrgTree): number[] {
  return orgIdsWithRole(user, 'SECRETARY')
    .map((id) => tree.get(id)?.enterpriseId ?? null)
    .filter((e): e is number => e !== null);
}

export function decideOrg(user: AuthUser, permission: OrgPermission, orgId: number, tree: OrgTree): boolean {
  if (!tree.has(orgId)) return false;
  if (user.isAdmin) return true;
  return tree.isWithin(orgId, rootsFor(user, permission));
}

export function decideMeeting(user: AuthUser, permission: MeetingPermission, meeting: MeetingFacts, tree: OrgTree): boolean {
  switch (permission) {
    case 'meeting.read':
      if (decideOrg(user, 'meeting.oversee', meeting.orgId, tree)) return true;
      return meeting.archived && (user.orgId === meeting.orgId || meeting.attendeeIds.includes(user.id));
  }
}

/** Staff of the need's industry committee; admins count as every committee. */
export function isNeedCommittee(user: AuthUser, committeeOrgId: number): boolean {
  return user.isAdmin || orgIdsWithRole(user, 'COMMITTEE').includes(committeeOrgId);
}

export function decideNeed(user: AuthUser, permission: NeedPermission, need: NeedFacts, tree: OrgTree): boolean {
  const committee = isNeedCommittee(user, need.committeeOrgId);
  switch (permission) {
    case 'need.committee':
      return committee;
    case 'need.confirm':
      return need.raisedBy === user.id;
    case 'need.read': {
      if (committee || need.raisedBy === user.id) return true;
      const departments = departmentIdsOf(user);
      if (need.departmentIds.some((d) => departments.includes(d))) return true;
      return secretaryEnterpriseIds(user, tree).includes(need.enterpriseId);
    }
  }
}

export function decideAssignment(user: AuthUser, permission: AssignmentPermission, assignment: AssignmentFacts): boolean {
  switch (permission) {
    case 'assignment.handle':
      return departmentIdsOf(user).includes(assignment.departmentId);
  }
}

export function decideEnterprise(user: AuthUser, permission: EnterprisePermission, enterprise: EnterpriseFacts, tree: OrgTree): boolean {
  if (user.isAdmin) return true;
  switch (permission) {
    case 'enterprise.visit':
      return enterprise.instructorIds.includes(user.id);
    case 'enterprise.raise-need':
      return user.enterpriseId === enterprise.id || secretaryEnterpriseIds(user, tree).includes(enterprise.id);
    case 'enterprise.approve-representative':
      return (
        secretaryEnterpriseIds(user, tree).includes(enterprise.id) ||
        (enterprise.committeeOrgId !== null && orgIdsWithRole(user, 'COMMITTEE').includes(enterprise.committeeOrgId))
      );
  }
}
