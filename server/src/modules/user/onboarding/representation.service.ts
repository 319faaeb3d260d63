import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REPRESENTATION_KIND_LABELS, type CreateRepresentationRequest, type JoinRequestStatus, type RepresentationRequestResponse } from '@torch-red/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { AppError } from '../../../common/errors/app-error';
import { isUniqueViolation } from '../../../database/db-errors';
import { forUpdate } from '../../../database/row-lock';
import { Tx } from '../../../database/tx.service';
import { AccessPolicy } from '../../access/access-policy.service';
import { AuditService } from '../../audit/audit.service';
import { NotificationService } from '../../notification/notification.service';
import { OrgDirectory, type EnterpriseRef } from '../../org/org-directory.service';
import { RoleGrantEntity } from '../role-grant.entity';
import { UserEntity } from '../user.entity';
import { RepresentationRequestEntity } from './onboarding.entity';
import { JoinRequestMapper, reviewResult } from './onboarding.mapper';

const WORKSPACE_LINK = '/packages/onboarding/pages/representations/index';
const MINE_LINK = '/pages/mine/index';

/**
 * Asking to represent an enterprise (企业家 / 企业联络人). The enterprise's Party secretaries and the
 * committee staff of its chain decide; approval sets the person's enterprise (there is no separate role
 * for enterprise contacts: raising needs follows from belonging to the enterprise).
 */
