import type { OrgTreeNode } from '@torch-red/shared';
import { canKeepMeetings, canSeeCompliance, meetingOrgs } from './access';

const node = (id: string, type: OrgTreeNode['type'], children: OrgTreeNode[] = []): OrgTreeNode => ({ id, name: `org-${id}`, type, children });
const tree = [node('1', 'WORKING_COMMITTEE', [node('2', 'INDUSTRY_COMMITTEE', [node('3', 'PARTY_COMMITTEE', [node('4', 'BRANCH'), node('5', 'BRANCH')]), node('6', 'BRANCH')])])];

describe('组织生活 access', () => {
  it('offers a secretary the branches they run (and those below), an admin every branch', () => {
    expect(meetingOrgs({ roles: [{ role: 'SECRETARY', orgId: '6' }] }, tree).map((org) => org.id)).toEqual(['6']);
    expect(meetingOrgs({ roles: [{ role: 'SECRETARY', orgId: '3' }] }, tree).map((org) => org.id)).toEqual(['4', '5']);
    expect(meetingOrgs({ roles: [{ role: 'ADMIN' }] }, tree).map((org) => org.id)).toEqual(['4', '5', '6']);
    expect(meetingOrgs({ roles: [{ role: 'COMMITTEE', orgId: '2' }] }, tree)).toEqual([]);
  });

  it('shows the records to secretaries and admins, compliance to committee staff and admins', () => {
    expect(canKeepMeetings({ roles: [{ role: 'SECRETARY', orgId: '6' }] })).toBe(true);
    expect(canKeepMeetings({ roles: [{ role: 'COMMITTEE', orgId: '2' }] })).toBe(false);
    expect(canSeeCompliance({ roles: [{ role: 'COMMITTEE', orgId: '2' }] })).toBe(true);
    expect(canSeeCompliance({ roles: [{ role: 'SECRETARY', orgId: '6' }] })).toBe(false);
    expect(canSeeCompliance({ roles: [{ role: 'ADMIN' }] })).toBe(true);
  });
});
