import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';

/**
 * Change counters for read models a process keeps between requests (today: the org tree). A writer bumps the
 * counter in the same transaction as its change, so a reader that sees the new number also sees the new rows,
 * and every process notices another's write on its next request without a shared cache. A platform table, not
 * a feature's: any module may read it (the auth guard reads it with the caller, in the same round trip).
 */
@Entity('data_versions')
export class DataVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'bigint', default: 1 })
  version: string;
}

/** The organisations, enterprises and chains: everything `OrgTree` is built from. */
export const ORG_TREE_VERSION = 'org-tree';

/** The scalar subquery that reads a counter (`name` is one of the constants above, never user input). */
export const dataVersionSql = (name: typeof ORG_TREE_VERSION): string => `(SELECT version FROM data_versions WHERE name = '${name}')`;

/** Moves a counter on inside the caller's transaction (the row lock serialises concurrent writers). */
export async function bumpDataVersion(manager: EntityManager, name: typeof ORG_TREE_VERSION): Promise<void> {
  await manager.query('UPDATE data_versions SET version = version + 1 WHERE name = ?', [name]);
}
