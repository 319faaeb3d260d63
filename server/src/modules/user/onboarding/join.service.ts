import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JOIN_CODE_LENGTH,
  ONBOARDING_LIMITS,
  POLITICAL_STATUS_LABELS,
  type CreateJoinRequestRequest,
  type JoinCodePreview,
  type JoinCodeResponse,
  type JoinRequestResponse,
  type JoinRequestStatus,
} from '@torch-red/shared';
import QRCode from 'qrcode';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { orgIdsWithRole, type AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { AppError } from '../../../common/errors/app-error';
import { RateLimitService } from '../../../common/rate-limit/rate-limit.service';
import { isUniqueViolation } from '../../../database/db-errors';
import { forUpdate } from '../../../database/row-lock';
import { toIso } from '../../../database/sql-time';
import { Tx } from '../../../database/tx.service';
import { AccessPolicy } from '../../access/access-policy.service';
import { AuditService } from '../../audit/audit.service';
import { NotificationService } from '../../notification/notification.service';
import { OrgDirectory } from '../../org/org-directory.service';
import { RoleGrantEntity } from '../role-grant.entity';
import { UserEntity } from '../user.entity';
import { normaliseCode, randomCode } from './onboarding-codes';
import { JoinCodeEntity, JoinRequestEntity } from './onboarding.entity';
import { JoinRequestMapper, reviewResult } from './onboarding.mapper';

const WORKSPACE_LINK = '/packages/onboarding/pages/join-requests/index';
const MINE_LINK = '/pages/mine/index';

/** Join codes (one live per org, revocable) and the join requests people send with them. */
@Injectable()
export class JoinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimitService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly mapper: JoinRequestMapper,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  // ── Join codes (workspace) ────────────────────────────────────────────────

  async joinCode(actor: AuthUser, orgId: number): Promise<JoinCodeResponse | null> {
    await this.policy.require(actor, 'onboarding.approve', orgId);
    const live = await this.dataSource.getRepository(JoinCodeEntity).findOneBy({ orgId, revokedAt: IsNull() });
    return live ? this.joinCodeView(live) : null;
  }

  async renewJoinCode(actor: AuthUser, orgId: number): Promise<JoinCodeResponse> {
    await this.policy.require(actor, 'onboarding.approve', orgId);
    await this.orgDirectory.requireOpen(orgId);
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = await this.tx.run(async (m) => {
          await this.revokeLive(m, orgId);
          const repo = m.getRepository(JoinCodeEntity);
          const row = await repo.save(repo.create({ orgId, code: randomCode(JOIN_CODE_LENGTH), createdBy: actor.id, revokedAt: null }));
          await this.audit.record({ actorId: actor.id, action: 'onboarding.join-code.issue', entityType: 'org', entityId: orgId, after: { joinCodeId: row.id } }, m);
          return row;
        });
        return this.joinCodeView(saved);
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  async revokeJoinCode(actor: AuthUser, orgId: number): Promise<void> {
    await this.policy.require(actor, 'onboarding.approve', orgId);
    await this.tx.run(async (m) => {
      const revoked = await this.revokeLive(m, orgId);
      if (revoked.length) await this.audit.record({ actorId: actor.id, action: 'onboarding.join-code.revoke', entityType: 'org', entityId: orgId, before: { joinCodeIds: revoked } }, m);
    });
  }

  /** The org behind a typed or scanned code; wrong codes are counted per person (all processes). */
  async preview(user: AuthUser, input: string): Promise<JoinCodePreview> {
    const code = await this.liveCode(user, input);
    const org = await this.orgDirectory.requireOrg(code.orgId);
    return { orgId: String(org.id), orgName: org.name };
  }

  // ── Join requests ─────────────────────────────────────────────────────────

  async request(user: AuthUser, dto: CreateJoinRequestRequest): Promise<JoinRequestResponse> {
    if (user.orgId !== null) throw new AppError('ALREADY_IN_ORG');
    const code = await this.liveCode(user, dto.code);
    const enterpriseId = dto.enterpriseId ? Number(dto.enterpriseId) : null;
    if (enterpriseId !== null && !(await this.orgDirectory.enterprisesExist([enterpriseId]))) {
      throw new AppError('VALIDATION_FAILED', '所在企业不存在', [{ field: 'enterpriseId', message: '所在企业不存在' }]);
    }
    try {
      const saved = await this.tx.run(async (m) => {
        const repo = m.getRepository(JoinRequestEntity);
        const row = await repo.save(
          repo.create({
            userId: user.id,
            orgId: code.orgId,
            joinCodeId: code.id,
            name: dto.name,
            politicalStatus: dto.politicalStatus,
            enterpriseId,
            status: 'PENDING',
            pendingKey: `user:${user.id}`,
            reason: null,
            decidedBy: null,
            decidedAt: null,
          }),
        );
        await this.audit.record({ actorId: user.id, action: 'onboarding.join-request', entityType: 'join_request', entityId: row.id, after: { orgId: code.orgId, politicalStatus: dto.politicalStatus, enterpriseId } }, m);
        await this.notifications.notify(m, await this.secretariesOf(m, code.orgId), {
          kind: 'JOIN_REQUESTED',
          title: '新的入组织申请',
          body: `${dto.name}（${POLITICAL_STATUS_LABELS[dto.politicalStatus]}）申请加入本组织，请审核`,
          link: WORKSPACE_LINK,
        });
        return row;
      });
      return (await this.mapper.joinRequests(user, [saved]))[0];
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('ONBOARDING_STATE_INVALID', '你已有一条待审核的入组织申请，请等待书记审核');
      throw err;
    }
  }

  async mine(user: AuthUser): Promise<JoinRequestResponse[]> {
    const rows = await this.dataSource.getRepository(JoinRequestEntity).find({ where: { userId: user.id }, order: { id: 'DESC' }, take: 20 });
    return this.mapper.joinRequests(user, rows);
  }

  /** Requests to the orgs the caller manages (and those below them); admins see all. */
  async list(actor: AuthUser, status: JoinRequestStatus = 'PENDING'): Promise<JoinRequestResponse[]> {
    const qb = this.dataSource.getRepository(JoinRequestEntity).createQueryBuilder('r').where('r.status = :status', { status }).orderBy('r.id', 'DESC').take(200);
    if (!actor.isAdmin) {
      const orgIds = (await this.policy.tree()).descendants([...orgIdsWithRole(actor, 'SECRETARY'), ...orgIdsWithRole(actor, 'COMMITTEE')]);
      if (orgIds.length === 0) return [];
      qb.andWhere('r.orgId IN (:...orgIds)', { orgIds });
    }
    return this.mapper.joinRequests(actor, await qb.getMany());
  }

  async approve(actor: AuthUser, id: number): Promise<JoinRequestResponse> {
    const row = await this.tx.run(async (m) => {
      const request = await this.lockPending(m, actor, id);
      const person = await forUpdate(m.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id: request.userId })).getOneOrFail();
      if (person.orgId !== null && person.orgId !== request.orgId) throw new AppError('ALREADY_IN_ORG', '申请人已加入其他党组织，请驳回此申请');
      await this.orgDirectory.requireOpen(request.orgId, m);
      const before = { name: person.name, orgId: person.orgId, politicalStatus: person.politicalStatus, enterpriseId: person.enterpriseId };
      const after = { name: request.name, orgId: request.orgId, politicalStatus: request.politicalStatus, enterpriseId: person.enterpriseId ?? request.enterpriseId };
      await m.getRepository(UserEntity).update({ id: person.id }, after);
      await this.decide(m, request, actor, 'APPROVED', null);
      await this.audit.record({ actorId: actor.id, action: 'onboarding.join-approve', entityType: 'user', entityId: person.id, before, after: { ...after, joinRequestId: request.id } }, m);
      const org = await this.orgDirectory.requireOrg(request.orgId, m);
      await this.notifications.notify(m, [person.id], {
        kind: 'JOIN_APPROVED',
        title: '入组织申请已通过',
        body: `你已加入「${org.name}」`,
        link: MINE_LINK,
        wechat: reviewResult('入组织申请', org.name, '已通过', '欢迎加入，可查看本支部活动'),
      });
      return request;
    });
    return (await this.mapper.joinRequests(actor, [row]))[0];
  }

  async reject(actor: AuthUser, id: number, reason: string): Promise<JoinRequestResponse> {
    const row = await this.tx.run(async (m) => {
      const request = await this.lockPending(m, actor, id);
      await this.decide(m, request, actor, 'REJECTED', reason);
      await this.audit.record({ actorId: actor.id, action: 'onboarding.join-reject', entityType: 'join_request', entityId: request.id, after: { reason } }, m);
      const org = await this.orgDirectory.requireOrg(request.orgId, m);
      await this.notifications.notify(m, [request.userId], {
        kind: 'JOIN_REJECTED',
        title: '入组织申请未通过',
        body: `「${org.name}」未通过你的申请：${reason}`,
        link: MINE_LINK,
        wechat: reviewResult('入组织申请', org.name, '未通过', reason),
      });
      return request;
    });
    return (await this.mapper.joinRequests(actor, [row]))[0];
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private async liveCode(user: AuthUser, input: string): Promise<JoinCodeEntity> {
    const attempts = `join-code:${user.id}`;
    const window = ONBOARDING_LIMITS.attemptWindowMinutes * 60;
    const counted = this.clock.now();
    await this.rateLimit.consume(attempts, ONBOARDING_LIMITS.joinCodeAttempts, window, counted, `入组织码错误次数过多，请 ${ONBOARDING_LIMITS.attemptWindowMinutes} 分钟后再试`);
    const code = await this.dataSource.getRepository(JoinCodeEntity).findOneBy({ code: normaliseCode(input), revokedAt: IsNull() });
    // A closed org's code stops working with it (the code row is the onboarding module's, the org's state is not).
    if (!code || !(await this.policy.tree()).isOpen(code.orgId)) throw new AppError('JOIN_CODE_INVALID');
    await this.rateLimit.release(attempts, window, counted);
    return code;
  }

  /** The pending request, locked; "not yours" is NOT_FOUND, an already decided one ONBOARDING_STATE_INVALID. */
  private async lockPending(m: EntityManager, actor: AuthUser, id: number): Promise<JoinRequestEntity> {
    const request = await forUpdate(m.getRepository(JoinRequestEntity).createQueryBuilder('r').where('r.id = :id', { id })).getOne();
    if (!request || !(await this.policy.can(actor, 'onboarding.approve', request.orgId))) throw new AppError('NOT_FOUND');
    if (request.status !== 'PENDING') throw new AppError('ONBOARDING_STATE_INVALID', '该申请已处理');
    return request;
  }

  private async decide(m: EntityManager, request: JoinRequestEntity, actor: AuthUser, status: JoinRequestStatus, reason: string | null): Promise<void> {
    Object.assign(request, { status, pendingKey: null, reason, decidedBy: actor.id, decidedAt: this.clock.now() });
    await m.getRepository(JoinRequestEntity).update({ id: request.id }, { status, pendingKey: null, reason, decidedBy: actor.id, decidedAt: request.decidedAt });
  }

  private async revokeLive(m: EntityManager, orgId: number): Promise<number[]> {
    const live = await m.getRepository(JoinCodeEntity).findBy({ orgId, revokedAt: IsNull() });
    if (live.length) await m.getRepository(JoinCodeEntity).update({ id: In(live.map((c) => c.id)) }, { revokedAt: this.clock.now() });
    return live.map((c) => c.id);
  }

  private async secretariesOf(m: EntityManager, orgId: number): Promise<number[]> {
    const grants = await m.getRepository(RoleGrantEntity).findBy({ role: 'SECRETARY', orgId });
    return grants.map((g) => g.userId);
  }

  private async joinCodeView(row: JoinCodeEntity): Promise<JoinCodeResponse> {
    const org = await this.orgDirectory.requireOrg(row.orgId);
    const qrDataUrl = await QRCode.toDataURL(row.code, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
    return { orgId: String(org.id), orgName: org.name, code: row.code, qrDataUrl, createdAt: toIso(row.createdAt) };
  }
}
