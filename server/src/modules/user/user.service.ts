import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse, Page, RoleGrantResponse, UserResponse } from '@torch-red/shared';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull, Like, MoreThan } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { DataCipher, maskPhone } from '../../common/crypto/data-cipher';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { CreateUserDto, GrantRoleDto, UpdateMembershipDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { RoleGrantEntity } from './role-grant.entity';
import { toMeResponse, toRoleGrantResponse, toUserResponse } from './user.mapper';
import { UserEntity } from './user.entity';

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The person aggregate: sign-in lookup, admin create/edit, membership, role grants, disabling and sessions.
 * Over ~300 lines on purpose: the invariants that guard a person (one phone per person, role scopes, never
 * removing the last active admin, session generations) must be checked in one place; the roster import and
 * onboarding (binding, join requests) are separate services in user/roster and user/onboarding.
 */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
    private readonly tx: Tx,
    private readonly orgs: OrgDirectory,
  ) {}

  /** Login: the person behind an openid, created on first sight. Safe under concurrent first logins. */
  async findOrCreateByOpenid(openid: string, name: string, unionid?: string): Promise<UserEntity> {
    const repo = this.dataSource.getRepository(UserEntity);
    const existing = await repo.findOneBy({ openid });
    if (existing) return existing;
    try {
      return await this.tx.run((m) => m.getRepository(UserEntity).save(m.getRepository(UserEntity).create({ openid, unionid: unionid ?? null, name, isSample: false })));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await repo.findOneBy({ openid });
      if (!winner) throw err;
      return winner;
    }
  }

  async me(userId: number): Promise<MeResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new AppError('TOKEN_INVALID');
    const [grants, org, enterprise] = await Promise.all([
      this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId }, order: { id: 'ASC' } }),
      user.orgId ? this.orgs.org(user.orgId) : null,
      user.enterpriseId ? this.orgs.enterprise(user.enterpriseId) : null,
    ]);
    const phone = this.readPhone(user);
    return toMeResponse(user, grants, {
      orgName: org?.name,
      enterpriseName: enterprise?.name,
      // People see their own number masked too: the app never needs it in full.
      phone: phone ? maskPhone(phone) : undefined,
    });
  }

  // ── Admin ───────────────────────────────────────────────────────────────────

  async list(viewer: AuthUser, query: UserListQueryDto): Promise<Page<UserResponse>> {
    // A roster row merged into the account that bound it is history, not a person to manage.
    const base: FindOptionsWhere<UserEntity> = {
      mergedIntoId: IsNull(),
      ...(query.orgId ? { orgId: Number(query.orgId) } : {}),
      ...(query.cursor ? { id: MoreThan(Number(query.cursor)) } : {}),
    };
    const q = query.q?.trim();
    const where: FindOptionsWhere<UserEntity>[] = q
      ? [
          { ...base, name: Like(`%${escapeLike(q)}%`) },
          ...(/^1[3-9][0-9]{9}$/.test(q) ? [{ ...base, phoneHash: this.cipher.lookupHash(q) }] : []),
        ]
      : [base];
    const rows = await this.dataSource.getRepository(UserEntity).find({ where, order: { id: 'ASC' }, take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const items = await this.withGrants(viewer, page);
    return { items, nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  async get(viewer: AuthUser, id: number): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new AppError('NOT_FOUND');
    return (await this.withGrants(viewer, [user]))[0];
  }

  /** Members of an org and the orgs below it, for its secretary, its committee and admins. */
  async membersOfOrg(viewer: AuthUser, orgId: number, query: UserListQueryDto): Promise<Page<UserResponse>> {
    await this.policy.require(viewer, 'org.read', orgId);
    const orgIds = (await this.policy.tree()).descendants([orgId]);
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: { orgId: In(orgIds), ...(query.cursor ? { id: MoreThan(Number(query.cursor)) } : {}) },
      order: { id: 'ASC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return { items: await this.withGrants(viewer, page), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const orgId = dto.orgId ? Number(dto.orgId) : null;
      const enterpriseId = dto.enterpriseId ? Number(dto.enterpriseId) : null;
      await this.requireMembershipTargets(orgId, enterpriseId);
      if (dto.openid && (await m.getRepository(UserEntity).findOneBy({ openid: dto.openid }))) {
        throw new AppError('CONFLICT', '该微信身份已绑定其他人员');
      }
      await this.requirePhoneFree(m, dto.phone ?? null, null);
      const user = await m.getRepository(UserEntity).save(
        m.getRepository(UserEntity).create({
          name: dto.name,
          openid: dto.openid ?? null,
          orgId,
          enterpriseId,
          politicalStatus: dto.politicalStatus ?? null,
          isSample: false,
          ...this.sealPhone(dto.phone ?? null),
        }),
      );
      const after = this.auditView(user);
      await this.audit.record({ actorId: actor.id, action: 'user.create', entityType: 'user', entityId: user.id, after }, m);
      return toUserResponse(user, [], this.phoneFor(actor, user));
    });
  }

  async update(actor: AuthUser, id: number, dto: UpdateUserDto): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOneBy({ id });
      if (!user) throw new AppError('NOT_FOUND');
      const before = this.auditView(user);
      if (dto.name !== undefined) user.name = dto.name;
      if (dto.phone !== undefined) {
        await this.requirePhoneFree(m, dto.phone, id);
        Object.assign(user, this.sealPhone(dto.phone));
      }
      const saved = await repo.save(user);
      await this.audit.record({ actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before, after: this.auditView(saved) }, m);
      const grants = await m.getRepository(RoleGrantEntity).findBy({ userId: id });
      return toUserResponse(saved, grants, this.phoneFor(actor, saved));
    });
  }

  async updateMembership(actor: AuthUser, id: number, dto: UpdateMembershipDto): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOneBy({ id });
      if (!user) throw new AppError('NOT_FOUND');
      const before = this.auditView(user);
      if (dto.orgId !== undefined) user.orgId = dto.orgId === null ? null : Number(dto.orgId);
      if (dto.enterpriseId !== undefined) user.enterpriseId = dto.enterpriseId === null ? null : Number(dto.enterpriseId);
      if (dto.politicalStatus !== undefined) user.politicalStatus = dto.politicalStatus;
      await this.requireMembershipTargets(dto.orgId ? user.orgId : null, dto.enterpriseId ? user.enterpriseId : null);
      const saved = await repo.save(user);
      await this.audit.record(
        { actorId: actor.id, action: 'user.membership', entityType: 'user', entityId: id, before, after: this.auditView(saved) },
        m,
      );
      const grants = await m.getRepository(RoleGrantEntity).findBy({ userId: id });
      return toUserResponse(saved, grants, this.phoneFor(actor, saved));
    });
  }

  async grantRole(actor: AuthUser, userId: number, dto: GrantRoleDto): Promise<{ grant: RoleGrantResponse; created: boolean }> {
    return this.tx.run(async (m) => {
      const user = await m.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw new AppError('NOT_FOUND');
      const orgId = dto.orgId ? Number(dto.orgId) : null;
      const departmentId = dto.departmentId ? Number(dto.departmentId) : null;
      const scopeKey = await this.scopeKeyFor(dto.role, orgId, departmentId);
      const repo = m.getRepository(RoleGrantEntity);
      const existing = await repo.findOneBy({ userId, role: dto.role, scopeKey });
      if (existing) return { grant: toRoleGrantResponse(existing), created: false };
      const saved = await repo.save(repo.create({ userId, role: dto.role, orgId, departmentId, scopeKey, grantedBy: actor.id }));
      const grant = toRoleGrantResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'role.grant', entityType: 'user', entityId: userId, after: grant }, m);
      return { grant, created: true };
    });
  }

  async revokeRole(actor: AuthUser, userId: number, grantId: number): Promise<void> {
    await this.tx.run(async (m) => {
      const repo = m.getRepository(RoleGrantEntity);
      const grant = await repo.findOneBy({ id: grantId, userId });
      if (!grant) throw new AppError('NOT_FOUND');
      if (grant.role === 'ADMIN' && (await this.activeAdminIds(m)).filter((id) => id !== userId).length === 0) {
        throw new AppError('CONFLICT', '不能撤销最后一位管理员的权限');
      }
      await repo.delete({ id: grantId });
      await this.audit.record(
        { actorId: actor.id, action: 'role.revoke', entityType: 'user', entityId: userId, before: toRoleGrantResponse(grant) },
        m,
      );
    });
  }

  // ── Sessions and disabling ─────────────────────────────────────────────────

  /**
   * Disables or re-enables a person. Disabling ends their sessions at once (every process checks the
   * session generation on each request) and blocks every way of signing in until re-enabled.
   */
  async setDisabled(actor: AuthUser, id: number, disabled: boolean): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOneBy({ id });
      if (!user) throw new AppError('NOT_FOUND');
      if (disabled && id === actor.id) throw new AppError('CONFLICT', '不能停用自己的账号');
      if (disabled && user.disabledAt === null) {
        const admins = await this.activeAdminIds(m);
        if (admins.includes(id) && admins.length <= 1) throw new AppError('CONFLICT', '不能停用最后一位管理员');
        await repo.update({ id }, { disabledAt: new Date() });
        await this.endSessions(m, id);
      } else if (!disabled && user.disabledAt !== null) {
        await repo.update({ id }, { disabledAt: null });
      }
      const wasDisabled = user.disabledAt !== null;
      if (wasDisabled !== disabled) {
        await this.audit.record({ actorId: actor.id, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, before: { disabled: wasDisabled }, after: { disabled } }, m);
      }
      const saved = (await repo.findOneBy({ id }))!;
      const grants = await m.getRepository(RoleGrantEntity).findBy({ userId: id });
      return toUserResponse(saved, grants, this.phoneFor(actor, saved));
    });
  }

  /** Ends every session of a person (all their tokens stop working on the next request). */
  async revokeSessions(actor: AuthUser, id: number): Promise<void> {
    await this.tx.run(async (m) => {
      if (!(await m.getRepository(UserEntity).existsBy({ id }))) throw new AppError('NOT_FOUND');
      await this.endSessions(m, id);
      await this.audit.record({ actorId: actor.id, action: 'user.sessions-revoke', entityType: 'user', entityId: id }, m);
    });
  }

  /** Moves the person's session generation on; returns the new one (for a token issued right after). */
  /** The person behind the first admin account (created at start-up when there is none), holding ADMIN. */
  async createFirstAdmin(m: EntityManager): Promise<number> {
    const user = await m.getRepository(UserEntity).save(m.getRepository(UserEntity).create({ name: '系统管理员', isSample: false }));
    await m.getRepository(RoleGrantEntity).insert({ userId: user.id, role: 'ADMIN', scopeKey: '-', orgId: null, departmentId: null, grantedBy: null });
    return user.id;
  }

  async endSessions(m: EntityManager, id: number): Promise<number> {
    await m.getRepository(UserEntity).increment({ id }, 'tokenVersion', 1);
    return (await m.getRepository(UserEntity).findOneByOrFail({ id })).tokenVersion;
  }

  /**
   * Admins who can still act: holding ADMIN and not disabled. On MySQL the ADMIN grants are locked, so two
   * admins disabling (or demoting) each other at once cannot leave nobody in charge.
   */
  async activeAdminIds(m: EntityManager): Promise<number[]> {
    const grants = await forUpdate(m.getRepository(RoleGrantEntity).createQueryBuilder('g').where('g.role = :role', { role: 'ADMIN' })).getMany();
    if (grants.length === 0) return [];
    const active = await m.getRepository(UserEntity).find({ select: { id: true }, where: { id: In(grants.map((g) => g.userId)), disabledAt: IsNull() } });
    return active.map((u) => u.id);
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async scopeKeyFor(role: GrantRoleDto['role'], orgId: number | null, departmentId: number | null): Promise<string> {
    switch (role) {
      case 'SECRETARY':
      case 'COMMITTEE': {
        if (orgId === null || departmentId !== null) throw new AppError('ROLE_SCOPE_INVALID', `${role} 需要且只需要 orgId`);
        const org = await this.orgs.org(orgId);
        if (!org) throw new AppError('ROLE_SCOPE_INVALID', '组织不存在');
        // A closed org is never the scope of a new grant (closing it required its grants to be revoked first).
        await this.orgs.requireOpen(orgId);
        const ok = role === 'COMMITTEE' ? org.type === 'INDUSTRY_COMMITTEE' : org.type !== 'WORKING_COMMITTEE' && org.type !== 'INDUSTRY_COMMITTEE';
        if (!ok) {
          throw new AppError('ROLE_SCOPE_INVALID', role === 'COMMITTEE' ? 'COMMITTEE 只能授予产业党委' : 'SECRETARY 只能授予党委、党总支或党支部');
        }
        return `org:${orgId}`;
      }
      case 'DEPARTMENT': {
        if (departmentId === null || orgId !== null) throw new AppError('ROLE_SCOPE_INVALID', 'DEPARTMENT 需要且只需要 departmentId');
        if (!(await this.orgs.department(departmentId))) {
          throw new AppError('ROLE_SCOPE_INVALID', '职能部门不存在');
        }
        return `dept:${departmentId}`;
      }
      case 'MEMBER':
      case 'INSTRUCTOR':
      case 'ADMIN':
        if (orgId !== null || departmentId !== null) throw new AppError('ROLE_SCOPE_INVALID', `${role} 不带组织或部门范围`);
        return '-';
      default: {
        const unhandled: never = role;
        throw new AppError('ROLE_SCOPE_INVALID', String(unhandled));
      }
    }
  }

  private async requireMembershipTargets(orgId: number | null, enterpriseId: number | null): Promise<void> {
    if (orgId !== null && !(await this.orgs.org(orgId))) {
      throw new AppError('VALIDATION_FAILED', '所属组织不存在', [{ field: 'orgId', message: '所属组织不存在' }]);
    }
    if (orgId !== null) await this.orgs.requireOpen(orgId);
    if (enterpriseId !== null && !(await this.orgs.enterprise(enterpriseId))) {
      throw new AppError('VALIDATION_FAILED', '所属企业不存在', [{ field: 'enterpriseId', message: '所属企业不存在' }]);
    }
  }

  /** One person per phone number (the roster matches people by it): PHONE_TAKEN, not a bare unique-key 409. */
  async requirePhoneFree(m: EntityManager, phone: string | null, ownerId: number | null): Promise<void> {
    if (!phone) return;
    const holder = await m.getRepository(UserEntity).findOne({ select: { id: true }, where: { phoneHash: this.cipher.lookupHash(phone) } });
    if (holder && holder.id !== ownerId) throw new AppError('PHONE_TAKEN', '该手机号已属于其他人员');
  }

  private async withGrants(viewer: AuthUser, users: UserEntity[]): Promise<UserResponse[]> {
    if (users.length === 0) return [];
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId: In(users.map((u) => u.id)) }, order: { id: 'ASC' } });
    return users.map((u) => toUserResponse(u, grants.filter((g) => g.userId === u.id), this.phoneFor(viewer, u)));
  }

  sealPhone(phone: string | null): Pick<UserEntity, 'phoneEnc' | 'phoneHash'> {
    if (!phone) return { phoneEnc: null, phoneHash: null };
    return { phoneEnc: this.cipher.encrypt(phone), phoneHash: this.cipher.lookupHash(phone) };
  }

  private readPhone(user: UserEntity): string | null {
    return user.phoneEnc ? this.cipher.decryptOrNull(user.phoneEnc) : null;
  }

  /** Admins see the full number; everyone else the masked one. */
  phoneFor(viewer: AuthUser, user: UserEntity): string | null {
    const phone = this.readPhone(user);
    if (!phone) return null;
    return viewer.isAdmin ? phone : maskPhone(phone);
  }

  /** What the audit log keeps of a person: never the phone number itself. */
  private auditView(user: UserEntity): Record<string, unknown> {
    const phone = this.readPhone(user);
    return {
      name: user.name,
      phone: phone ? maskPhone(phone) : null,
      orgId: user.orgId,
      enterpriseId: user.enterpriseId,
      politicalStatus: user.politicalStatus,
    };
  }
}
