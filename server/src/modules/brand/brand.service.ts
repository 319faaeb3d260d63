import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BrandContent,
  BrandDetail,
  BrandSummary,
  BrandWorkspaceResponse,
  LikeResponse,
  Page,
  PostContent,
  PostResponse,
  StoryBlock,
} from '@torch-red/shared';
import { allowedBrandActions, brandStatusesAccepting, brandStatusesChangedBy, canBrand } from '@torch-red/shared';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { toIso } from '../../database/sql-time';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { ImageService } from '../media/image.service';
import type { ImageEntity } from '../media/image.entity';
import { NotificationService } from '../notification/notification.service';
import { ChainEntity } from '../org/chain.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { OrgEntity } from '../org/org.entity';
import { RoleGrantEntity } from '../user/role-grant.entity';
import { UserEntity } from '../user/user.entity';
import { BrandLikeEntity } from './brand-like.entity';
import { BrandEntity } from './brand.entity';
import type { BrandListQueryDto, DemoPointDto, PostReviewDto, SaveBrandDto, SavePostDto, StoryBlockDto } from './dto/brand.dto';
import { PioneerPostEntity } from './pioneer-post.entity';
import { PostReviewEntity } from './post-review.entity';

function withEditor(editorIds: number[] | null | undefined, userId: number): number[] {
  return [...new Set([...(editorIds ?? []), userId])];
}

