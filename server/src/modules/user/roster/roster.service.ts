import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PARTY_POST_LABELS,
  POLITICAL_STATUS_LABELS,
  ROSTER_COLUMNS,
  type MarkLeftResponse,
  type Page,
  type RosterPerson,
} from '@torch-red/shared';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { DataCipher, maskPhone } from '../../../common/crypto/data-cipher';
import { AppError } from '../../../common/errors/app-error';
import { buildSpreadsheet } from '../../../common/xlsx/spreadsheet';
import { forUpdate } from '../../../database/row-lock';
import { toIso } from '../../../database/sql-time';
import { Tx } from '../../../database/tx.service';
import { AccessPolicy } from '../../access/access-policy.service';
import { AuditService } from '../../audit/audit.service';
import { OrgDirectory } from '../../org/org-directory.service';
import { RoleGrantEntity } from '../role-grant.entity';
import { UserEntity } from '../user.entity';
import { UserService } from '../user.service';
import type { MarkLeftDto, RosterListQueryDto, UpdateRosterPersonDto } from './dto/roster.dto';
import { syncPostGrants } from './post-grants';
import { MOBILE } from './roster-rows';
import { toRosterPerson } from './roster.mapper';

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Most people one export writes (a zone's whole roster fits many times over). */
const EXPORT_MAX_ROWS = 50000;

/**
 * The roster in the workspace: an org's people (and those of the orgs below it), one person's edit, the
 * export, and marking someone as left. Who may do what is decided by AccessPolicy (roster.manage,
 * roster.leave); a person outside the caller's orgs is NOT_FOUND.
 */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
    private readonly users: UserService,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
  ) {}

  async list(viewer: AuthUser, orgId: number, query: RosterListQueryDto): Promise<Page<RosterPerson>> {
    const qb = await this.filtered(viewer, orgId, query);
    if (query.cursor) qb.andWhere('u.id > :cursor', { cursor: Number(query.cursor) });
    const rows = await qb.orderBy('u.id', 'ASC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    return { items: await this.present(viewer, page), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  async person(viewer: AuthUser, id: number): Promise<RosterPerson> {
    const user = await this.managed(viewer, this.dataSource.manager, id);
    return (await this.present(viewer, [user]))[0];
  }

  /** The same columns as the import template, so an edited export can be imported again. Audited. */
  async export(viewer: AuthUser, orgId: number, query: RosterListQueryDto): Promise<{ filename: string; buffer: Buffer }> {
    const qb = await this.filtered(viewer, orgId, query);
    const people = await qb.orderBy('u.id', 'ASC').take(EXPORT_MAX_ROWS).getMany();
    const [orgs, enterprises] = await this.names(people);
    const root = orgs.get(orgId) ?? '花名册';
    const buffer = await buildSpreadsheet({
      name: '花名册',
      freezeHeader: true,
      columns: ROSTER_COLUMNS.map((header) => ({ header, key: header, width: header === '所在党组织' || header === '所在企业' ? 28 : 14 })),
      rows: people.map((u) => ({
        姓名: u.name,
        // The people who may import a roster get the numbers back in full, or the file could not be re-imported.
        手机号: (u.phoneEnc && this.cipher.decryptOrNull(u.phoneEnc)) || '',
        所在党组织: u.orgId === null ? '' : (orgs.get(u.orgId) ?? ''),
        政治面貌: u.politicalStatus ? POLITICAL_STATUS_LABELS[u.politicalStatus] : '',
        所在企业: u.enterpriseId === null ? '' : (enterprises.get(u.enterpriseId) ?? ''),
        党内职务: u.partyPost ? PARTY_POST_LABELS[u.partyPost] : '',
        入党日期: u.partyJoinedAt ?? '',
      })),
    });
    await this.audit.record({ actorId: viewer.id, action: 'roster.export', entityType: 'org', entityId: orgId, after: { rows: people.length, filters: { search: Boolean(query.q), politicalStatus: query.politicalStatus ?? null, bound: query.bound ?? null, role: query.role ?? null } } });
    return { filename: `${root}-花名册.xlsx`, buffer };
  }

  async update(actor: AuthUser, id: number, dto: UpdateRosterPersonDto): Promise<RosterPerson> {
    const saved = await this.tx.run(async (m) => {
      const user = await this.managed(actor, m, id, true);
      const orgId = Number(dto.orgId);
      const enterpriseId = dto.enterpriseId == null ? null : Number(dto.enterpriseId);
      const org = await this.orgs.org(orgId);
      if (!org || !(await this.policy.can(actor, 'roster.manage', orgId))) {
        throw new AppError('VALIDATION_FAILED', '所在党组织不存在或不在您管理的范围内', [{ field: 'orgId', message: '所在党组织不存在或不在您管理的范围内' }]);
      }
      if (user.orgId !== orgId) await this.orgs.requireOpen(orgId, m);
      if (enterpriseId !== null && !(await this.orgs.enterprise(enterpriseId))) {
        throw new AppError('VALIDATION_FAILED', '所在企业不存在', [{ field: 'enterpriseId', message: '所在企业不存在' }]);
      }
      if (dto.partyPost && dto.politicalStatus !== 'FULL_MEMBER' && dto.politicalStatus !== 'PROBATIONARY_MEMBER') {
        throw new AppError('VALIDATION_FAILED', '入党积极分子和群众不能担任党内职务', [{ field: 'partyPost', message: '入党积极分子和群众不能担任党内职务' }]);
      }
      if (dto.phone !== undefined) await this.users.requirePhoneFree(m, dto.phone, id);
      const before = this.auditView(user);
      const beforePlace = { post: user.partyPost, orgId: user.orgId, orgType: user.orgId === null ? null : ((await this.orgs.org(user.orgId))?.type ?? null) };
      Object.assign(user, {
        name: dto.name,
        ...(dto.phone !== undefined ? this.users.sealPhone(dto.phone) : {}),
        orgId,
        enterpriseId,
        politicalStatus: dto.politicalStatus,
        partyPost: dto.partyPost ?? null,
        partyJoinedAt: dto.partyJoinedAt ?? null,
      });
      const saved = await m.getRepository(UserEntity).save(user);
      const delta = await syncPostGrants(m, [{ userId: id, before: beforePlace, after: { post: saved.partyPost, orgId, orgType: org.type } }], actor.id);
      await this.audit.record({ actorId: actor.id, action: 'roster.person.update', entityType: 'user', entityId: id, before, after: { ...this.auditView(saved), granted: delta.granted, revoked: delta.revoked } }, m);
      return saved;
    });
    return (await this.present(actor, [saved]))[0];
  }

  /**
   * 离开 / 转出: the membership ends, every role grant goes, and the session generation moves on so every
   * token the person holds is refused on its next request, in every process. Their registrations, points
   * and needs keep pointing at the same person, so history still shows their name.
   */
  async markLeft(actor: AuthUser, id: number, dto: MarkLeftDto): Promise<MarkLeftResponse> {
    return this.tx.run(async (m) => {
      const user = await forUpdate(m.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id })).getOne();
      if (!user || user.orgId === null || !(await this.policy.can(actor, 'roster.leave', user.orgId))) throw new AppError('NOT_FOUND');
      if (user.id === actor.id) throw new AppError('CONFLICT', '不能将自己标记为离开，请联系上级党组织或管理员');
      const grants = await m.getRepository(RoleGrantEntity).findBy({ userId: id });
      if (grants.some((g) => g.role === 'ADMIN')) {
        const admins = await this.users.activeAdminIds(m);
        if (admins.filter((a) => a !== id).length === 0) throw new AppError('CONFLICT', '不能移除最后一位管理员');
      }
      const leftAt = this.clock.now();
      const leftOrgId = user.orgId;
      await m.getRepository(UserEntity).update({ id }, { orgId: null, partyPost: null, leftAt, leftOrgId });
      if (grants.length) await m.getRepository(RoleGrantEntity).delete({ id: In(grants.map((g) => g.id)) });
      await this.users.endSessions(m, id);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'roster.person.leave',
          entityType: 'user',
          entityId: id,
          before: { ...this.auditView(user), roles: grants.map((g) => ({ role: g.role, orgId: g.orgId, departmentId: g.departmentId })) },
          after: { orgId: null, leftOrgId, leftAt: toIso(leftAt), reason: dto.reason ?? null },
        },
        m,
      );
      return { id: String(id), name: user.name, leftAt: toIso(leftAt), leftOrgId: String(leftOrgId), rolesRevoked: grants.length };
    });
  }

  /**
   * The roster person a phone number belongs to, for attaching a signed-in account to them (binding): found by
   * the lookup hash, never by decrypting. Null when nobody has that number.
   */
  findByPhone(phone: string, m: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOneBy({ phoneHash: this.cipher.lookupHash(phone) });
  }

  /** The roster query for an org and the orgs below it, with the list's filters (admins pass roster.manage everywhere). */
  private async filtered(viewer: AuthUser, orgId: number, query: RosterListQueryDto): Promise<SelectQueryBuilder<UserEntity>> {
    await this.policy.require(viewer, 'roster.manage', orgId);
    const orgIds = (await this.policy.tree()).descendants([orgId]);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('u.orgId IN (:...orgIds)', { orgIds });
    const q = query.q?.trim();
    if (q) {
      const phone = q.replace(/[\s-]/g, '');
      if (MOBILE.test(phone)) qb.andWhere('u.phoneHash = :hash', { hash: this.cipher.lookupHash(phone) });
      // MySQL escapes LIKE patterns with a backslash by default; SQLite only when told.
      else qb.andWhere(`u.name LIKE :name${this.tx.isMysql ? '' : " ESCAPE '\\'"}`, { name: `%${escapeLike(q)}%` });
    }
    if (query.politicalStatus) qb.andWhere('u.politicalStatus = :status', { status: query.politicalStatus });
    if (query.bound === 'true') qb.andWhere('u.openid IS NOT NULL');
    if (query.bound === 'false') qb.andWhere('u.openid IS NULL');
    if (query.role) {
      qb.andWhere(`EXISTS (SELECT 1 FROM role_grants g WHERE g.userId = u.id AND g.role = :role)`, { role: query.role });
    }
    return qb;
  }

  /** A person on a roster the caller manages (admins: anyone), else NOT_FOUND. */
  private async managed(viewer: AuthUser, m: EntityManager, id: number, lock = false): Promise<UserEntity> {
    const qb = m.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id });
    const user = await (lock ? forUpdate(qb) : qb).getOne();
    if (!user) throw new AppError('NOT_FOUND');
    if (viewer.isAdmin) return user;
    if (user.orgId === null || !(await this.policy.can(viewer, 'roster.manage', user.orgId))) throw new AppError('NOT_FOUND');
    return user;
  }

  private async present(viewer: AuthUser, people: UserEntity[]): Promise<RosterPerson[]> {
    if (people.length === 0) return [];
    const ids = people.map((u) => u.id);
    const [grants, [orgs, enterprises], leavable] = await Promise.all([
      this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId: In(ids) }, order: { id: 'ASC' } }),
      this.names(people),
      this.policy.allowed(viewer, 'roster.leave', people.map((u) => u.orgId).filter((o): o is number => o !== null)),
    ]);
    return people.map((u) =>
      toRosterPerson(u, {
        grants: grants.filter((g) => g.userId === u.id),
        phone: this.users.phoneFor(viewer, u),
        orgName: u.orgId === null ? null : (orgs.get(u.orgId) ?? null),
        enterpriseName: u.enterpriseId === null ? null : (enterprises.get(u.enterpriseId) ?? null),
        canMarkLeft: u.orgId !== null && u.id !== viewer.id && leavable.has(u.orgId),
      }),
    );
  }

  private async names(people: UserEntity[]): Promise<[Map<number, string>, Map<number, string>]> {
    const [orgs, enterprises] = await Promise.all([this.orgs.orgs(people.map((u) => u.orgId)), this.orgs.enterprises(people.map((u) => u.enterpriseId))]);
    return [new Map([...orgs.values()].map((o) => [o.id, o.name])), new Map([...enterprises.values()].map((e) => [e.id, e.name]))];
  }

  private auditView(user: UserEntity): Record<string, unknown> {
    const phone = user.phoneEnc ? this.cipher.decryptOrNull(user.phoneEnc) : null;
    return {
      name: user.name,
      phone: phone ? maskPhone(phone) : null,
      orgId: user.orgId,
      enterpriseId: user.enterpriseId,
      politicalStatus: user.politicalStatus,
      partyPost: user.partyPost,
      partyJoinedAt: user.partyJoinedAt,
    };
  }
}
