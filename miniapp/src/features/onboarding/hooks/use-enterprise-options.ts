import { useQuery } from '@/hooks/use-query';
import { getChains } from '@/features/org/api';

export interface EnterpriseOption {
  id: string;
  name: string;
}

/** The enterprises on the zone's chains, by name, for choosing one's own enterprise. */
export function useEnterpriseOptions(enabled: boolean) {
  return useQuery(
    async (): Promise<EnterpriseOption[]> => {
      const chains = await getChains();
      const all = new Map<string, EnterpriseOption>();
      for (const chain of chains) for (const e of chain.enterprises) all.set(e.id, { id: e.id, name: e.name });
      return [...all.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    },
    { key: 'enterprises:options', enabled },
  );
}

