import type { ChainEnterprise, ChainResponse, ChainRole } from '@torch-red/shared';

export type ChainGroups = Record<ChainRole, ChainEnterprise[]>;

export function groupByChainRole(enterprises: ChainEnterprise[]): ChainGroups {
  const groups: ChainGroups = { LEADER: [], CORE: [], MEMBER: [] };
  for (const enterprise of enterprises) {
    groups[enterprise.chainRole].push(enterprise);
  }
  return groups;
}

export interface ChainTotals extends Record<ChainRole, number> {
  chains: number;
  enterprises: number;
}

export function countChainTotals(chains: ChainResponse[]): ChainTotals {
  const totals: ChainTotals = { chains: chains.length, enterprises: 0, LEADER: 0, CORE: 0, MEMBER: 0 };
  for (const chain of chains) {
    for (const enterprise of chain.enterprises) {
      totals.enterprises += 1;
      totals[enterprise.chainRole] += 1;
    }
  }
  return totals;
}
