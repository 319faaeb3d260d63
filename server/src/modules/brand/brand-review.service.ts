import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BrandSummary, BrandWorkspaceResponse, Page } from '@torch-red/shared';
import { brandStatusesAccepting, canBrand } from '@torch-red/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { keysetPage } from '../../database/keyset';
import { toSqlDateTime } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { BrandViews } from './brand-views.service';
import { brandContentOf, postContentOf } from './brand.mapper';
import { BrandEntity } from './brand.entity';
import type { DemoPointDto, ReviewListQueryDto } from './dto/brand.dto';
import { PioneerPostEntity } from './pioneer-post.entity';

/** Brands never submitted sort first (as NULL did before paging); the text form sorts like the datetime. */
const NEVER = '1970-01-01 00:00:00.000';
const SUBMITTED_AT = `COALESCE(b.submittedAt, '${NEVER}')`;

/** Review by the industry committee above the org (or an admin): the queue, approve, send back; and 示范点. */
@Injectable()
export class BrandReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly views: BrandViews,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * Brands in `status` the caller may review, the longest waiting first. The access policy is asked once,
   * for every org that has a brand in that status, and the page is read from those orgs only.
   */
  async queue(user: AuthUser, query: ReviewListQueryDto): Promise<Page<BrandWorkspaceResponse>> {
    const status = query.status ?? 'SUBMITTED';
    const repo = this.dataSource.getRepository(BrandEntity);
    const orgIds = (await repo.createQueryBuilder('b').select('DISTINCT b.orgId', 'orgId').where('b.status = :status', { status }).getRawMany<{ orgId: number | string }>()).map((r) => Number(r.orgId));
    const reviewable = await this.policy.allowed(user, 'brand.review', orgIds);
    if (reviewable.size === 0) return { items: [], nextCursor: null };
    const qb = repo.createQueryBuilder('b').where('b.status = :status', { status }).andWhere('b.orgId IN (:...reviewable)', { reviewable: [...reviewable] });
    const { rows, nextCursor } = await keysetPage(qb, { key: SUBMITTED_AT, id: 'b.id', direction: 'ASC' }, query, (b) => (b.submittedAt ? toSqlDateTime(b.submittedAt) : NEVER));
    const posts = rows.length ? await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId: In(rows.map((b) => b.orgId)) }, order: { id: 'ASC' } }) : [];
    const items = await Promise.all(rows.map((b) => this.views.workspace(b.orgId, b, posts.filter((p) => p.orgId === b.orgId)).then((v) => v!)));
    return { items, nextCursor };
  }

  async approve(user: AuthUser, id: number): Promise<BrandWorkspaceResponse> {
    const brand = await this.requireReviewable(user, id);
    await this.tx.run(async (m) => {
      const current = (await m.getRepository(BrandEntity).findOneBy({ id }))!;
      if (!canBrand(current.status, 'approve')) throw new AppError('BRAND_STATE_INVALID', '只能审核已提交的品牌');
      // Four eyes: whoever changed this version cannot publish it. Admins may, and the audit entry says so.
      const ownEdit = (current.editorIds ?? []).includes(user.id);
      if (ownEdit && !user.isAdmin) throw new AppError('FORBIDDEN', '你参与编辑了这个品牌，不能审核自己的修改，请由其他审核人审核');
      const now = this.clock.now();
      const published = brandContentOf(current);
      const result = await m
        .getRepository(BrandEntity)
        .update({ id, status: 'SUBMITTED' }, { status: 'APPROVED', published, publishedAt: now, reviewedAt: now, reviewedBy: user.id, returnReason: null, editorIds: [] });
      if (!result.affected) throw new AppError('CONFLICT');
      // The organisation's posts are published with the brand they belong to.
      const posts = await m.getRepository(PioneerPostEntity).findBy({ orgId: current.orgId });
      for (const post of posts) await m.getRepository(PioneerPostEntity).update({ id: post.id }, { published: postContentOf(post) });
      await this.audit.record(
        { actorId: user.id, action: 'brand.approve', entityType: 'brand', entityId: id, before: brand.published, after: ownEdit ? { ...published, approvedOwnEdit: true } : published },
        m,
      );
      await this.notifications.notify(m, await this.secretariesOf(m, current.orgId), { kind: 'BRAND_APPROVED', title: '党建品牌已发布', body: `「${current.name}」审核通过，已发布。`, link: `/pages/brand-detail/index?id=${id}` });
    });
    return this.views.workspaceOf((await this.dataSource.getRepository(BrandEntity).findOneBy({ id }))!);
  }

  async sendBack(user: AuthUser, id: number, reason: string): Promise<BrandWorkspaceResponse> {
    const brand = await this.requireReviewable(user, id);
    await this.tx.run(async (m) => {
      const result = await m.getRepository(BrandEntity).update({ id, status: In(brandStatusesAccepting('return')) }, { status: 'RETURNED', returnReason: reason, reviewedAt: this.clock.now(), reviewedBy: user.id });
      if (!result.affected) throw new AppError('BRAND_STATE_INVALID', '只能审核已提交的品牌');
      await this.audit.record({ actorId: user.id, action: 'brand.return', entityType: 'brand', entityId: id, after: { reason } }, m);
      await this.notifications.notify(m, await this.secretariesOf(m, brand.orgId), { kind: 'BRAND_RETURNED', title: '党建品牌被退回', body: `「${brand.name}」被退回修改：${reason}`, link: '/packages/workspace/pages/brand/index' });
    });
    return this.views.workspaceOf((await this.dataSource.getRepository(BrandEntity).findOneBy({ id }))!);
  }

  async setDemoPoint(user: AuthUser, id: number, dto: DemoPointDto): Promise<BrandSummary> {
    const repo = this.dataSource.getRepository(BrandEntity);
    const brand = await repo.findOneBy({ id });
    if (!brand) throw new AppError('NOT_FOUND');
    const year = dto.isDemoPoint ? (dto.year ?? this.clock.now().getUTCFullYear()) : null;
    await this.tx.run(async (m) => {
      await m.getRepository(BrandEntity).update({ id }, { isDemoPoint: dto.isDemoPoint, demoPointYear: year });
      await this.audit.record({ actorId: user.id, action: 'brand.demo-point', entityType: 'brand', entityId: id, before: { isDemoPoint: brand.isDemoPoint, year: brand.demoPointYear }, after: { isDemoPoint: dto.isDemoPoint, year } }, m);
    });
    return (await this.views.summaries([(await repo.findOneBy({ id }))!]))[0];
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async requireReviewable(user: AuthUser, id: number): Promise<BrandEntity> {
    const brand = await this.dataSource.getRepository(BrandEntity).findOneBy({ id });
    if (!brand || !(await this.policy.can(user, 'brand.review', brand.orgId))) throw new AppError('NOT_FOUND');
    return brand;
  }

  private async secretariesOf(m: EntityManager, orgId: number): Promise<number[]> {
    return this.people.holders('SECRETARY', { orgIds: [orgId] }, m);
  }
}