/** Sort key that lists demonstration points first, then by id; also the (numeric) page cursor. */
const SORT_KEY = '(CASE WHEN b.isDemoPoint = 1 THEN 0 ELSE 1000000000000 END + b.id)';

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
      items: await this.summaries(page),
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
    const [summary] = await this.summaries([brand]);
    const imageIds = [...content.galleryImageIds, ...content.story.filter((b) => b.type === 'image').map((b) => (b as { imageId: string }).imageId)].map(Number);
    const images = await this.images.byIds(imageIds);
    const liked = await this.dataSource.getRepository(BrandLikeEntity).findOneBy({ brandId: id, userId: user.id });
    const posts = await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId: brand.orgId, published: Not(IsNull()) }, order: { id: 'ASC' } });
    return {
      ...summary,
      story: content.story.map((block) => (block.type === 'image' && images.get(Number(block.imageId)) ? { ...block, image: this.images.respond(images.get(Number(block.imageId))!) } : block)),
      gallery: content.galleryImageIds.map((i) => images.get(Number(i))).filter((i): i is ImageEntity => Boolean(i)).map((i) => this.images.respond(i)),
      posts: await this.postResponses(posts, 'published'),
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
    return this.workspaceView(orgId, brand, posts);
  }

  async save(user: AuthUser, orgId: number, dto: SaveBrandDto): Promise<BrandWorkspaceResponse> {
    await this.policy.require(user, 'org.manage', orgId);
    const story = this.checkStory(dto.story);
    const imageIds = [...(dto.coverImageId ? [Number(dto.coverImageId)] : []), ...dto.galleryImageIds.map(Number), ...story.filter((b) => b.type === 'image').map((b) => Number((b as { imageId: string }).imageId))];
    const current = await this.dataSource.getRepository(BrandEntity).findOneBy({ orgId });
    await this.images.requireAttachable(user, imageIds, current ? this.imageIdsOf(current) : []);
    const org = await this.dataSource.getRepository(OrgEntity).findOneBy({ id: orgId });
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
      await this.audit.record({ actorId: user.id, action: 'brand.save', entityType: 'brand', entityId: existing?.id ?? null, before: existing ? this.contentOf(existing) : null, after: { orgId, name: dto.name } }, m);
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
      await this.audit.record({ actorId: user.id, action: 'brand.submit', entityType: 'brand', entityId: brand.id, after: this.contentOf(brand) }, m);
      const reviewers = await this.reviewersOf(m, orgId);
      await this.notifications.notify(m, reviewers, { kind: 'BRAND_SUBMITTED', title: '党建品牌待审核', body: `「${brand.name}」已提交审核。`, link: '/packages/workspace/pages/brand-review/index' });
    });
    return (await this.workspace(user, orgId))!;
  }

  // ── Review (industry committee of the org, or admin) ────────────────────────

  async reviewQueue(user: AuthUser, status: BrandEntity['status'] = 'SUBMITTED'): Promise<BrandWorkspaceResponse[]> {
    const brands = await this.dataSource.getRepository(BrandEntity).find({ where: { status }, order: { submittedAt: 'ASC', id: 'ASC' } });
    const reviewable = await this.policy.allowed(user, 'brand.review', brands.map((b) => b.orgId));
    const visible = brands.filter((b) => reviewable.has(b.orgId));
    const posts = visible.length ? await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId: In(visible.map((b) => b.orgId)) }, order: { id: 'ASC' } }) : [];
    return Promise.all(visible.map((b) => this.workspaceView(b.orgId, b, posts.filter((p) => p.orgId === b.orgId)).then((v) => v!)));
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
      const published = this.contentOf(current);
      const result = await m
        .getRepository(BrandEntity)
        .update({ id, status: 'SUBMITTED' }, { status: 'APPROVED', published, publishedAt: now, reviewedAt: now, reviewedBy: user.id, returnReason: null, editorIds: [] });
      if (!result.affected) throw new AppError('CONFLICT');
      // The organisation's posts are published with the brand they belong to.
      const posts = await m.getRepository(PioneerPostEntity).findBy({ orgId: current.orgId });
      for (const post of posts) await m.getRepository(PioneerPostEntity).update({ id: post.id }, { published: this.postContentOf(post) });
      await this.audit.record(
        { actorId: user.id, action: 'brand.approve', entityType: 'brand', entityId: id, before: brand.published, after: ownEdit ? { ...published, approvedOwnEdit: true } : published },
        m,
      );
      await this.notifications.notify(m, await this.secretariesOf(m, current.orgId), { kind: 'BRAND_APPROVED', title: '党建品牌已发布', body: `「${current.name}」审核通过，已发布。`, link: `/pages/brand-detail/index?id=${id}` });
    });
    return (await this.workspaceView(brand.orgId, await this.dataSource.getRepository(BrandEntity).findOneBy({ id }), await this.dataSource.getRepository(PioneerPostEntity).findBy({ orgId: brand.orgId })))!;
  }

  async sendBack(user: AuthUser, id: number, reason: string): Promise<BrandWorkspaceResponse> {
    const brand = await this.requireReviewable(user, id);
    await this.tx.run(async (m) => {
      const result = await m.getRepository(BrandEntity).update({ id, status: In(brandStatusesAccepting('return')) }, { status: 'RETURNED', returnReason: reason, reviewedAt: this.clock.now(), reviewedBy: user.id });
      if (!result.affected) throw new AppError('BRAND_STATE_INVALID', '只能审核已提交的品牌');
      await this.audit.record({ actorId: user.id, action: 'brand.return', entityType: 'brand', entityId: id, after: { reason } }, m);
      await this.notifications.notify(m, await this.secretariesOf(m, brand.orgId), { kind: 'BRAND_RETURNED', title: '党建品牌被退回', body: `「${brand.name}」被退回修改：${reason}`, link: '/packages/workspace/pages/brand/index' });
    });
    return (await this.workspaceView(brand.orgId, await this.dataSource.getRepository(BrandEntity).findOneBy({ id }), await this.dataSource.getRepository(PioneerPostEntity).findBy({ orgId: brand.orgId })))!;
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
    return (await this.summaries([(await repo.findOneBy({ id }))!]))[0];
  }

  // ── Pioneer posts ───────────────────────────────────────────────────────────

  async createPost(user: AuthUser, orgId: number, dto: SavePostDto): Promise<PostResponse> {
    await this.policy.require(user, 'org.manage', orgId);
    await this.checkPost(orgId, dto, []);
    const id = await this.tx.run(async (m) => {
      await this.requireEditable(m, orgId);
      const saved = await m.getRepository(PioneerPostEntity).save(m.getRepository(PioneerPostEntity).create({ orgId, ...this.postFields(dto), published: null, isSample: false }));
      await this.markBrandChanged(m, orgId, user.id);
      await this.audit.record({ actorId: user.id, action: 'post.create', entityType: 'pioneer-post', entityId: saved.id, after: { name: dto.name, kind: dto.kind } }, m);
      return saved.id;
    });
    return this.postById(id);
  }

  async updatePost(user: AuthUser, postId: number, dto: SavePostDto): Promise<PostResponse> {
    const post = await this.requirePost(user, postId);
    await this.checkPost(post.orgId, dto, post.holderIds);
    await this.tx.run(async (m) => {
      await this.requireEditable(m, post.orgId);
      await m.getRepository(PioneerPostEntity).update({ id: postId }, this.postFields(dto));
      await this.markBrandChanged(m, post.orgId, user.id);
      await this.audit.record({ actorId: user.id, action: 'post.update', entityType: 'pioneer-post', entityId: postId, before: this.postContentOf(post), after: { name: dto.name } }, m);
    });
    return this.postById(postId);
  }

  async deletePost(user: AuthUser, postId: number): Promise<void> {
    const post = await this.requirePost(user, postId);
    await this.tx.run(async (m) => {
      await this.requireEditable(m, post.orgId, 'deletePost');
      await m.getRepository(PioneerPostEntity).delete({ id: postId });
      await this.addEditor(m, post.orgId, user.id);
      await this.audit.record({ actorId: user.id, action: 'post.delete', entityType: 'pioneer-post', entityId: postId, before: this.postContentOf(post) }, m);
    });
  }

  async addReview(user: AuthUser, postId: number, dto: PostReviewDto): Promise<PostResponse> {
    await this.requirePost(user, postId);
    if (Number.isNaN(Date.parse(`${dto.reviewedOn}T00:00:00Z`))) throw new AppError('VALIDATION_FAILED', '日期不正确');
    await this.tx.run((m) => m.getRepository(PostReviewEntity).insert({ postId, reviewedOn: dto.reviewedOn, reviewerId: user.id, note: dto.note }));
    return this.postById(postId);
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

  /**
   * Holders must be members of the post's organisation (or the orgs below it), or already hold this post:
   * anyone else's id is refused without saying whether the person exists, so the post cannot be used to
   * look up names.
   */
  private async checkPost(orgId: number, dto: SavePostDto, currentHolders: number[]): Promise<void> {
    if (dto.enterpriseId && !(await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ id: Number(dto.enterpriseId) }))) {
      throw new AppError('VALIDATION_FAILED', '所属企业不存在');
    }
    const ids = [...new Set(dto.holderIds.map(Number))].filter((id) => !currentHolders.includes(id));
    if (ids.length === 0) return;
    const orgIds = (await this.policy.tree()).descendants([orgId]);
    const members = await this.dataSource.getRepository(UserEntity).countBy({ id: In(ids), orgId: In(orgIds) });
    if (members !== ids.length) {
      throw new AppError('VALIDATION_FAILED', '岗位人员必须是本组织的党员', [{ field: 'holderIds', message: '岗位人员必须是本组织（含下级组织）的成员' }]);
    }
  }

  private postFields(dto: SavePostDto): Pick<PioneerPostEntity, 'name' | 'kind' | 'enterpriseId' | 'workshop' | 'commitment' | 'holderIds'> {
    return { name: dto.name, kind: dto.kind, enterpriseId: dto.enterpriseId ? Number(dto.enterpriseId) : null, workshop: dto.workshop, commitment: dto.commitment, holderIds: [...new Set(dto.holderIds.map(Number))] };
  }

  /** Every image the brand shows now (working copy and published version). */
  private imageIdsOf(b: BrandEntity): number[] {
    const ids = [...(b.coverImageId ? [b.coverImageId] : []), ...b.galleryImageIds, ...b.story.filter((s) => s.type === 'image').map((s) => Number((s as { imageId: string }).imageId))];
    if (b.published) {
      const p = b.published;
      ids.push(...(p.coverImageId ? [Number(p.coverImageId)] : []), ...p.galleryImageIds.map(Number), ...p.story.filter((s) => s.type === 'image').map((s) => Number((s as { imageId: string }).imageId)));
    }
    return ids;
  }

  private async requireEditable(m: EntityManager, orgId: number, event: 'changePost' | 'deletePost' = 'changePost'): Promise<void> {
    const brand = await m.getRepository(BrandEntity).findOneBy({ orgId });
    if (!canBrand(brand?.status ?? 'NONE', event)) throw new AppError('BRAND_STATE_INVALID', '品牌正在审核中，审核结束后才能修改先锋岗');
  }

  /** A change to posts after approval means the brand goes through review again. */
  private async markBrandChanged(m: EntityManager, orgId: number, editorId: number): Promise<void> {
    await m.getRepository(BrandEntity).update({ orgId, status: In(brandStatusesChangedBy('changePost')) }, { status: 'DRAFT' });
    await this.addEditor(m, orgId, editorId);
  }

  /** Remembers who changed the brand's content since its last approval (see approve). */
  private async addEditor(m: EntityManager, orgId: number, editorId: number): Promise<void> {
    const brand = await m.getRepository(BrandEntity).findOneBy({ orgId });
    if (brand && !(brand.editorIds ?? []).includes(editorId)) {
      await m.getRepository(BrandEntity).update({ id: brand.id }, { editorIds: withEditor(brand.editorIds, editorId) });
    }
  }

  private async requirePost(user: AuthUser, postId: number): Promise<PioneerPostEntity> {
    const post = await this.dataSource.getRepository(PioneerPostEntity).findOneBy({ id: postId });
    if (!post || !(await this.policy.can(user, 'org.manage', post.orgId))) throw new AppError('NOT_FOUND');
    return post;
  }

  private async postById(id: number): Promise<PostResponse> {
    const post = (await this.dataSource.getRepository(PioneerPostEntity).findOneBy({ id }))!;
    return (await this.postResponses([post], 'working'))[0];
  }

  private async requireReviewable(user: AuthUser, id: number): Promise<BrandEntity> {
    const brand = await this.dataSource.getRepository(BrandEntity).findOneBy({ id });
    if (!brand || !(await this.policy.can(user, 'brand.review', brand.orgId))) throw new AppError('NOT_FOUND');
    return brand;
  }

  private async reviewersOf(m: EntityManager, orgId: number): Promise<number[]> {
    const ancestors = (await this.policy.tree()).ancestors(orgId);
    const grants = await m.getRepository(RoleGrantEntity).find({ where: [{ role: 'COMMITTEE', orgId: In(ancestors) }] });
    return grants.map((g) => g.userId);
  }

  private async secretariesOf(m: EntityManager, orgId: number): Promise<number[]> {
    return (await m.getRepository(RoleGrantEntity).findBy({ role: 'SECRETARY', orgId })).map((g) => g.userId);
  }

  private contentOf(b: BrandEntity): BrandContent {
    return {
      name: b.name,
      slogan: b.slogan,
      story: b.story,
      coverImageId: b.coverImageId === null ? null : String(b.coverImageId),
      galleryImageIds: b.galleryImageIds.map(String),
      honours: b.honours,
    };
  }

  private postContentOf(p: PioneerPostEntity): PostContent {
    return { name: p.name, kind: p.kind, enterpriseId: p.enterpriseId === null ? null : String(p.enterpriseId), workshop: p.workshop, commitment: p.commitment, holderIds: p.holderIds.map(String) };
  }

  private async postResponses(posts: PioneerPostEntity[], version: 'published' | 'working'): Promise<PostResponse[]> {
    if (posts.length === 0) return [];
    const contents = posts.map((p) => (version === 'published' && p.published ? p.published : this.postContentOf(p)));
    const holderIds = [...new Set(contents.flatMap((c) => c.holderIds.map(Number)))];
    const enterpriseIds = [...new Set(contents.map((c) => c.enterpriseId).filter((x): x is string => x !== null).map(Number))];
    const reviews = await this.dataSource.getRepository(PostReviewEntity).find({ where: { postId: In(posts.map((p) => p.id)) }, order: { reviewedOn: 'DESC', id: 'DESC' } });
    const peopleIds = [...new Set([...holderIds, ...reviews.map((r) => r.reviewerId)])];
    const [people, enterprises] = await Promise.all([
      peopleIds.length ? this.dataSource.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { id: In(peopleIds) } }) : [],
      enterpriseIds.length ? this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true, name: true }, where: { id: In(enterpriseIds) } }) : [],
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const enterpriseNames = new Map(enterprises.map((e) => [e.id, e.name]));
    return posts.map((p, i) => {
      const c = contents[i];
      return {
        id: String(p.id),
        name: c.name,
        kind: c.kind,
        enterpriseId: c.enterpriseId,
        enterpriseName: c.enterpriseId ? (enterpriseNames.get(Number(c.enterpriseId)) ?? null) : null,
        workshop: c.workshop,
        commitment: c.commitment,
        holders: c.holderIds.filter((h) => names.has(Number(h))).map((h) => ({ id: h, name: names.get(Number(h))! })),
        reviews: reviews
          .filter((r) => r.postId === p.id)
          .map((r) => ({ id: String(r.id), reviewedOn: r.reviewedOn, reviewerName: names.get(r.reviewerId) ?? '', note: r.note, createdAt: toIso(r.createdAt) })),
        published: p.published !== null,
      };
    });
  }

  private async workspaceView(orgId: number, brand: BrandEntity | null, posts: PioneerPostEntity[]): Promise<BrandWorkspaceResponse | null> {
    const org = await this.dataSource.getRepository(OrgEntity).findOneBy({ id: orgId });
    if (!brand) return null;
    const storyImageIds = brand.story.filter((b) => b.type === 'image').map((b) => Number((b as { imageId: string }).imageId));
    const images = await this.images.byIds([...(brand.coverImageId ? [brand.coverImageId] : []), ...brand.galleryImageIds, ...storyImageIds]);
    // Everyone these views go to manages the organisation (reviewers are committee staff above it, or admins).
    const { canEdit, canSubmit } = allowedBrandActions(brand.status, { isManager: true, isReviewer: false });
    return {
      id: String(brand.id),
      orgId: String(orgId),
      orgName: org?.name ?? '',
      status: brand.status,
      content: this.contentOf(brand),
      cover: brand.coverImageId && images.get(brand.coverImageId) ? this.images.respond(images.get(brand.coverImageId)!) : null,
      gallery: brand.galleryImageIds.map((i) => images.get(i)).filter((i): i is ImageEntity => Boolean(i)).map((i) => this.images.respond(i)),
      storyImages: storyImageIds.map((i) => images.get(i)).filter((i): i is ImageEntity => Boolean(i)).map((i) => this.images.respond(i)),
      returnReason: brand.returnReason,
      submittedAt: toIso(brand.submittedAt),
      reviewedAt: toIso(brand.reviewedAt),
      hasPublishedVersion: brand.published !== null,
      isDemoPoint: brand.isDemoPoint,
      demoPointYear: brand.demoPointYear,
      posts: await this.postResponses(posts, 'working'),
      canEdit,
      canSubmit,
    };
  }

  private async summaries(brands: BrandEntity[]): Promise<BrandSummary[]> {
    if (brands.length === 0) return [];
    const orgs = await this.dataSource.getRepository(OrgEntity).findBy({ id: In(brands.map((b) => b.orgId)) });
    const enterpriseIds = [...new Set(orgs.map((o) => o.enterpriseId).filter((x): x is number => x !== null))];
    const enterprises = enterpriseIds.length ? await this.dataSource.getRepository(EnterpriseEntity).findBy({ id: In(enterpriseIds) }) : [];
    const chainIds = [...new Set(enterprises.map((e) => e.chainId).filter((x): x is number => x !== null))];
    const chains = chainIds.length ? await this.dataSource.getRepository(ChainEntity).findBy({ id: In(chainIds) }) : [];
    const covers = await this.images.byIds(brands.map((b) => (b.published?.coverImageId ? Number(b.published.coverImageId) : 0)).filter(Boolean));
    return brands.map((b) => {
      const content = b.published ?? this.contentOf(b);
      const org = orgs.find((o) => o.id === b.orgId);
      const enterprise = enterprises.find((e) => e.id === org?.enterpriseId);
      const chain = chains.find((c) => c.id === enterprise?.chainId);
      const cover = content.coverImageId ? covers.get(Number(content.coverImageId)) : undefined;
      return {
        id: String(b.id),
        orgId: String(b.orgId),
        orgName: org?.name ?? '',
        enterpriseId: enterprise ? String(enterprise.id) : null,
        enterpriseName: enterprise?.name ?? null,
        chainId: chain ? String(chain.id) : null,
        chainName: chain?.name ?? null,
        name: content.name,
        slogan: content.slogan,
        cover: cover ? this.images.respond(cover) : null,
        honours: content.honours,
        isDemoPoint: b.isDemoPoint,
        demoPointYear: b.demoPointYear,
        viewCount: b.viewCount,
        likeCount: b.likeCount,
        isSample: b.isSample,
      };
    });
  }
}
