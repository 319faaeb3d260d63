import type { RoleGrant } from './auth';
import type { OrgType, PoliticalStatus } from './org';
import type { PageQuery } from './common';

/** 党内职务: the post a person holds in their Party organisation, as the roster records it. */
export const PARTY_POSTS = ['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION_MEMBER', 'PUBLICITY_MEMBER', 'DISCIPLINE_MEMBER', 'MEMBER'] as const;
export type PartyPost = (typeof PARTY_POSTS)[number];

export const PARTY_POST_LABELS: Record<PartyPost, string> = {
  SECRETARY: '书记',
  DEPUTY_SECRETARY: '副书记',
  ORGANIZATION_MEMBER: '组织委员',
  PUBLICITY_MEMBER: '宣传委员',
  DISCIPLINE_MEMBER: '纪检委员',
  MEMBER: '党员',
};

/**
 * The one place a party post turns into a role grant, scoped to the person's organisation: the
 * secretary of an enterprise's Party organisation runs its workspace (SECRETARY), the secretary of an
 * industry Party committee is its staff (COMMITTEE). Every other post grants nothing beyond MEMBER.
 */
export function roleForPartyPost(post: PartyPost | null, orgType: OrgType): 'SECRETARY' | 'COMMITTEE' | null {
  if (post !== 'SECRETARY') return null;
  if (orgType === 'INDUSTRY_COMMITTEE') return 'COMMITTEE';
  if (orgType === 'WORKING_COMMITTEE') return null;
  return 'SECRETARY';
}

/** The roster template's columns, in order; the export uses the same ones so it can be imported again. */
export const ROSTER_COLUMNS = ['姓名', '手机号', '所在党组织', '政治面貌', '所在企业', '党内职务', '入党日期'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const ROSTER_LIMITS = {
  /** Rows one import may hold. */
  importMaxRows: 20000,
  /** Largest roster file accepted, in bytes. */
  importMaxBytes: 10 * 1024 * 1024,
} as const;

/** One person on an organisation's roster, as the workspace lists them. */
export interface RosterPerson {
  id: string;
  name: string;
  /** Masked (138****5678) unless the caller is an admin. */
  phone: string | null;
  orgId: string | null;
  orgName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  politicalStatus: PoliticalStatus | null;
  partyPost: PartyPost | null;
  /** YYYY-MM-DD */
  partyJoinedAt: string | null;
  /** Signed in with WeChat (or another sign-in) at least once: an account is attached. */
  bound: boolean;
  disabled: boolean;
  roles: RoleGrant[];
  /** The caller may mark this person as left (secretary of their org, or admin). */
  canMarkLeft: boolean;
}

export type RosterBoundFilter = 'true' | 'false';

/** `GET /api/workspace/orgs/:orgId/roster`: the org's people and those of the orgs below it. */
export interface RosterListQuery extends PageQuery {
  /** A name fragment, or an exact phone number. */
  q?: string;
  politicalStatus?: PoliticalStatus;
  bound?: RosterBoundFilter;
  role?: 'SECRETARY' | 'COMMITTEE' | 'DEPARTMENT' | 'INSTRUCTOR' | 'ADMIN';
}

/** `PUT /api/workspace/roster/:userId`: the whole roster row of one person. */
export interface UpdateRosterPersonRequest {
  name: string;
  /** Left out: unchanged (secretaries only ever see the number masked). */
  phone?: string;
  orgId: string;
  enterpriseId: string | null;
  politicalStatus: PoliticalStatus;
  partyPost: PartyPost | null;
  partyJoinedAt: string | null;
}

export interface ImportRosterResponse {
  /** Rows that created a new person. */
  created: number;
  /** Rows that changed an existing person (matched by phone). */
  updated: number;
  /** Rows identical to what was already there. */
  unchanged: number;
  /** Role grants added from 党内职务. */
  rolesGranted: number;
  /** Role grants removed because a post changed. */
  rolesRevoked: number;
}

/** `POST /api/workspace/roster/:userId/leave`. */
export interface MarkLeftRequest {
  /** Why, kept in the audit log (转出 to another zone, 退休 …). */
  reason?: string;
}

export interface MarkLeftResponse {
  id: string;
  name: string;
  leftAt: string;
  leftOrgId: string;
  rolesRevoked: number;
}
