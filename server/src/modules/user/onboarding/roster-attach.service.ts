import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DataCipher, maskPhone } from '../../../common/crypto/data-cipher';
import { AppError } from '../../../common/errors/app-error';
import { forUpdate } from '../../../database/row-lock';
import { AuditService } from '../../audit/audit.service';
import { OrgEntity } from '../../org/org.entity';
import { RoleGrantEntity } from '../role-grant.entity';
import { UserEntity } from '../user.entity';
import { InstructorEnterpriseEntity } from '../../visit/visit.entity';
import { JoinRequestEntity } from './onboarding.entity';

/**
 * Every column that points at users.id (the foreign keys of all migrations; onboarding.e2e-spec checks this
 * list against the database catalog). `handled` references are expected on a roster row: its grants and
 * instructor links move to the account that takes it over, its binding codes stay with it, and rows with
 * `moves` (a secretary counted the roster person at a meeting) are re-pointed to the account — `uniqueWith`
 * is the column that is unique together with the person's, so a row the account already has wins. Any other
 * reference means the roster row has a history of its own, and attaching is refused rather than guessing
 * whose records they are.
 */
export const USER_REFERENCES: ReadonlyArray<{ table: string; column: string; handled?: true; moves?: { uniqueWith: string } }> = [
  { table: 'role_grants', column: 'userId', handled: true },
  { table: 'instructor_enterprises', column: 'instructorId', handled: true },
  { table: 'binding_codes', column: 'userId', handled: true },
  { table: 'meeting_attendees', column: 'userId', handled: true, moves: { uniqueWith: 'meetingId' } },
  { table: 'admin_accounts', column: 'userId' },
  { table: 'activities', column: 'createdBy' },
  { table: 'registrations', column: 'userId' },
  { table: 'notifications', column: 'userId' },
  { table: 'notification_outbox', column: 'userId' },
  { table: 'study_sessions', column: 'userId' },
  { table: 'study_lesson_progress', column: 'userId' },
  { table: 'study_points_ledger', column: 'userId' },
  { table: 'study_rule_days', column: 'userId' },
  { table: 'study_user_days', column: 'userId' },
  { table: 'study_user_weeks', column: 'userId' },
  { table: 'study_user_totals', column: 'userId' },
  { table: 'study_daily_quizzes', column: 'userId' },
  { table: 'study_paper_attempts', column: 'userId' },
  { table: 'study_flags', column: 'userId' },
  { table: 'images', column: 'ownerId' },
  { table: 'brand_likes', column: 'userId' },
  { table: 'post_reviews', column: 'reviewerId' },
  { table: 'appeals', column: 'userId' },
  { table: 'instructor_enterprises', column: 'assignedBy' },
  { table: 'visits', column: 'instructorId' },
  { table: 'needs', column: 'raisedBy' },
  { table: 'need_assignments', column: 'assignedBy' },
  { table: 'need_events', column: 'actorId' },
  { table: 'binding_codes', column: 'issuedBy' },
  { table: 'binding_codes', column: 'usedBy' },
  { table: 'join_codes', column: 'createdBy' },
  { table: 'join_requests', column: 'userId' },
  { table: 'join_requests', column: 'decidedBy' },
  { table: 'representation_requests', column: 'userId' },
  { table: 'representation_requests', column: 'decidedBy' },
  { table: 'meetings', column: 'createdBy' },
  { table: 'meetings', column: 'archivedBy' },
];

export interface AttachOptions {
  /** The phone WeChat just vouched for (phone binding); it replaces any number the account had. */
  verifiedPhone?: string;
  /** What proved the link, for the audit log. */
  via: 'phone' | 'code';
}

/**
 * Makes the signed-in account the roster person it proved to be: the roster row's organisation,
 * enterprise, political status, name, phone, role grants and instructor links become the account's, and
 * the roster row is retired (mergedIntoId set; phone, org and enterprise cleared) — in the caller's transaction,
 * with both rows locked.
 *
 * When the account already has facts of its own: a different Party organisation, or (binding by code) a
 * different phone, is refused with BINDING_CONFLICT and nothing changes; enterprise and political status
 * are taken from the roster (which the secretary keeps) when it has them, else the account's stay.
 */
@Injectable()
export class RosterAttach {
  constructor(
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly audit: AuditService,
  ) {}

