import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BrandDetail, BrandSummary, BrandWorkspaceResponse, LikeResponse, Page, StoryBlock } from '@torch-red/shared';
import { canBrand } from '@torch-red/shared';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { toIso } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { ImageService } from '../media/image.service';
import { NotificationService } from '../notification/notification.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { BrandLikeEntity } from './brand-like.entity';
import { BrandViews } from './brand-views.service';
import { brandContentOf, storyImageIds, withEditor } from './brand.mapper';
import { BrandEntity } from './brand.entity';
import type { BrandListQueryDto, SaveBrandDto, StoryBlockDto } from './dto/brand.dto';
import { PioneerPostEntity } from './pioneer-post.entity';

/** Sort key that lists demonstration points first, then by id; also the (numeric) page cursor. */
const SORT_KEY = '(CASE WHEN b.isDemoPoint = 1 THEN 0 ELSE 1000000000000 END + b.id)';

/** Brands as members read and like them, and as secretaries write and submit them. Review: brand-review.service.ts; posts: brand-post.service.ts. */
@Injectable()
export class BrandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly images: ImageService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly views: BrandViews,
    private readonly orgDirectory: OrgDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  // ── Members ─────────────────────────────────────────────────────────────────

  async list(query: BrandListQueryDto): Promise<Page<BrandSummary>> {
    const qb = this.dataSource.getRepository(BrandEntity).createQueryBuilder('b').where('b.published IS NOT NULL');
    if (query.chainId || query.enterpriseId) {
      const tree = await this.policy.tree();
      const orgIds = query.enterpriseId ? tree.orgsOfEnterprise(Number(query.enterpriseId)) : tree.orgsOfChain(Number(query.chainId));
      qb.andWhere('b.orgId IN (:...orgIds)', { orgIds: orgIds.length ? orgIds : [0] });
    }
    if (query.cursor) qb.andWhere(`${SORT_KEY} > :cursor`, { cursor: Number(query.cursor) });
    const rows = await qb.orderBy(SORT_KEY, 'ASC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.summaries(page),
      nextCursor: rows.length > query.limit && last ? String((last.isDemoPoint ? 0 : 1_000_000_000_000) + last.id) : null,
    };
  }

  async detail(user: AuthUser, id: number): Promise<BrandDetail> {
    const repo = this.dataSource.getRepository(BrandEntity);
    const brand = await repo.findOneBy({ id, published: Not(IsNull()) });
    if (!brand?.published) throw new AppError('NOT_FOUND');
    await repo.createQueryBuilder().update(BrandEntity).set({ viewCount: () => 'viewCount + 1' }).where('id = :id', { id }).execute();
    brand.viewCount += 1;
    const content = brand.published;
    const [summary] = await this.views.summaries([brand]);
    const imageIds = [...content.galleryImageIds.map(Number), ...storyImageIds(content.story)];
    const images = await this.images.byIds(imageIds);
    const liked = await this.dataSource.getRepository(BrandLikeEntity).findOneBy({ brandId: id, userId: user.id });
    const posts = await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId: brand.orgId, published: Not(IsNull()) }, order: { id: 'ASC' } });
    return {
      ...summary,
      story: content.story.map((block) => (block.type === 'image' && images.get(Number(block.imageId)) ? { ...block, image: this.images.respond(images.get(Number(block.imageId))!) } : block)),
      gallery: content.galleryImageIds.flatMap((i) => (images.has(Number(i)) ? [this.images.respond(images.get(Number(i))!)] : [])),
      posts: await this.views.posts(posts, 'published'),
      likedByMe: Boolean(liked),
      publishedAt: toIso(brand.publishedAt),
    };
  }

  /** Once per person: the unique key decides, and the counter moves only when a like row really changed. */
  async like(user: AuthUser, id: number, like: boolean): Promise<LikeResponse> {
    const brand = await this.dataSource.getRepository(BrandEntity).findOneBy({ id, published: Not(IsNull()) });
    if (!brand) throw new AppError('NOT_FOUND');
    try {
      await this.tx.run(async (m) => {
        if (like) {
          const existing = await m.getRepository(BrandLikeEntity).findOneBy({ brandId: id, userId: user.id });
          if (existing) return;
          await m.getRepository(BrandLikeEntity).insert({ brandId: id, userId: user.id });
          await m.createQueryBuilder().update(BrandEntity).set({ likeCount: () => 'likeCount + 1' }).where('id = :id', { id }).execute();
        } else {
          const removed = await m.getRepository(BrandLikeEntity).delete({ brandId: id, userId: user.id });
          if (removed.affected) {
            await m.createQueryBuilder().update(BrandEntity).set({ likeCount: () => 'likeCount - 1' }).where('id = :id AND likeCount > 0', { id }).execute();
          }
        }
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a double tap that lost the race: the like is already there
    }
    const fresh = (await this.dataSource.getRepository(BrandEntity).findOneBy({ id }))!;
    const liked = await this.dataSource.getRepository(BrandLikeEntity).findOneBy({ brandId: id, userId: user.id });
    return { liked: Boolean(liked), likeCount: fresh.likeCount };
  }

  // ── Secretary workspace ─────────────────────────────────────────────────────

  async workspace(user: AuthUser, orgId: number): Promise<BrandWorkspaceResponse | null> {
    await this.policy.require(user, 'org.manage', orgId);
    const brand = await this.dataSource.getRepository(BrandEntity).findOneBy({ orgId });
    const posts = await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId }, order: { id: 'ASC' } });
    return this.views.workspace(orgId, brand, posts);
  }

  async save(user: AuthUser, orgId: number, dto: SaveBrandDto): Promise<BrandWorkspaceResponse> {
    await this.policy.require(user, 'org.manage', orgId);
    const story = this.checkStory(dto.story);
    const imageIds = [...(dto.coverImageId ? [Number(dto.coverImageId)] : []), ...dto.galleryImageIds.map(Number), ...storyImageIds(story)];
    const current = await this.dataSource.getRepository(BrandEntity).findOneBy({ orgId });
    await this.images.requireAttachable(user, imageIds, current ? this.imageIdsOf(current) : []);
    const org = await this.orgDirectory.org(orgId);
    if (!org || org.type === 'WORKING_COMMITTEE' || org.type === 'INDUSTRY_COMMITTEE') throw new AppError('NOT_FOUND');
    await this.tx.run(async (m) => {
      const repo = m.getRepository(BrandEntity);
      const existing = await repo.findOneBy({ orgId });
      if (!canBrand(existing?.status ?? 'NONE', 'save')) throw new AppError('BRAND_STATE_INVALID', '品牌正在审核中，审核结束后才能继续修改');
      const content = {
        name: dto.name,
        slogan: dto.slogan,
        story,
        coverImageId: dto.coverImageId ? Number(dto.coverImageId) : null,
        galleryImageIds: dto.galleryImageIds.map(Number),
        honours: dto.honours.map((h) => h.trim()),
        status: 'DRAFT' as const,
        editorIds: withEditor(existing?.editorIds, user.id),
      };
      if (existing) {
        await repo.update({ id: existing.id, status: existing.status }, content);
      } else {
        await repo.insert({ orgId, ...content, returnReason: null, submittedAt: null, reviewedAt: null, reviewedBy: null, published: null, publishedAt: null, isDemoPoint: false, demoPointYear: null, viewCount: 0, likeCount: 0, isSample: false });
      }
      await this.audit.record({ actorId: user.id, action: 'brand.save', entityType: 'brand', entityId: existing?.id ?? null, before: existing ? brandContentOf(existing) : null, after: { orgId, name: dto.name } }, m);
    });
    return (await this.workspace(user, orgId))!;
  }

  async submit(user: AuthUser, orgId: number): Promise<BrandWorkspaceResponse> {
    await this.policy.require(user, 'org.manage', orgId);
    await this.tx.run(async (m) => {
      const brand = await m.getRepository(BrandEntity).findOneBy({ orgId });
      if (!brand) throw new AppError('BRAND_STATE_INVALID', '请先填写品牌内容');
      if (!canBrand(brand.status, 'submit')) throw new AppError('BRAND_STATE_INVALID', brand.status === 'SUBMITTED' ? '已提交，正在审核中' : '内容没有修改，无需提交');
      const result = await m.getRepository(BrandEntity).update({ id: brand.id, status: brand.status }, { status: 'SUBMITTED', submittedAt: this.clock.now(), returnReason: null });
      if (!result.affected) throw new AppError('CONFLICT');
      await this.audit.record({ actorId: user.id, action: 'brand.submit', entityType: 'brand', entityId: brand.id, after: brandContentOf(brand) }, m);
      const reviewers = await this.reviewersOf(m, orgId);
      await this.notifications.notify(m, reviewers, { kind: 'BRAND_SUBMITTED', title: '党建品牌待审核', body: `「${brand.name}」已提交审核。`, link: '/packages/workspace/pages/brand-review/index' });
    });
    return (await this.workspace(user, orgId))!;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private checkStory(blocks: StoryBlockDto[]): StoryBlock[] {
    return blocks.map((b, i) => {
      if (b.type === 'image') {
        if (!b.imageId) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 段是图片，请选择图片`);
        return { type: 'image', imageId: b.imageId };
      }
      const text = b.text?.trim();
      if (!text) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 段文字不能为空`);
      return { type: b.type, text };
    });
  }

  /** Every image the brand shows now (working copy and published version). */
  private imageIdsOf(b: BrandEntity): number[] {
    const ids = [...(b.coverImageId ? [b.coverImageId] : []), ...b.galleryImageIds, ...storyImageIds(b.story)];
    if (b.published) {
      const p = b.published;
      ids.push(...(p.coverImageId ? [Number(p.coverImageId)] : []), ...p.galleryImageIds.map(Number), ...storyImageIds(p.story));
    }
    return ids;
  }

  private async reviewersOf(m: EntityManager, orgId: number): Promise<number[]> {
    const ancestors = (await this.policy.tree()).ancestors(orgId);
    return this.people.holders('COMMITTEE', { orgIds: ancestors }, m);
  }
}
