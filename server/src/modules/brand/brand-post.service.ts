import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PostResponse } from '@torch-red/shared';
import { brandStatusesChangedBy, canBrand } from '@torch-red/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { Tx } from '../../database/tx.service';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { BrandViews } from './brand-views.service';
import { postContentOf, withEditor } from './brand.mapper';
import { BrandEntity } from './brand.entity';
import type { PostReviewDto, SavePostDto } from './dto/brand.dto';
import { PioneerPostEntity } from './pioneer-post.entity';
import { PostReviewEntity } from './post-review.entity';

/** 先锋岗: an org's pioneer posts, written with its brand (a change sends an approved brand back to review). */
@Injectable()
export class BrandPostService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly views: BrandViews,
    private readonly orgDirectory: OrgDirectory,
    private readonly people: PeopleDirectory,
  ) {}

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
    return this.views.postById(id);
  }

  async updatePost(user: AuthUser, postId: number, dto: SavePostDto): Promise<PostResponse> {
    const post = await this.requirePost(user, postId);
    await this.checkPost(post.orgId, dto, post.holderIds);
    await this.tx.run(async (m) => {
      await this.requireEditable(m, post.orgId);
      await m.getRepository(PioneerPostEntity).update({ id: postId }, this.postFields(dto));
      await this.markBrandChanged(m, post.orgId, user.id);
      await this.audit.record({ actorId: user.id, action: 'post.update', entityType: 'pioneer-post', entityId: postId, before: postContentOf(post), after: { name: dto.name } }, m);
    });
    return this.views.postById(postId);
  }

  async deletePost(user: AuthUser, postId: number): Promise<void> {
    const post = await this.requirePost(user, postId);
    await this.tx.run(async (m) => {
      await this.requireEditable(m, post.orgId, 'deletePost');
      await m.getRepository(PioneerPostEntity).delete({ id: postId });
      await this.addEditor(m, post.orgId, user.id);
      await this.audit.record({ actorId: user.id, action: 'post.delete', entityType: 'pioneer-post', entityId: postId, before: postContentOf(post) }, m);
    });
  }

  async addReview(user: AuthUser, postId: number, dto: PostReviewDto): Promise<PostResponse> {
    await this.requirePost(user, postId);
    if (Number.isNaN(Date.parse(`${dto.reviewedOn}T00:00:00Z`))) throw new AppError('VALIDATION_FAILED', '日期不正确');
    await this.tx.run((m) => m.getRepository(PostReviewEntity).insert({ postId, reviewedOn: dto.reviewedOn, reviewerId: user.id, note: dto.note }));
    return this.views.postById(postId);
  }

  /**
   * Holders must be members of the post's organisation (or the orgs below it), or already hold this post:
   * anyone else's id is refused without saying whether the person exists, so the post cannot be used to
   * look up names.
   */
  private async checkPost(orgId: number, dto: SavePostDto, currentHolders: number[]): Promise<void> {
    if (dto.enterpriseId && !(await this.orgDirectory.enterprise(Number(dto.enterpriseId)))) {
      throw new AppError('VALIDATION_FAILED', '所属企业不存在');
    }
    const ids = [...new Set(dto.holderIds.map(Number))].filter((id) => !currentHolders.includes(id));
    if (ids.length === 0) return;
    const orgIds = (await this.policy.tree()).descendants([orgId]);
    const members = await this.people.countMembersAmong(ids, orgIds);
    if (members !== ids.length) {
      throw new AppError('VALIDATION_FAILED', '岗位人员必须是本组织的党员', [{ field: 'holderIds', message: '岗位人员必须是本组织（含下级组织）的成员' }]);
    }
  }

  private postFields(dto: SavePostDto): Pick<PioneerPostEntity, 'name' | 'kind' | 'enterpriseId' | 'workshop' | 'commitment' | 'holderIds'> {
    return { name: dto.name, kind: dto.kind, enterpriseId: dto.enterpriseId ? Number(dto.enterpriseId) : null, workshop: dto.workshop, commitment: dto.commitment, holderIds: [...new Set(dto.holderIds.map(Number))] };
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
}