  async attach(m: EntityManager, accountId: number, rosterId: number, options: AttachOptions): Promise<UserEntity> {
    // Lock in id order so two bindings touching the same pair cannot deadlock.
    const rows = await forUpdate(m.getRepository(UserEntity).createQueryBuilder('u').where('u.id IN (:...ids)', { ids: [accountId, rosterId] }).orderBy('u.id', 'ASC')).getMany();
    const account = rows.find((u) => u.id === accountId);
    const roster = rows.find((u) => u.id === rosterId);
    if (!account) throw new AppError('TOKEN_INVALID');
    if (!roster || roster.openid !== null || roster.mergedIntoId !== null || roster.disabledAt !== null) {
      // Another account took the row first (a race both requests passed the read before): for a phone that
      // means the number is now someone else's.
      if (options.via === 'phone') throw new AppError('PHONE_TAKEN');
      throw new AppError('BINDING_CODE_INVALID', '该花名册人员已绑定或已停用，请联系书记');
    }

    if (account.orgId !== null && roster.orgId !== null && account.orgId !== roster.orgId) {
      const orgs = await m.getRepository(OrgEntity).find({ select: { id: true, name: true }, where: { id: In([account.orgId, roster.orgId]) } });
      const name = (id: number) => orgs.find((o) => o.id === id)?.name ?? '其他党组织';
      throw new AppError('BINDING_CONFLICT', `你已加入「${name(account.orgId)}」，花名册中登记的是「${name(roster.orgId)}」，请联系书记核对`);
    }
    if (!options.verifiedPhone && account.phoneHash && roster.phoneHash && account.phoneHash !== roster.phoneHash) {
      const mine = account.phoneEnc ? this.cipher.decryptOrNull(account.phoneEnc) : null;
      throw new AppError('BINDING_CONFLICT', `你的账号已绑定手机号 ${mine ? maskPhone(mine) : ''}，与花名册登记的不一致，请联系书记核对花名册`);
    }
    await this.requireNoHistory(m, rosterId);

    const before = this.view(account);
    account.name = roster.name;
    account.orgId = roster.orgId ?? account.orgId;
    account.enterpriseId = roster.enterpriseId ?? account.enterpriseId;
    account.politicalStatus = roster.politicalStatus ?? account.politicalStatus;
    if (options.verifiedPhone) {
      account.phoneEnc = this.cipher.encrypt(options.verifiedPhone);
      account.phoneHash = this.cipher.lookupHash(options.verifiedPhone);
    } else if (roster.phoneHash) {
      account.phoneEnc = roster.phoneEnc;
      account.phoneHash = roster.phoneHash;
    }
    const movedGrants = await this.moveGrants(m, rosterId, accountId);
    const movedEnterprises = await this.moveInstructorLinks(m, rosterId, accountId);
    for (const ref of USER_REFERENCES) if (ref.moves) await this.moveRows(m, ref.table, ref.column, ref.moves.uniqueWith, rosterId, accountId);

    // The retired row keeps its name for history but leaves every list (org members, rosters, phone look-ups).
    await m.getRepository(UserEntity).update({ id: rosterId }, { mergedIntoId: accountId, phoneEnc: null, phoneHash: null, orgId: null, enterpriseId: null });
    const saved = await m.getRepository(UserEntity).save(account);
    // A join request still waiting is moot once the roster placed the person.
    await m.getRepository(JoinRequestEntity).update(
      { userId: accountId, status: 'PENDING' },
      { status: 'REJECTED', pendingKey: null, reason: '已按花名册完成绑定，无需再审核', decidedAt: new Date() },
    );
    await this.audit.record(
      {
        actorId: accountId,
        action: 'onboarding.attach',
        entityType: 'user',
        entityId: accountId,
        before: { ...before, rosterUserId: rosterId },
        after: { ...this.view(saved), via: options.via, rosterUserId: rosterId, grants: movedGrants, instructorEnterpriseIds: movedEnterprises },
      },
      m,
    );
    return saved;
  }

  /** A roster row that never signed in has nothing of its own but grants, instructor links and binding codes. */
  private async requireNoHistory(m: EntityManager, rosterId: number): Promise<void> {
    const q = (name: string) => m.connection.driver.escape(name);
    for (const ref of USER_REFERENCES) {
      if (ref.handled) continue;
      const rows = (await m.query(`SELECT 1 AS found FROM ${q(ref.table)} WHERE ${q(ref.column)} = ? LIMIT 1`, [rosterId])) as unknown[];
      if (rows.length > 0) throw new AppError('BINDING_CONFLICT', '该花名册人员已有使用记录，不能自动绑定，请联系管理员处理');
    }
  }

  private async moveGrants(m: EntityManager, fromId: number, toId: number): Promise<string[]> {
    const repo = m.getRepository(RoleGrantEntity);
    const [theirs, mine] = await Promise.all([repo.findBy({ userId: fromId }), repo.findBy({ userId: toId })]);
    const moved: string[] = [];
    for (const grant of theirs) {
      if (mine.some((g) => g.role === grant.role && g.scopeKey === grant.scopeKey)) {
        await repo.delete({ id: grant.id });
      } else {
        await repo.update({ id: grant.id }, { userId: toId });
        moved.push(`${grant.role}@${grant.scopeKey}`);
      }
    }
    return moved;
  }

  private async moveInstructorLinks(m: EntityManager, fromId: number, toId: number): Promise<number[]> {
    const repo = m.getRepository(InstructorEnterpriseEntity);
    const [theirs, mine] = await Promise.all([repo.findBy({ instructorId: fromId }), repo.findBy({ instructorId: toId })]);
    const moved: number[] = [];
    for (const link of theirs) {
      if (mine.some((l) => l.enterpriseId === link.enterpriseId)) await repo.delete({ id: link.id });
      else {
        await repo.update({ id: link.id }, { instructorId: toId });
        moved.push(link.enterpriseId);
      }
    }
    return moved;
  }

  /** Re-points a table's rows from the roster row to the account; where the account already has the row, the roster row's copy goes. */
  private async moveRows(m: EntityManager, table: string, column: string, uniqueWith: string, fromId: number, toId: number): Promise<void> {
    const q = (name: string) => m.connection.driver.escape(name);
    const mine = ((await m.query(`SELECT ${q(uniqueWith)} AS k FROM ${q(table)} WHERE ${q(column)} = ?`, [toId])) as Array<{ k: number | string }>).map((r) => Number(r.k));
    if (mine.length > 0) await m.query(`DELETE FROM ${q(table)} WHERE ${q(column)} = ? AND ${q(uniqueWith)} IN (${mine.map(() => '?').join(', ')})`, [fromId, ...mine]);
    await m.query(`UPDATE ${q(table)} SET ${q(column)} = ? WHERE ${q(column)} = ?`, [toId, fromId]);
  }

  /** What the audit log keeps: never the phone number itself. */
  private view(user: UserEntity): Record<string, unknown> {
    const phone = user.phoneEnc ? this.cipher.decryptOrNull(user.phoneEnc) : null;
    return { name: user.name, orgId: user.orgId, enterpriseId: user.enterpriseId, politicalStatus: user.politicalStatus, phone: phone ? maskPhone(phone) : null };
  }
}
