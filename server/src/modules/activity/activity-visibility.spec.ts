import type { AuthUser } from '../../common/auth/auth-user';
import { OrgTree } from '../org/org-tree';
import { audienceOf, canSee } from './activity-visibility';

// committee 1 (chain 10) ── branch 2 (enterprise 100) ── group 3;  committee 4 (chain 20) ── branch 5 (enterprise 200)
const tree = new OrgTree(
  [
    { id: 1, parentId: null, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
    { id: 2, parentId: 1, enterpriseId: 100, type: 'BRANCH' },
    { id: 3, parentId: 2, enterpriseId: 100, type: 'BRANCH' },
    { id: 4, parentId: null, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
    { id: 5, parentId: 4, enterpriseId: 200, type: 'BRANCH' },
  ],
  [
    { id: 100, chainId: 10 },
    { id: 200, chainId: 20 },
    { id: 300, chainId: 10 },
  ],
  [
    { id: 10, committeeOrgId: 1 },
    { id: 20, committeeOrgId: 4 },
  ],
);
const user = (over: Partial<AuthUser>): AuthUser => ({ id: 1, name: '某人', orgId: null, enterpriseId: null, grants: [], isAdmin: false, ...over });
const sees = (u: AuthUser, orgId: number) => (['ORG', 'CHAIN', 'PUBLIC'] as const).map((visibility) => canSee(audienceOf(u, tree), { orgId, visibility }));

describe('activity visibility', () => {
  it('lets a branch member see their branch and the orgs above it (ORG), and their chain (CHAIN)', () => {
    const member = user({ orgId: 2, enterpriseId: 100 });
    expect(sees(member, 2)).toEqual([true, true, true]);
    expect(sees(member, 1)).toEqual([true, true, true]);
    expect(sees(member, 3)).toEqual([false, true, true]);
    expect(sees(member, 5)).toEqual([false, false, true]);
  });

  it('shows a 群众 entrepreneur CHAIN activities of their enterprise’s chain, never ORG ones', () => {
    const entrepreneur = user({ enterpriseId: 300 });
    expect(sees(entrepreneur, 2)).toEqual([false, true, true]);
    expect(sees(entrepreneur, 5)).toEqual([false, false, true]);
  });

  it('shows a brand-new user PUBLIC ones only, and admins everything', () => {
    expect(sees(user({}), 2)).toEqual([false, false, true]);
    expect(audienceOf(user({ isAdmin: true }), tree)).toBeNull();
    expect(sees(user({ isAdmin: true }), 5)).toEqual([true, true, true]);
  });

  it('lets committee staff see everything below their committee', () => {
    const committee = user({ grants: [{ id: 1, role: 'COMMITTEE', orgId: 1, departmentId: null }] });
    expect(sees(committee, 3)).toEqual([true, true, true]);
    expect(sees(committee, 5)).toEqual([false, false, true]);
  });
});