@Injectable()
export class RepresentationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly mapper: JoinRequestMapper,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  async request(user: AuthUser, dto: CreateRepresentationRequest): Promise<RepresentationRequestResponse> {
    const enterpriseId = Number(dto.enterpriseId);
    const enterprise = await this.orgDirectory.enterprise(enterpriseId);
    if (!enterprise) throw new AppError('VALIDATION_FAILED', '企业不存在', [{ field: 'enterpriseId', message: '企业不存在' }]);
    if (user.enterpriseId === enterpriseId) throw new AppError('ONBOARDING_STATE_INVALID', '你已关联该企业，无需再申请');
    try {
      const saved = await this.tx.run(async (m) => {
        const repo = m.getRepository(RepresentationRequestEntity);
        const row = await repo.save(
          repo.create({ userId: user.id, enterpriseId, kind: dto.kind, status: 'PENDING', pendingKey: `user:${user.id}`, reason: null, decidedBy: null, decidedAt: null }),
        );
        await this.audit.record({ actorId: user.id, action: 'onboarding.representation-request', entityType: 'representation_request', entityId: row.id, after: { enterpriseId, kind: dto.kind } }, m);
        await this.notifications.notify(m, await this.approversOf(m, enterprise), {
          kind: 'REPRESENTATION_REQUESTED',
          title: '新的企业代表申请',
          body: `${user.name} 申请作为「${enterprise.name}」的${REPRESENTATION_KIND_LABELS[dto.kind]}，请审核`,
          link: WORKSPACE_LINK,
        });
        return row;
      });
      return (await this.mapper.representations(user, [saved]))[0];
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('ONBOARDING_STATE_INVALID', '你已有一条待审核的企业代表申请，请等待审核');
      throw err;
    }
  }

  async mine(user: AuthUser): Promise<RepresentationRequestResponse[]> {
    const rows = await this.dataSource.getRepository(RepresentationRequestEntity).find({ where: { userId: user.id }, order: { id: 'DESC' }, take: 20 });
    return this.mapper.representations(user, rows);
  }

  /** Requests for the enterprises the caller may decide on; admins see all. */
  async list(actor: AuthUser, status: JoinRequestStatus = 'PENDING'): Promise<RepresentationRequestResponse[]> {
    const qb = this.dataSource.getRepository(RepresentationRequestEntity).createQueryBuilder('r').where('r.status = :status', { status }).orderBy('r.id', 'DESC').take(200);
    if (!actor.isAdmin) {
      const all = await this.orgDirectory.enterpriseIds();
      const mine = [...(await this.policy.allowed(actor, 'enterprise.approve-representative', all))];
      if (mine.length === 0) return [];
      qb.andWhere('r.enterpriseId IN (:...mine)', { mine });
    }
    return this.mapper.representations(actor, await qb.getMany());
  }

  async approve(actor: AuthUser, id: number): Promise<RepresentationRequestResponse> {
    const row = await this.tx.run(async (m) => {
      const request = await this.lockPending(m, actor, id);
      const person = await forUpdate(m.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id: request.userId })).getOneOrFail();
      const enterprise = await this.orgDirectory.requireEnterprise(request.enterpriseId, m);
      await m.getRepository(UserEntity).update({ id: person.id }, { enterpriseId: request.enterpriseId });
      await this.decide(m, request, actor, 'APPROVED', null);
      await this.audit.record(
        { actorId: actor.id, action: 'onboarding.representation-approve', entityType: 'user', entityId: person.id, before: { enterpriseId: person.enterpriseId }, after: { enterpriseId: request.enterpriseId, kind: request.kind, requestId: request.id } },
        m,
      );
      await this.notifications.notify(m, [person.id], {
        kind: 'REPRESENTATION_APPROVED',
        title: '企业代表申请已通过',
        body: `你已关联「${enterprise.name}」（${REPRESENTATION_KIND_LABELS[request.kind]}），可以代表企业吹哨提需求了`,
        link: MINE_LINK,
        wechat: reviewResult('企业代表申请', enterprise.name, '已通过', '可以代表企业吹哨了'),
      });
      return request;
    });
    return (await this.mapper.representations(actor, [row]))[0];
  }

  async reject(actor: AuthUser, id: number, reason: string): Promise<RepresentationRequestResponse> {
    const row = await this.tx.run(async (m) => {
      const request = await this.lockPending(m, actor, id);
      await this.decide(m, request, actor, 'REJECTED', reason);
      await this.audit.record({ actorId: actor.id, action: 'onboarding.representation-reject', entityType: 'representation_request', entityId: request.id, after: { reason } }, m);
      const enterprise = await this.orgDirectory.requireEnterprise(request.enterpriseId, m);
      await this.notifications.notify(m, [request.userId], {
        kind: 'REPRESENTATION_REJECTED',
        title: '企业代表申请未通过',
        body: `「${enterprise.name}」未通过你的申请：${reason}`,
        link: MINE_LINK,
        wechat: reviewResult('企业代表申请', enterprise.name, '未通过', reason),
      });
      return request;
    });
    return (await this.mapper.representations(actor, [row]))[0];
  }

  private async lockPending(m: EntityManager, actor: AuthUser, id: number): Promise<RepresentationRequestEntity> {
    const request = await forUpdate(m.getRepository(RepresentationRequestEntity).createQueryBuilder('r').where('r.id = :id', { id })).getOne();
    if (!request || !(await this.policy.can(actor, 'enterprise.approve-representative', request.enterpriseId))) throw new AppError('NOT_FOUND');
    if (request.status !== 'PENDING') throw new AppError('ONBOARDING_STATE_INVALID', '该申请已处理');
    return request;
  }

  private async decide(m: EntityManager, request: RepresentationRequestEntity, actor: AuthUser, status: JoinRequestStatus, reason: string | null): Promise<void> {
    Object.assign(request, { status, pendingKey: null, reason, decidedBy: actor.id, decidedAt: this.clock.now() });
    await m.getRepository(RepresentationRequestEntity).update({ id: request.id }, { status, pendingKey: null, reason, decidedBy: actor.id, decidedAt: request.decidedAt });
  }

  /** The enterprise's Party secretaries and its chain's committee staff. */
  private async approversOf(m: EntityManager, enterprise: EnterpriseRef): Promise<number[]> {
    const tree = await this.policy.tree();
    const orgIds = tree.orgsOfEnterprise(enterprise.id);
    const chain = enterprise.chainId !== null ? await this.orgDirectory.chain(enterprise.chainId, m) : null;
    const where = [
      ...(orgIds.length ? [{ role: 'SECRETARY' as const, orgId: In(orgIds) }] : []),
      ...(chain ? [{ role: 'COMMITTEE' as const, orgId: chain.committeeOrgId }] : []),
    ];
    if (where.length === 0) return [];
    return (await m.getRepository(RoleGrantEntity).find({ where })).map((g) => g.userId);
  }
}
