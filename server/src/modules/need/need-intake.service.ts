import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NeedCategory, NeedDetail, NeedUrgency } from '@torch-red/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { Tx } from '../../database/tx.service';
import { AccessPolicy } from '../access/access-policy.service';
import { secretaryEnterpriseIds } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { ImageService } from '../media/image.service';
import { OrgDirectory } from '../org/org-directory.service';
import { AppealDirectory } from '../talk/appeal-directory.service';
import type { RaiseNeedDto } from './dto/need.dto';
import { NeedNotifier, recordNeedEvent } from './need-notifier';
import { NeedQueryService } from './need-query.service';
import { NeedEntity } from './need.entity';

export interface NewNeed {
  enterpriseId: number;
  raisedBy: number;
  category: NeedCategory;
  urgency: NeedUrgency;
  title: string;
  description: string;
  imageIds: number[];
  appealId?: number | null;
  visitId?: number | null;
  /** Where the need came from, shown in the timeline (a 月月谈 appeal, an instructor's visit). */
  note?: string | null;
}

/** 点单: how needs enter the ledger — raised by an enterprise, turned from a 月月谈 appeal, or logged on a visit. */
@Injectable()
export class NeedIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly images: ImageService,
    private readonly policy: AccessPolicy,
    private readonly notifier: NeedNotifier,
    private readonly query: NeedQueryService,
    private readonly orgDirectory: OrgDirectory,
    private readonly appeals: AppealDirectory,
  ) {}

  async raise(user: AuthUser, dto: RaiseNeedDto): Promise<NeedDetail> {
    const enterpriseId = await this.enterpriseFor(user, dto.enterpriseId ? Number(dto.enterpriseId) : null);
    const imageIds = [...new Set((dto.imageIds ?? []).map(Number))];
    // Only the raiser's own uploads; from then on they are private to the people who may read the need.
    await this.images.requireAttachable(user, imageIds);
    const need = await this.tx.run(async (m) => {
      await this.images.markPrivate(m, imageIds);
      return this.createNeed(m, { enterpriseId, raisedBy: user.id, category: dto.category, urgency: dto.urgency, title: dto.title, description: dto.description, imageIds });
    });
    return this.query.detail(user, need.id);
  }

  /** A 月月谈 appeal becomes a need in one step; the entrepreneur who raised the appeal is the raiser. */
  async fromAppeal(user: AuthUser, appealId: number): Promise<NeedDetail> {
    const appeal = await this.appeals.forNeed(appealId);
    if (!appeal) throw new AppError('NOT_FOUND');
    if (appeal.enterpriseId === null) throw new AppError('NEED_NO_ENTERPRISE', '该诉求未关联链上企业，无法转入需求台账');
    if (await this.dataSource.getRepository(NeedEntity).existsBy({ appealId })) throw new AppError('NEED_STATE_INVALID', '该诉求已转为需求');
    let need: NeedEntity;
    try {
      need = await this.tx.run(async (m) => {
        const created = await this.createNeed(m, {
          enterpriseId: appeal.enterpriseId!,
          raisedBy: appeal.userId,
          category: appeal.category,
          urgency: 'NORMAL',
          title: appeal.content.slice(0, 40),
          description: appeal.content,
          imageIds: [],
          appealId,
          note: '由企业家月月谈诉求转入需求台账',
        });
        await this.audit.record({ actorId: user.id, action: 'need.from-appeal', entityType: 'need', entityId: created.id, after: { appealId } }, m);
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('NEED_STATE_INVALID', '该诉求已转为需求');
      throw err;
    }
    return this.query.detail(user, need.id);
  }

  /** Inserts a need in the ledger of the enterprise's industry committee, inside the caller's transaction. */
  async createNeed(m: EntityManager, input: NewNeed): Promise<NeedEntity> {
    const enterprise = await this.orgDirectory.enterprise(input.enterpriseId, m);
    const chain = enterprise?.chainId ? await this.orgDirectory.chain(enterprise.chainId, m) : null;
    if (!enterprise || !chain) throw new AppError('NEED_NO_ENTERPRISE', '该企业尚未加入产业链，暂无承接的产业党委');
    const now = this.clock.now();
    const repo = m.getRepository(NeedEntity);
    const need = await repo.save(
      repo.create({
        enterpriseId: enterprise.id,
        chainId: chain.id,
        committeeOrgId: chain.committeeOrgId,
        raisedBy: input.raisedBy,
        category: input.category,
        urgency: input.urgency,
        title: input.title,
        description: input.description,
        imageIds: input.imageIds,
        status: 'SUBMITTED',
        version: 1,
        appealId: input.appealId ?? null,
        visitId: input.visitId ?? null,
        mergedIntoId: null,
        answer: null,
        resolvedAt: null,
        rating: null,
        ratingComment: null,
        closedAt: null,
        lastActivityAt: now,
        escalatedAt: null,
        isSample: false,
      }),
    );
    await recordNeedEvent(m, need.id, input.raisedBy, 'RAISED', null, input.note ?? null);
    await this.notifier.raised(m, need, enterprise.name);
    return need;
  }

  /** The caller's own enterprise, one they are secretary for, or (admins) any. */
  private async enterpriseFor(user: AuthUser, requested: number | null): Promise<number> {
    if (requested !== null) {
      if (await this.policy.can(user, 'enterprise.raise-need', requested)) return requested;
      throw new AppError('NEED_NO_ENTERPRISE');
    }
    const allowed = [...(user.enterpriseId !== null ? [user.enterpriseId] : []), ...secretaryEnterpriseIds(user, await this.policy.tree(user))];
    if (allowed.length === 0) throw new AppError('NEED_NO_ENTERPRISE');
    return allowed[0];
  }
}
