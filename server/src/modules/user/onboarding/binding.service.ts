import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BINDING_CODE_LENGTH,
  ONBOARDING_LIMITS,
  type BindingCandidate,
  type BindingCodeResponse,
  type BindingResult,
  type BindingStatusResponse,
} from '@torch-red/shared';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { departmentIdsOf } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { DataCipher, maskPhone } from '../../../common/crypto/data-cipher';
import { AppError } from '../../../common/errors/app-error';
import { RateLimitService } from '../../../common/rate-limit/rate-limit.service';
import { isUniqueViolation } from '../../../database/db-errors';
import { toIso } from '../../../database/sql-time';
import { Tx } from '../../../database/tx.service';
import { AccessPolicy } from '../../access/access-policy.service';
import { AuditService } from '../../audit/audit.service';
import { OrgDirectory } from '../../org/org-directory.service';
import { UserEntity } from '../user.entity';
import { UserService } from '../user.service';
import { PhoneNumberClient } from '../../wechat/phone-number.client';
import { normaliseCode, randomCode } from './onboarding-codes';
import { BindingCodeEntity, JoinRequestEntity, RepresentationRequestEntity } from './onboarding.entity';
import { JoinRequestMapper } from './onboarding.mapper';
import { RosterAttach } from './roster-attach.service';

const HOUR = 3600 * 1000;
const NOT_ON_ROSTER = '手机号已绑定。你还不在任何党组织的花名册中：请向所在党组织书记索取入组织码，在“我的 → 加入党组织”提交申请';

