import type { ChainResponse, DepartmentResponse, EnterpriseResponse, OrgResponse } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { ChainEntity } from './chain.entity';
import type { DepartmentEntity } from './department.entity';
import type { EnterpriseEntity } from './enterprise.entity';
import type { OrgEntity } from './org.entity';

const idOrNull = (id: number | null): string | null => (id === null ? null : String(id));

export function toOrgResponse(org: OrgEntity): OrgResponse {
  return {
    id: String(org.id),
    name: org.name,
    type: org.type,
    parentId: idOrNull(org.parentId),
    enterpriseId: idOrNull(org.enterpriseId),
    closedAt: toIso(org.closedAt),
    createdAt: toIso(org.createdAt),
    updatedAt: toIso(org.updatedAt),
  };
}

export function toEnterpriseResponse(e: EnterpriseEntity): EnterpriseResponse {
  return {
    id: String(e.id),
    name: e.name,
    chainId: idOrNull(e.chainId),
    chainRole: e.chainRole,
    honours: e.honours ?? [],
    description: e.description,
    createdAt: toIso(e.createdAt),
    updatedAt: toIso(e.updatedAt),
  };
}

const CHAIN_ROLE_ORDER = { LEADER: 0, CORE: 1, MEMBER: 2 } as const;

export function toChainResponse(chain: ChainEntity, enterprises: EnterpriseEntity[], brandOf: Map<number, string> = new Map()): ChainResponse {
  return {
    id: String(chain.id),
    name: chain.name,
    industry: chain.industry,
    committeeOrgId: String(chain.committeeOrgId),
    enterprises: enterprises
      .filter((e) => e.chainId === chain.id && e.chainRole !== null)
      .sort((a, b) => CHAIN_ROLE_ORDER[a.chainRole!] - CHAIN_ROLE_ORDER[b.chainRole!] || a.id - b.id)
      .map((e) => ({ id: String(e.id), name: e.name, chainRole: e.chainRole!, brandId: brandOf.get(e.id) ?? null })),
  };
}

export function toDepartmentResponse(d: DepartmentEntity): DepartmentResponse {
  return { id: String(d.id), name: d.name, sortOrder: d.sortOrder };
}
