import type { MeResponse } from '@torch-red/shared';

export function buildMe(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'user-1',
    name: '张伟',
    roles: [{ role: 'MEMBER' }],
    orgId: 'org-1',
    orgName: '明阳风电党支部',
    enterpriseId: 'ent-1',
    enterpriseName: '明阳风电',
    politicalStatus: 'FULL_MEMBER',
    phone: '138****5678',
    isSample: true,
    ...overrides,
  };
}