/** Binding a signed-in account to its roster row: by WeChat phone number, or by a one-time code a secretary issued. */
@Injectable()
export class BindingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly rateLimit: RateLimitService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly phones: PhoneNumberClient,
    private readonly roster: RosterAttach,
    private readonly mapper: JoinRequestMapper,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  async status(user: AuthUser): Promise<BindingStatusResponse> {
    const me = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    const departmentIds = departmentIdsOf(user);
    const [org, enterprise, departments, join, representation] = await Promise.all([
      me.orgId ? this.orgDirectory.org(me.orgId) : null,
      me.enterpriseId ? this.orgDirectory.enterprise(me.enterpriseId) : null,
      this.orgDirectory.departments(departmentIds).then((found) => [...found.values()].sort((a, b) => a.id - b.id)),
      this.dataSource.getRepository(JoinRequestEntity).findOneBy({ userId: user.id, status: 'PENDING' }),
      this.dataSource.getRepository(RepresentationRequestEntity).findOneBy({ userId: user.id, status: 'PENDING' }),
    ]);
    const phone = me.phoneEnc ? this.cipher.decryptOrNull(me.phoneEnc) : null;
    return {
      org: org ? { id: String(org.id), name: org.name } : null,
      enterprise: enterprise ? { id: String(enterprise.id), name: enterprise.name } : null,
      phone: phone ? maskPhone(phone) : null,
      politicalStatus: me.politicalStatus,
      departments: departments.map((d) => ({ id: String(d.id), name: d.name })),
      pendingJoinRequest: join ? (await this.mapper.joinRequests(user, [join]))[0] : null,
      pendingRepresentation: representation ? (await this.mapper.representations(user, [representation]))[0] : null,
    };
  }

  /**
   * The phone WeChat vouches for: a roster row with it → that person is attached; another signed-in
   * account holds it → PHONE_TAKEN; nobody → the number is kept on the account (not on any roster).
   */
  async bindPhone(user: AuthUser, code: string): Promise<BindingResult> {
    const phone = await this.phones.phoneNumber(code);
    const hash = this.cipher.lookupHash(phone);
    const outcome = await this.tx.run(async (m) => {
      const holders = await m.getRepository(UserEntity).find({ where: { phoneHash: hash, mergedIntoId: IsNull(), id: Not(user.id) }, order: { id: 'ASC' } });
      if (holders.some((u) => u.openid !== null)) throw new AppError('PHONE_TAKEN');
      const rosterRows = holders.filter((u) => u.disabledAt === null);
      if (rosterRows.length > 1) throw new AppError('BINDING_CONFLICT', '花名册中有多条登记了该手机号的人员，请联系书记核对后用绑定码绑定');
      if (rosterRows.length === 1) {
        await this.roster.attach(m, user.id, rosterRows[0].id, { via: 'phone', verifiedPhone: phone });
        return 'ATTACHED' as const;
      }
      const me = await m.getRepository(UserEntity).findOneByOrFail({ id: user.id });
      if (me.phoneHash !== hash) {
        await m.getRepository(UserEntity).update({ id: user.id }, { phoneEnc: this.cipher.encrypt(phone), phoneHash: hash });
        await this.audit.record({ actorId: user.id, action: 'onboarding.phone', entityType: 'user', entityId: user.id, after: { phone: maskPhone(phone) } }, m);
      }
      return 'PHONE_SAVED' as const;
    });
    return this.result(user.id, outcome);
  }

  /** A one-time code: wrong codes are counted per person in the database (all processes), like check-in codes. */
  async redeemCode(user: AuthUser, input: string): Promise<BindingResult> {
    const code = normaliseCode(input);
    const attempts = `binding-code:${user.id}`;
    const window = ONBOARDING_LIMITS.attemptWindowMinutes * 60;
    const counted = this.clock.now();
    await this.rateLimit.consume(attempts, ONBOARDING_LIMITS.bindingCodeAttempts, window, counted, `绑定码错误次数过多，请 ${ONBOARDING_LIMITS.attemptWindowMinutes} 分钟后再试，或请书记重新发放`);
    const now = this.clock.now();
    const row = await this.dataSource.getRepository(BindingCodeEntity).findOneBy({ codeHash: this.hashCode(code), usedAt: IsNull(), expiresAt: MoreThan(now) });
    if (!row) throw new AppError('BINDING_CODE_INVALID');
    await this.rateLimit.release(attempts, window, counted);
    await this.tx.run(async (m) => {
      // Single use even when two people race with the same code: only one UPDATE takes it.
      const taken = await m.getRepository(BindingCodeEntity).update({ id: row.id, usedAt: IsNull() }, { usedAt: now, usedBy: user.id });
      if (!taken.affected) throw new AppError('BINDING_CODE_INVALID');
      await this.roster.attach(m, user.id, row.userId, { via: 'code' });
    });
    return this.result(user.id, 'ATTACHED');
  }

  /** Roster people of an org (and below) who have not bound a WeChat account yet. */
  async candidates(actor: AuthUser, orgId: number): Promise<BindingCandidate[]> {
    await this.policy.require(actor, 'onboarding.approve', orgId);
    const orgIds = (await this.policy.tree()).descendants([orgId]);
    const people = await this.dataSource.getRepository(UserEntity).find({
      where: { orgId: In(orgIds), openid: IsNull(), mergedIntoId: IsNull(), disabledAt: IsNull() },
      order: { id: 'ASC' },
      take: 500,
    });
    if (people.length === 0) return [];
    const [orgs, codes] = await Promise.all([
      this.orgDirectory.orgs(people.map((p) => p.orgId)),
      this.dataSource.getRepository(BindingCodeEntity).find({ where: { userId: In(people.map((p) => p.id)), usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) } }),
    ]);
    return people.map((p) => {
      const phone = p.phoneEnc ? this.cipher.decryptOrNull(p.phoneEnc) : null;
      const open = codes.filter((c) => c.userId === p.id).sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
      return {
        id: String(p.id),
        name: p.name,
        phone: phone ? maskPhone(phone) : null,
        orgId: String(p.orgId),
        orgName: orgs.get(p.orgId!)?.name ?? '',
        codeExpiresAt: open ? toIso(open.expiresAt) : null,
      };
    });
  }

  /** Issues a one-time code for a roster person (any earlier unused code of theirs stops working). */
  async issueCode(actor: AuthUser, rosterId: number): Promise<BindingCodeResponse> {
    const person = await this.dataSource.getRepository(UserEntity).findOneBy({ id: rosterId });
    if (!person || person.orgId === null || !(await this.policy.can(actor, 'onboarding.approve', person.orgId))) throw new AppError('NOT_FOUND');
    if (person.openid !== null || person.mergedIntoId !== null) throw new AppError('ONBOARDING_STATE_INVALID', '此人已绑定微信账号，无需绑定码');
    if (person.disabledAt !== null) throw new AppError('ONBOARDING_STATE_INVALID', '此人账号已停用');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ONBOARDING_LIMITS.bindingCodeHours * HOUR);
    for (let attempt = 0; ; attempt++) {
      const code = randomCode(BINDING_CODE_LENGTH);
      try {
        await this.tx.run(async (m) => {
          const repo = m.getRepository(BindingCodeEntity);
          await repo.update({ userId: rosterId, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
          const saved = await repo.save(repo.create({ userId: rosterId, codeHash: this.hashCode(code), expiresAt, usedAt: null, usedBy: null, issuedBy: actor.id }));
          // The code itself is never written anywhere: the audit keeps who issued which row, for whom, until when.
          await this.audit.record({ actorId: actor.id, action: 'onboarding.binding-code', entityType: 'user', entityId: rosterId, after: { bindingCodeId: saved.id, expiresAt: expiresAt.toISOString() } }, m);
        });
        return { userId: String(rosterId), name: person.name, code, expiresAt: expiresAt.toISOString() };
      } catch (err) {
        // A hash collision with an old code (1 in 244 million per code): draw again.
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  private hashCode(code: string): string {
    return this.cipher.lookupHash(`binding-code:${code}`);
  }

  private async result(userId: number, outcome: BindingResult['outcome']): Promise<BindingResult> {
    const me = await this.users.me(userId);
    const message =
      outcome === 'PHONE_SAVED'
        ? me.orgId
          ? '手机号已绑定'
          : NOT_ON_ROSTER
        : `绑定成功：${me.orgName ?? '已关联花名册'}${me.enterpriseName ? ` · ${me.enterpriseName}` : ''}`;
    return { outcome, message, me };
  }
}
