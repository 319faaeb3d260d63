import type { OrgTreeNode } from '@torch-red/shared';
import { canManageRoster, rosterOrgs } from './access';

const node = (id: string, name: string, children: OrgTreeNode[] = []): OrgTreeNode => ({ id, name, type: 'BRANCH', children });
const tree = [node('1', '工委', [node('2', '新能源产业党委', [node('3', '明阳风电党委', [node('4', '第一支部')])]), node('5', '石化产业党委', [node('6', '亿鑫化工党支部')])])];

describe('roster access', () => {
  it('lets secretaries, committee staff and admins keep rosters, nobody else', () => {
    expect(canManageRoster({ roles: [{ role: 'MEMBER' }] })).toBe(false);
    expect(canManageRoster({ roles: [{ role: 'DEPARTMENT', departmentId: '1' }] })).toBe(false);
    expect(canManageRoster({ roles: [{ role: 'SECRETARY', orgId: '4' }] })).toBe(true);
    expect(canManageRoster({ roles: [{ role: 'ADMIN' }] })).toBe(true);
  });

  it('offers the orgs below each grant, indented; admins get every org', () => {
    expect(rosterOrgs({ roles: [{ role: 'COMMITTEE', orgId: '2' }] }, tree)).toEqual([
      { id: '2', name: '新能源产业党委', depth: 0 },
      { id: '3', name: '明阳风电党委', depth: 1 },
      { id: '4', name: '第一支部', depth: 2 },
    ]);
    expect(rosterOrgs({ roles: [{ role: 'SECRETARY', orgId: '6' }] }, tree).map((o) => o.name)).toEqual(['亿鑫化工党支部']);
    expect(rosterOrgs({ roles: [{ role: 'ADMIN' }] }, tree)).toHaveLength(6);
    expect(rosterOrgs({ roles: [{ role: 'MEMBER' }] }, tree)).toEqual([]);
  });
});
