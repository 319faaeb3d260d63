import type { PoliticalStatus } from './org';
import type { MeResponse } from './auth';

/**
 * Getting real people in (绑定 / 入党组织申请 / 企业代表): binding a WeChat account to the roster row
 * that stands for the same person, asking to join an organisation, and asking to represent an enterprise.
 */

/** Characters of one-time binding codes and join codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes. */
export const ONBOARDING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const BINDING_CODE_LENGTH = 6;
export const JOIN_CODE_LENGTH = 8;

export const ONBOARDING_LIMITS = {
  /** A one-time binding code expires this many hours after it was issued. */
  bindingCodeHours: 24,
  /** Wrong binding codes a person may enter per window before being refused (counted in the database). */
  bindingCodeAttempts: 5,
  /** Join-code look-ups a person may make per window. */
  joinCodeAttempts: 10,
  attemptWindowMinutes: 15,
  reasonMax: 200,
  nameMax: 50,
} as const;

/** How a binding ended: joined the roster row, or only saved the phone because no roster row matches. */
export type BindingOutcome = 'ATTACHED' | 'PHONE_SAVED';

export interface BindPhoneRequest {
  /** `detail.code` of the getPhoneNumber button (valid 5 minutes, once). */
  code: string;
}

export interface RedeemBindingCodeRequest {
  code: string;
}

export interface BindingResult {
  outcome: BindingOutcome;
  /** What to tell the person, in Chinese. */
  message: string;
  me: MeResponse;
}

export type JoinRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export const JOIN_REQUEST_STATUS_LABELS: Record<JoinRequestStatus, string> = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过' };

/** What the 我的 page shows as bound and missing. */
export interface BindingStatusResponse {
  org: { id: string; name: string } | null;
  enterprise: { id: string; name: string } | null;
  /** Masked. */
  phone: string | null;
  politicalStatus: PoliticalStatus | null;
  /** Departments the person handles needs for (职能部门). */
  departments: Array<{ id: string; name: string }>;
  pendingJoinRequest: JoinRequestResponse | null;
  pendingRepresentation: RepresentationRequestResponse | null;
}

export interface JoinCodeResponse {
  orgId: string;
  orgName: string;
  code: string;
  /** PNG data URL of the QR code; the QR holds `code`. */
  qrDataUrl: string;
  createdAt: string;
}

/** The path parameter of a join-code look-up. */
export interface JoinCodeParams {
  code: string;
}

/** What a person sees after typing or scanning a join code, before sending the request. */
export interface JoinCodePreview {
  orgId: string;
  orgName: string;
}

export interface CreateJoinRequestRequest {
  code: string;
  name: string;
  politicalStatus: PoliticalStatus;
  enterpriseId?: string | null;
}

export interface JoinRequestResponse {
  id: string;
  userId: string;
  orgId: string;
  orgName: string;
  name: string;
  politicalStatus: PoliticalStatus;
  enterpriseId: string | null;
  enterpriseName: string | null;
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  canDecide: boolean;
}

export interface RejectRequestBody {
  reason: string;
}

export interface OnboardingListQuery {
  status?: JoinRequestStatus;
}

export const REPRESENTATION_KINDS = ['ENTREPRENEUR', 'CONTACT'] as const;
export type RepresentationKind = (typeof REPRESENTATION_KINDS)[number];
export const REPRESENTATION_KIND_LABELS: Record<RepresentationKind, string> = { ENTREPRENEUR: '企业家', CONTACT: '企业联络人' };

export interface CreateRepresentationRequest {
  enterpriseId: string;
  kind: RepresentationKind;
}

export interface RepresentationRequestResponse {
  id: string;
  userId: string;
  userName: string;
  enterpriseId: string;
  enterpriseName: string;
  kind: RepresentationKind;
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  canDecide: boolean;
}

/** A roster person who has not bound a WeChat account yet, for issuing a one-time code. */
export interface BindingCandidate {
  id: string;
  name: string;
  /** Masked. */
  phone: string | null;
  orgId: string;
  orgName: string;
  /** When the newest unused code expires, if one is outstanding. */
  codeExpiresAt: string | null;
}

export interface BindingCodeResponse {
  userId: string;
  name: string;
  /** Shown once: only its hash is stored. */
  code: string;
  expiresAt: string;
}
