import type { OrgTreeNode } from '@torch-red/shared';
import { useEnterpriseOptions } from '@/features/onboarding/hooks/use-enterprise-options';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { listDepartments } from '@/features/need/workspace-api';
import { useQuery } from '@/hooks/use-query';
import type { SelectOption } from './components/select-box';

export interface Directory {
  orgName: (id: string | null | undefined) => string | undefined;
  enterpriseName: (id: string | null | undefined) => string | undefined;
  departmentName: (id: string | null | undefined) => string | undefined;
  /** Every org in tree order, indented by depth (the scope of a secretary or committee grant). */
  orgOptions: SelectOption[];
  departmentOptions: SelectOption[];
}

export function walk(nodes: OrgTreeNode[], depth: number, into: SelectOption[]): SelectOption[] {
  for (const node of nodes) {
    into.push({ value: node.id, label: `${'　'.repeat(depth)}${node.name}` });
    walk(node.children, depth + 1, into);
  }
  return into;
}

/** Names of orgs, enterprises and departments for the ids that people and grants carry (read once, cached). */
export function useDirectory(): Directory {
  const tree = useOrgTree(true);
  const enterprises = useEnterpriseOptions(true);
  const departments = useQuery(listDepartments, { key: 'departments' });
  const orgOptions = walk(tree.data ?? [], 0, []);
  const orgs = new Map(orgOptions.map((option) => [option.value, option.label.trim()]));
  const firms = new Map((enterprises.data ?? []).map((e) => [e.id, e.name]));
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const depts = new Map(departmentOptions.map((option) => [option.value, option.label]));
  const lookup = (map: Map<string, string>) => (id: string | null | undefined) => (id ? (map.get(id) ?? `#${id}`) : undefined);
  return { orgName: lookup(orgs), enterpriseName: lookup(firms), departmentName: lookup(depts), orgOptions, departmentOptions };
}
