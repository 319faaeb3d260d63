import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@torch-red/shared';
import type { DataSource } from 'typeorm';
import type { Grant } from '../../common/auth/auth-user';
import type { LoadedPrincipal, PrincipalLoader } from '../../common/auth/principal';
import { dataVersionSql, ORG_TREE_VERSION } from '../../database/data-version';
import { selectPrepared } from '../../database/raw-sql';

/**
 * The person and their grants in one round trip (users LEFT JOIN role_grants), plus the org tree's change
 * counter so that permission checks later in the request need no query of their own: the auth guard calls this
 * on every authenticated request, so it is plain SQL rather than repository reads. Nothing is cached between
 * requests: roles, tokenVersion and disabledAt written by any process count on the very next request (a
 * principal the guard remembers is only used once the request's own query has confirmed its stamp).
 */
const principalSql = (stamp: string) =>
  'SELECT u.id, u.name, u.orgId, u.enterpriseId, u.tokenVersion, u.disabledAt, g.id AS grantId, g.role, g.orgId AS grantOrgId, g.departmentId, ' +
  `${dataVersionSql(ORG_TREE_VERSION)} AS orgTreeVersion, ${stamp} AS stamp ` +
  'FROM users u LEFT JOIN role_grants g ON g.userId = u.id WHERE u.id = ? ORDER BY g.id';

/**
 * The stamp: every column the principal is built from, in one string, as a scalar subquery with one `?` (the
 * person's id); NULL when there is no such person. Name last, the only free text, so no two principals share a
 * stamp. Grants in id order, with their count (MySQL's GROUP_CONCAT stops at group_concat_max_len: 1 MiB by
 * default on MariaDB, tens of thousands of grants).
 */
function stampSql(mysql: boolean): string {
  const text = (expr: string) => `COALESCE(${expr}, '')`;
  const joined = (separator: string, parts: string[]) =>
    mysql ? `CONCAT(${parts.join(`, '${separator}', `)})` : parts.join(` || '${separator}' || `);
  const grant = joined(':', ['g.id', 'g.role', text('g.orgId'), text('g.departmentId')]);
  const list = mysql ? `GROUP_CONCAT(${grant} ORDER BY g.id SEPARATOR ',')` : `group_concat(${grant}, ',' ORDER BY g.id)`;
  const grants = `(SELECT ${joined('=', ['COUNT(*)', text(list)])} FROM role_grants g WHERE g.userId = s.id)`;
  const person = joined('|', ['s.tokenVersion', '(s.disabledAt IS NOT NULL)', text('s.orgId'), text('s.enterpriseId'), grants, text(dataVersionSql(ORG_TREE_VERSION)), 's.name']);
  return `(SELECT ${person} FROM users s WHERE s.id = ?)`;
}

interface PrincipalRow {
  id: number;
  name: string;
  orgId: number | null;
  enterpriseId: number | null;
  tokenVersion: number | string;
  disabledAt: unknown;
  grantId: number | null;
  role: Role | null;
  grantOrgId: number | null;
  departmentId: number | null;
  orgTreeVersion: number | string | null;
  stamp: string | null;
}

@Injectable()
export class UserPrincipalLoader implements PrincipalLoader {
  readonly stampSql: string;
  private readonly sql: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.stampSql = stampSql(dataSource.options.type === 'mysql');
    this.sql = principalSql(this.stampSql);
  }

  async load(userId: number): Promise<LoadedPrincipal | null> {
    const rows = await selectPrepared<PrincipalRow>(this.dataSource, this.sql, [userId, userId]);
    if (rows.length === 0) return null;
    const [user] = rows;
    const grants: Grant[] = [];
    for (const g of rows) {
      if (g.grantId !== null && g.role !== null) grants.push({ id: Number(g.grantId), role: g.role, orgId: nullableNumber(g.grantOrgId), departmentId: nullableNumber(g.departmentId) });
    }
    return {
      tokenVersion: Number(user.tokenVersion),
      disabled: user.disabledAt !== null,
      stamp: String(user.stamp),
      user: {
        id: Number(user.id),
        name: user.name,
        orgId: nullableNumber(user.orgId),
        enterpriseId: nullableNumber(user.enterpriseId),
        grants,
        isAdmin: grants.some((g) => g.role === 'ADMIN'),
        orgTreeVersion: user.orgTreeVersion === null ? undefined : String(user.orgTreeVersion),
      },
    };
  }
}

function nullableNumber(v: number | string | null): number | null {
  return v === null ? null : Number(v);
}
