import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AccessPolicy } from '../access/access-policy.service';
import { ActivityEntity } from './activity.entity';
import { audienceOf, canSee, isPublicOnly, type ActivityAudience } from './activity-visibility';

/** Who may act on an activity: reads run outside transactions, since the access policy reads through the pool. */
@Injectable()
export class ActivityAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  /** An activity of an org the caller runs; anything else looks missing. */
  async requireManaged(user: AuthUser, id: number): Promise<ActivityEntity> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity || !(await this.policy.can(user, 'org.manage', activity.orgId))) throw new AppError('NOT_FOUND');
    return activity;
  }

  /** What a member may act on: published activities (drafts look missing); cancelled ones answer "not published". */
  async visibleActivity(user: AuthUser, id: number, options: { allowCancelled?: boolean } = {}): Promise<ActivityEntity> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity) throw new AppError('NOT_FOUND');
    await this.requireVisible(user, activity, options);
    return activity;
  }

  /** `visibleActivity`'s rules on an activity already read (no query unless it is a draft). */
  async requireVisible(user: AuthUser, activity: Pick<ActivityEntity, 'status' | 'orgId'>, options: { allowCancelled?: boolean } = {}): Promise<void> {
    if (activity.status === 'DRAFT') {
      if (await this.policy.can(user, 'org.read', activity.orgId)) throw new AppError('ACTIVITY_NOT_PUBLISHED');
      throw new AppError('NOT_FOUND');
    }
    if (activity.status === 'CANCELLED' && !options.allowCancelled) throw new AppError('ACTIVITY_NOT_PUBLISHED');
  }

  /** The orgs whose ORG / CHAIN activities the caller sees (null: all, admins); reads the tree only when it matters. */
  async audience(user: AuthUser): Promise<ActivityAudience | null> {
    if (user.isAdmin) return null;
    if (isPublicOnly(user)) return { orgIds: [], chainOrgIds: [] };
    return audienceOf(user, await this.policy.tree(user));
  }

  /** An activity outside the caller's audience looks missing (PUBLIC ones read nothing). */
  async requireAudience(user: AuthUser, activity: Pick<ActivityEntity, 'orgId' | 'visibility'>): Promise<void> {
    if (activity.visibility === 'PUBLIC') return;
    if (!canSee(await this.audience(user), activity)) throw new AppError('NOT_FOUND');
  }

  /** An activity known to exist (it was read or written a moment ago). */
  async reload(id: number): Promise<ActivityEntity> {
    return (await this.dataSource.getRepository(ActivityEntity).findOneBy({ id }))!;
  }
}
