import type { OrgType } from '@torch-red/shared';

export interface OrgTreeOrg {
  id: number;
  parentId: number | null;
  enterpriseId: number | null;
  type: OrgType;
  /** Set when an admin closed the org; it stays in the tree so that its history keeps its place. */
  closedAt?: Date | null;
}

export interface OrgTreeEnterprise {
  id: number;
  chainId: number | null;
}

export interface OrgTreeChain {
  id: number;
  committeeOrgId: number;
}

/** Deeper than any real hierarchy (1+1+X+N is four levels); guards against a corrupted cycle. */
const MAX_DEPTH = 32;

/**
 * The organisation hierarchy as one immutable snapshot: the only place that walks the tree.
 * Every question about "above", "below" and "which chain" is answered here, so access checks,
 * list filters and the dashboard cannot disagree.
 */
export class OrgTree {
  private readonly byId: Map<number, OrgTreeOrg>;
  private readonly children = new Map<number, number[]>();
  private readonly chainByOrg = new Map<number, number>();
  private readonly orgsByChain = new Map<number, number[]>();
  private readonly chainByEnterprise: Map<number, number>;

  constructor(orgs: OrgTreeOrg[], enterprises: OrgTreeEnterprise[], chains: OrgTreeChain[]) {
    this.byId = new Map(orgs.map((o) => [o.id, o]));
    for (const org of [...orgs].sort((a, b) => a.id - b.id)) {
      if (org.parentId === null) continue;
      const list = this.children.get(org.parentId) ?? [];
      list.push(org.id);
      this.children.set(org.parentId, list);
    }
    const enterpriseChain = new Map(enterprises.filter((e) => e.chainId !== null).map((e) => [e.id, e.chainId as number]));
    this.chainByEnterprise = enterpriseChain;
    const committeeChain = new Map(chains.map((c) => [c.committeeOrgId, c.id]));
    for (const org of orgs) {
      // An org belongs to its enterprise's chain, else to the chain whose committee it is, else to its parent's.
      for (const id of this.ancestors(org.id)) {
        const node = this.byId.get(id)!;
        const chain = (node.enterpriseId !== null ? enterpriseChain.get(node.enterpriseId) : undefined) ?? committeeChain.get(node.id);
        if (chain !== undefined) {
          this.chainByOrg.set(org.id, chain);
          const list = this.orgsByChain.get(chain) ?? [];
          list.push(org.id);
          this.orgsByChain.set(chain, list);
          break;
        }
      }
    }
    for (const list of this.orgsByChain.values()) list.sort((a, b) => a - b);
  }

  has(orgId: number): boolean {
    return this.byId.has(orgId);
  }

  get(orgId: number): OrgTreeOrg | undefined {
    return this.byId.get(orgId);
  }

  /** Whether the org exists and is not closed: only open orgs take new members, grants, activities or meetings. */
  isOpen(orgId: number): boolean {
    const org = this.byId.get(orgId);
    return org !== undefined && !org.closedAt;
  }

  /** Every open organisation's id, in id order (what is judged, reminded and offered). */
  openIds(): number[] {
    return this.ids().filter((id) => this.isOpen(id));
  }

  /** Every organisation's id, in id order. */
  ids(): number[] {
    return [...this.byId.keys()].sort((a, b) => a - b);
  }

  /** The org itself and every org above it, nearest first; empty when the org does not exist. */
  ancestors(orgId: number): number[] {
    const ids: number[] = [];
    let current = this.byId.get(orgId);
    while (current && ids.length < MAX_DEPTH && !ids.includes(current.id)) {
      ids.push(current.id);
      current = current.parentId !== null ? this.byId.get(current.parentId) : undefined;
    }
    return ids;
  }

  /** The given orgs and every org below them, breadth first, without duplicates; unknown roots are dropped. */
  descendants(roots: number[]): number[] {
    const seen = new Set<number>();
    const queue = roots.filter((id) => this.byId.has(id));
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      if (seen.has(id)) continue;
      seen.add(id);
      for (const child of this.children.get(id) ?? []) if (!seen.has(child)) queue.push(child);
    }
    return [...seen];
  }

  /** Whether `orgId` is one of `scopeIds` or lies below one of them. */
  isWithin(orgId: number, scopeIds: Iterable<number>): boolean {
    const scope = new Set(scopeIds);
    if (scope.size === 0) return false;
    return this.ancestors(orgId).some((id) => scope.has(id));
  }

  /** Whether moving `orgId` under `newParentId` would put it below itself. */
  wouldCycle(orgId: number, newParentId: number): boolean {
    return this.ancestors(newParentId).includes(orgId);
  }

  /** The industry chain an org works on (its enterprise's, its committee's, or its parent's), if any. */
  chainOf(orgId: number): number | null {
    return this.chainByOrg.get(orgId) ?? null;
  }

  /** The industry chain an enterprise is on, if any. */
  chainOfEnterprise(enterpriseId: number): number | null {
    return this.chainByEnterprise.get(enterpriseId) ?? null;
  }

  /** The Party organisations inside an enterprise, in id order. */
  orgsOfEnterprise(enterpriseId: number): number[] {
    return [...this.byId.values()].filter((o) => o.enterpriseId === enterpriseId).map((o) => o.id).sort((x, y) => x - y);
  }

  /** Every org on a chain, in id order: the chain committee and all below it, and the orgs inside its enterprises. */
  orgsOfChain(chainId: number): number[] {
    return this.orgsByChain.get(chainId) ?? [];
  }
}
