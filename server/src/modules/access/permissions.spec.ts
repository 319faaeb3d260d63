import type { AuthUser, Grant } from '../../common/auth/auth-user';
import { OrgTree } from '../org/org-tree';
import {
  ASSIGNMENT_PERMISSIONS,
  ENTERPRISE_PERMISSIONS,
  NEED_PERMISSIONS,
  ORG_PERMISSIONS,
  decideAssignment,
  decideEnterprise,
  decideMeeting,
  decideNeed,
  decideOrg,
  mayHoldOrgPermission,
  type EnterpriseFacts,
  type MeetingFacts,
  type NeedFacts,
} from './permissions';

// 1 工委 ─ 2 产业党委 (chain 10) ─ 3 企业党委 (enterprise 100) ─ 4 支部
//        └ 5 产业党委 (chain 20) ─ 6 支部 (enterprise 200)
const tree = new OrgTree(
  [
    { id: 1, parentId: null, enterpriseId: null, type: 'WORKING_COMMITTEE' },
    { id: 2, parentId: 1, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
    { id: 3, parentId: 2, enterpriseId: 100, type: 'PARTY_COMMITTEE' },
    { id: 4, parentId: 3, enterpriseId: null, type: 'BRANCH' },
    { id: 5, parentId: 1, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
    { id: 6, parentId: 5, enterpriseId: 200, type: 'BRANCH' },
  ],
  [
    { id: 100, chainId: 10 },
    { id: 200, chainId: 20 },
  ],
  [
    { id: 10, committeeOrgId: 2 },
    { id: 20, committeeOrgId: 5 },
  ],
);

let grantSeq = 0;
function person(id: number, grants: Array<Omit<Grant, 'id'>>, extra: Partial<AuthUser> = {}): AuthUser {
  const full = grants.map((g) => ({ ...g, id: ++grantSeq }));
  return { id, name: `p${id}`, orgId: null, enterpriseId: null, grants: full, isAdmin: full.some((g) => g.role === 'ADMIN'), ...extra };
}

const people = {
  admin: person(1, [{ role: 'ADMIN', orgId: null, departmentId: null }]),
  secretary3: person(2, [{ role: 'SECRETARY', orgId: 3, departmentId: null }]),
  secretary4: person(3, [{ role: 'SECRETARY', orgId: 4, departmentId: null }]),
  committee2: person(4, [{ role: 'COMMITTEE', orgId: 2, departmentId: null }]),
  department7: person(5, [{ role: 'DEPARTMENT', orgId: null, departmentId: 7 }]),
  instructor: person(6, [{ role: 'INSTRUCTOR', orgId: null, departmentId: null }]),
  raiser: person(7, [], { orgId: 4, enterpriseId: 100 }),
  colleague: person(8, [], { orgId: 4, enterpriseId: 100 }),
  stranger: person(9, [], { orgId: 6, enterpriseId: 200 }),
};
type Who = keyof typeof people;
const everyone = Object.keys(people) as Who[];

/** Who may, per permission and object; everyone else may not. */
function expectMatrix(decide: (who: Who) => boolean, allowed: Who[]): void {
  const actual = everyone.filter((who) => decide(who));
  expect(actual.sort()).toEqual([...allowed].sort());
}

describe('org permissions', () => {
  const cases: Record<(typeof ORG_PERMISSIONS)[number], Record<number, Who[]>> = {
    'org.read': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2', 'secretary3'], 4: ['admin', 'committee2', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'org.manage': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2', 'secretary3'], 4: ['admin', 'committee2', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'brand.review': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2'], 4: ['admin', 'committee2'], 6: ['admin'], 404: [] },
    'roster.manage': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2', 'secretary3'], 4: ['admin', 'committee2', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'roster.leave': { 1: ['admin'], 2: ['admin'], 3: ['admin', 'secretary3'], 4: ['admin', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'onboarding.approve': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2', 'secretary3'], 4: ['admin', 'committee2', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'meeting.record': { 1: ['admin'], 2: ['admin'], 3: ['admin', 'secretary3'], 4: ['admin', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
    'meeting.oversee': { 1: ['admin'], 2: ['admin', 'committee2'], 3: ['admin', 'committee2', 'secretary3'], 4: ['admin', 'committee2', 'secretary3', 'secretary4'], 6: ['admin'], 404: [] },
  };
  for (const permission of ORG_PERMISSIONS) {
    for (const [orgId, allowed] of Object.entries(cases[permission])) {
      it(`${permission} on org ${orgId}: ${allowed.join(', ') || 'nobody'}`, () => {
        expectMatrix((who) => decideOrg(people[who], permission, Number(orgId), tree), allowed);
      });
    }
  }
});

describe('need permissions', () => {
  const need: NeedFacts = { committeeOrgId: 2, raisedBy: 7, enterpriseId: 100, departmentIds: [7] };
  const undispatched: NeedFacts = { ...need, departmentIds: [] };
  const cases: Record<(typeof NEED_PERMISSIONS)[number], Array<[string, NeedFacts, Who[]]>> = {
    'need.read': [
      ['dispatched', need, ['admin', 'committee2', 'department7', 'raiser', 'secretary3']],
      ['not yet dispatched', undispatched, ['admin', 'committee2', 'raiser', 'secretary3']],
    ],
    'need.committee': [
      ['dispatched', need, ['admin', 'committee2']],
      ['of another committee', { ...need, committeeOrgId: 5 }, ['admin']],
    ],
    'need.confirm': [
      ['dispatched', need, ['raiser']],
      ['raised by an admin', { ...need, raisedBy: 1 }, ['admin']],
    ],
  };
  for (const permission of NEED_PERMISSIONS) {
    for (const [label, facts, allowed] of cases[permission]) {
      it(`${permission} on a need ${label}: ${allowed.join(', ')}`, () => {
        expectMatrix((who) => decideNeed(people[who], permission, facts, tree), allowed);
      });
    }
  }
});

describe('assignment permissions', () => {
  const cases: Record<(typeof ASSIGNMENT_PERMISSIONS)[number], Array<[string, number, Who[]]>> = {
    'assignment.handle': [
      ['of department 7', 7, ['department7']],
      ['of department 8', 8, []],
    ],
  };
  for (const permission of ASSIGNMENT_PERMISSIONS) {
    for (const [label, departmentId, allowed] of cases[permission]) {
      it(`${permission} on an assignment ${label}: ${allowed.join(', ') || 'nobody'}`, () => {
        expectMatrix((who) => decideAssignment(people[who], permission, { departmentId }), allowed);
      });
    }
  }
});

describe('enterprise permissions', () => {
  const enterprise: EnterpriseFacts = { id: 100, instructorIds: [6], committeeOrgId: 2 };
  const other: EnterpriseFacts = { id: 200, instructorIds: [], committeeOrgId: 5 };
  const cases: Record<(typeof ENTERPRISE_PERMISSIONS)[number], Array<[EnterpriseFacts, Who[]]>> = {
    'enterprise.visit': [
      [enterprise, ['admin', 'instructor']],
      [other, ['admin']],
    ],
    'enterprise.raise-need': [
      [enterprise, ['admin', 'colleague', 'raiser', 'secretary3']],
      [other, ['admin', 'stranger']],
    ],
    'enterprise.approve-representative': [
      // secretary4's branch is not the enterprise's own Party organisation (org 3 is), so it may not vouch for it.
      [enterprise, ['admin', 'committee2', 'secretary3']],
      [other, ['admin']],
      [{ id: 300, instructorIds: [], committeeOrgId: null }, ['admin']],
    ],
  };
  for (const permission of ENTERPRISE_PERMISSIONS) {
    for (const [facts, allowed] of cases[permission]) {
      it(`${permission} on enterprise ${facts.id}: ${allowed.join(', ')}`, () => {
        expectMatrix((who) => decideEnterprise(people[who], permission, facts, tree), allowed);
      });
    }
  }
});

describe('meeting permissions', () => {
  const meeting = (orgId: number, archived: boolean, attendeeIds: number[] = []): MeetingFacts => ({ orgId, archived, attendeeIds });
  const cases: Array<[string, MeetingFacts, Who[]]> = [
    ['a draft of branch 4', meeting(4, false, [7]), ['admin', 'committee2', 'secretary3', 'secretary4']],
    ['an archived record of branch 4: its members too', meeting(4, true), ['admin', 'committee2', 'secretary3', 'secretary4', 'raiser', 'colleague']],
    ['an archived record of branch 6 that counted person 8', meeting(6, true, [8]), ['admin', 'colleague', 'stranger']],
    ['a draft of branch 6 that counts person 9', meeting(6, false, [9]), ['admin']],
  ];
  for (const [label, facts, allowed] of cases) {
    it(`meeting.read on ${label}: ${allowed.join(', ')}`, () => {
      expectMatrix((who) => decideMeeting(people[who], 'meeting.read', facts, tree), allowed);
    });
  }
});

describe('mayHoldOrgPermission (skipping the tree for plain members)', () => {
  const people = [
    person(91, []),
    person(92, [{ role: 'SECRETARY', orgId: 4, departmentId: null }]),
    person(93, [{ role: 'COMMITTEE', orgId: 2, departmentId: null }]),
    person(94, [{ role: 'ADMIN', orgId: null, departmentId: null }]),
    person(95, [{ role: 'DEPARTMENT', orgId: null, departmentId: 7 }]),
  ];

  it('is false only when decideOrg refuses every org of the tree', () => {
    for (const user of people) {
      for (const permission of ORG_PERMISSIONS) {
        const anyAllowed = [1, 2, 3, 4, 5, 6].some((orgId) => decideOrg(user, permission, orgId, tree));
        if (!mayHoldOrgPermission(user, permission)) expect(anyAllowed).toBe(false);
      }
    }
    expect(mayHoldOrgPermission(people[0], 'org.manage')).toBe(false);
    expect(mayHoldOrgPermission(people[1], 'org.manage')).toBe(true);
    expect(mayHoldOrgPermission(people[1], 'brand.review')).toBe(false);
    expect(mayHoldOrgPermission(people[3], 'brand.review')).toBe(true);
  });
});
