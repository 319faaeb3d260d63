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
 * requests: roles, tokenVersion and disabledAt written by any process count on the very next request.
 */
const PRINCIPAL_SQL =
  'SELECT u.id, u.name, u.orgId, u.enterpriseId, u.tokenVersion, u.disabledAt, g.id AS grantId, g.role, g.orgId AS grantOrgId, g.departmentId, ' +
  `${dataVersionSql(ORG_TREE_VERSION)} AS orgTreeVersion ` +
  'FROM users u LEFT JOIN role_grants g ON g.userId = u.id WHERE u.id = ? ORDER BY g.id';

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
}

@Injectable()
export class UserPrincipalLoader implements PrincipalLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: number): Promise<LoadedPrincipal | null> {
    const rows = await selectPrepared<PrincipalRow>(this.dataSource, PRINCIPAL_SQL, [userId]);
    if (rows.length === 0) return null;
    const [user] = rows;
    const grants: Grant[] = [];
    for (const g of rows) {
      if (g.grantId !== null && g.role !== null) grants.push({ id: Number(g.grantId), role: g.role, orgId: nullableNumber(g.grantOrgId), departmentId: nullableNumber(g.departmentId) });
    }
    return {
      tokenVersion: Number(user.tokenVersion),
      disabled: user.disabledAt !== null,
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
