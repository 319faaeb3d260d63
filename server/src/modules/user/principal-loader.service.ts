import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LoadedPrincipal, PrincipalLoader } from '../../common/auth/principal';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

/** Reads the person and their role grants for the auth guard (roles are never frozen into the token). */
@Injectable()
export class UserPrincipalLoader implements PrincipalLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: number): Promise<LoadedPrincipal | null> {
    const [user, grants] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }),
      this.dataSource.getRepository(RoleGrantEntity).findBy({ userId }),
    ]);
    if (!user) return null;
    return {
      tokenVersion: user.tokenVersion,
      disabled: user.disabledAt !== null,
      user: {
        id: user.id,
        name: user.name,
        orgId: user.orgId,
        enterpriseId: user.enterpriseId,
        grants: grants.map((g) => ({ id: g.id, role: g.role, orgId: g.orgId, departmentId: g.departmentId })),
        isAdmin: grants.some((g) => g.role === 'ADMIN'),
      },
    };
  }
}
