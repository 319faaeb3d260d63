import { OrgTree, type OrgTreeOrg } from './org-tree';

// 1 工委 ─ 2 产业党委 (chain 10) ─ 3 企业党委 (enterprise 100, chain 10) ─ 4 支部
//        └ 5 产业党委 (chain 20) ─ 6 支部 (enterprise 200, chain 10: its enterprise's chain wins)
// 7 a loose branch with no chain; 8 ↔ 9 a corrupted cycle
const orgs: OrgTreeOrg[] = [
  { id: 1, parentId: null, enterpriseId: null, type: 'WORKING_COMMITTEE' },
  { id: 2, parentId: 1, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
  { id: 3, parentId: 2, enterpriseId: 100, type: 'PARTY_COMMITTEE' },
  { id: 4, parentId: 3, enterpriseId: null, type: 'BRANCH' },
  { id: 5, parentId: 1, enterpriseId: null, type: 'INDUSTRY_COMMITTEE' },
  { id: 6, parentId: 5, enterpriseId: 200, type: 'BRANCH' },
  { id: 7, parentId: null, enterpriseId: null, type: 'BRANCH' },
  { id: 8, parentId: 9, enterpriseId: null, type: 'BRANCH' },
  { id: 9, parentId: 8, enterpriseId: null, type: 'BRANCH' },
];
const tree = new OrgTree(
  orgs,
  [
    { id: 100, chainId: 10 },
    { id: 200, chainId: 10 },
    { id: 300, chainId: null },
  ],
  [
    { id: 10, committeeOrgId: 2 },
    { id: 20, committeeOrgId: 5 },
  ],
);

describe('OrgTree', () => {
  it('lists an org and its ancestors nearest first, and nothing for an unknown org', () => {
    expect(tree.ancestors(4)).toEqual([4, 3, 2, 1]);
    expect(tree.ancestors(1)).toEqual([1]);
    expect(tree.ancestors(404)).toEqual([]);
  });

  it('stops on a cycle instead of looping', () => {
    expect(tree.ancestors(8)).toEqual([8, 9]);
    expect(tree.descendants([8]).sort()).toEqual([8, 9]);
  });

  it('lists descendants including the roots, once each, dropping unknown roots', () => {
    expect(tree.descendants([2]).sort()).toEqual([2, 3, 4]);
    expect(tree.descendants([1]).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tree.descendants([2, 3, 404]).sort()).toEqual([2, 3, 4]);
    expect(tree.descendants([])).toEqual([]);
  });

  it('decides scope by ancestry', () => {
    expect(tree.isWithin(4, [2])).toBe(true);
    expect(tree.isWithin(2, [2])).toBe(true);
    expect(tree.isWithin(2, [4])).toBe(false);
    expect(tree.isWithin(6, [2])).toBe(false);
    expect(tree.isWithin(404, [1])).toBe(false);
    expect(tree.isWithin(4, [])).toBe(false);
  });

  it('detects a move that would make a cycle', () => {
    expect(tree.wouldCycle(2, 4)).toBe(true);
    expect(tree.wouldCycle(2, 2)).toBe(true);
    expect(tree.wouldCycle(4, 5)).toBe(false);
  });

  it("puts each org on its enterprise's chain, else its committee's, else its parent's", () => {
    expect(tree.chainOf(2)).toBe(10);
    expect(tree.chainOf(3)).toBe(10);
    expect(tree.chainOf(4)).toBe(10);
    expect(tree.chainOf(5)).toBe(20);
    expect(tree.chainOf(6)).toBe(10);
    expect(tree.chainOf(1)).toBeNull();
    expect(tree.chainOf(7)).toBeNull();
    expect(tree.orgsOfChain(10)).toEqual([2, 3, 4, 6]);
    expect(tree.orgsOfChain(20)).toEqual([5]);
    expect(tree.orgsOfChain(99)).toEqual([]);
    expect(tree.orgsOfEnterprise(100)).toEqual([3]);
    expect(tree.orgsOfEnterprise(300)).toEqual([]);
  });
});
