import type { ChainEnterprise, ChainResponse } from '@torch-red/shared';

let sequence = 0;

export function buildEnterprise(overrides: Partial<ChainEnterprise> = {}): ChainEnterprise {
  sequence += 1;
  return { id: `ent-${sequence}`, name: `示例企业${sequence}`, chainRole: 'MEMBER', ...overrides };
}

export function buildChain(overrides: Partial<ChainResponse> = {}): ChainResponse {
  sequence += 1;
  return {
    id: `chain-${sequence}`,
    name: `示例产业链${sequence}`,
    industry: '新兴产业',
    committeeOrgId: `org-${sequence}`,
    enterprises: [],
    ...overrides,
  };
}
