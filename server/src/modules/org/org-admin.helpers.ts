import type { Page } from '@torch-red/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { ChainEntity } from './chain.entity';
import type { DepartmentEntity } from './department.entity';
import type { EnterpriseEntity } from './enterprise.entity';

/** Escapes LIKE wildcards in a search fragment (both databases use \\ as the escape). */
export const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An optional id from a request body: undefined stays "not given", null stays "clear it". */
export const toId = (value: string | null | undefined): number | null | undefined => (value === undefined ? undefined : value === null ? null : Number(value));

/** Chains, enterprises and departments each have unique names: a clear 409 rather than the unique key's error. */
export async function requireUniqueName(
  m: EntityManager,
  entity: typeof ChainEntity | typeof EnterpriseEntity | typeof DepartmentEntity,
  name: string,
  exceptId: number | null,
): Promise<void> {
  const existing = await m.getRepository<{ id: number; name: string }>(entity).findOneBy({ name });
  if (existing && existing.id !== exceptId) throw new AppError('NAME_TAKEN', `名称“${name}”已存在`);
}

/** One page of an id-ordered list fetched with limit + 1 rows. */
export function pageOf<E extends { id: number }, R>(rows: E[], limit: number, map: (row: E) => R): Page<R> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}
