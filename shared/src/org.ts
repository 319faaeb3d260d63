import type { PageQuery } from './common';

export const ORG_TYPES = [
  'WORKING_COMMITTEE',
  'INDUSTRY_COMMITTEE',
  'PARTY_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  WORKING_COMMITTEE: '工委',
  INDUSTRY_COMMITTEE: '产业党委',
  PARTY_COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
};

/** Org types that live inside an enterprise. */
export const ENTERPRISE_ORG_TYPES: readonly OrgType[] = ['PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'];

export const CHAIN_ROLES = ['LEADER', 'CORE', 'MEMBER'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const CHAIN_ROLE_LABELS: Record<ChainRole, string> = {
  LEADER: '链长企业',
  CORE: '核心企业',
  MEMBER: '链上企业',
};

export const POLITICAL_STATUSES = ['FULL_MEMBER', 'PROBATIONARY_MEMBER', 'ACTIVIST', 'MASSES'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  FULL_MEMBER: '正式党员',
  PROBATIONARY_MEMBER: '预备党员',
  ACTIVIST: '入党积极分子',
  MASSES: '群众',
};

export interface OrgTreeNode {
  id: string;
  name: string;
  type: OrgType;
  enterpriseId?: string | null;
  children: OrgTreeNode[];
}

export interface OrgResponse {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  enterpriseId: string | null;
  memberCount?: number;
  /** When an admin closed the org (撤销): it leaves the tree and every picker, its history stays readable. */
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOrgRequest {
  name: string;
  type: OrgType;
  parentId?: string | null;
  enterpriseId?: string | null;
}

export type UpdateOrgRequest = Partial<CreateOrgRequest>;

export const ORG_STATUSES = ['OPEN', 'CLOSED'] as const;
/** OPEN: in the tree; CLOSED: closed by an admin (see OrgResponse.closedAt). */
export type OrgStatus = (typeof ORG_STATUSES)[number];

export interface OrgListQuery extends PageQuery {
  type?: OrgType;
  parentId?: string;
  enterpriseId?: string;
  q?: string;
  /** Only open or only closed orgs; both when absent. */
  status?: OrgStatus;
}

export interface ChainEnterprise {
  id: string;
  name: string;
  chainRole: ChainRole;
  /** The enterprise's published Party-building brand, when it has one. */
  brandId?: string | null;
}

export interface ChainResponse {
  id: string;
  name: string;
  industry: string;
  committeeOrgId: string;
  enterprises: ChainEnterprise[];
}

export interface CreateChainRequest {
  name: string;
  industry: string;
  committeeOrgId: string;
  sortOrder?: number;
}

export type UpdateChainRequest = Partial<CreateChainRequest>;

export interface EnterpriseResponse {
  id: string;
  name: string;
  chainId: string | null;
  chainRole: ChainRole | null;
  honours: string[];
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateEnterpriseRequest {
  name: string;
  chainId?: string | null;
  chainRole?: ChainRole | null;
  honours?: string[];
  description?: string | null;
}

export type UpdateEnterpriseRequest = Partial<CreateEnterpriseRequest>;

export interface EnterpriseListQuery extends PageQuery {
  chainId?: string;
  q?: string;
}

export interface DepartmentResponse {
  id: string;
  name: string;
  sortOrder: number;
}

export interface CreateDepartmentRequest {
  name: string;
  sortOrder?: number;
}

export type UpdateDepartmentRequest = Partial<CreateDepartmentRequest>;
