import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrgEntity } from '../../modules/org/org.entity';
import { AppError } from '../errors/app-error';
import { orgIdsWithRole, type AuthUser } from './auth-user';

export type OrgAction = 'read' | 'manage';

/**
 * Object-level permission checks, in one place. Every answer is about this person and this object;
 * a refusal looks exactly like a missing object (NOT_FOUND).
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectRepository(OrgEntity) private readonly orgs: Repository<OrgEntity>) {}

  /** The org itself and every org above it, nearest first. */
  async ancestorIds(orgId: number): Promise<number[]> {
    const ids: number[] = [];
    let current: number | null = orgId;
    while (current !== null && !ids.includes(current) && ids.length < 32) {
      const row: Pick<OrgEntity, 'id' | 'parentId'> | null = await this.orgs.findOne({
        select: { id: true, parentId: true },
        where: { id: current },
      });
      if (!row) break;
      ids.push(row.id);
      current = row.parentId;
    }
    return ids;
  }

  /**
   * Secretaries act on their org and the orgs below it; committee staff on everything under their committee;
   * admins on every org that exists (a missing org is "not found" for everyone, never a foreign-key failure later).
   */
  async canOnOrg(user: AuthUser, orgId: number, _action: OrgAction): Promise<boolean> {
    if (user.isAdmin) return this.orgs.existsBy({ id: orgId });
    const scoped = [...orgIdsWithRole(user, 'SECRETARY'), ...orgIdsWithRole(user, 'COMMITTEE')];
    if (scoped.length === 0) return false;
    const ancestors = await this.ancestorIds(orgId);
    return ancestors.some((id) => scoped.includes(id));
  }

  async requireOrg(user: AuthUser, orgId: number, action: OrgAction): Promise<void> {
    if (!(await this.canOnOrg(user, orgId, action))) throw new AppError('NOT_FOUND');
  }
}
