import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoliticalStatus, Role } from '@torch-red/shared';
import { DataSource, In, Like, type EntityManager } from 'typeorm';
import { DataCipher } from '../../common/crypto/data-cipher';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

export interface PersonRef {
  id: number;
  name: string;
}

/** What sign-in needs to know about a person. */
export interface SignInSubject {
  id: number;
  tokenVersion: number;
  disabledAt: Date | null;
}

export interface SamplePerson extends PersonRef {
  openid: string;
  orgId: number | null;
  politicalStatus: PoliticalStatus | null;
  roles: Role[];
}

export interface PersonMembership extends PersonRef {
  orgId: number | null;
  enterpriseId: number | null;
}

/** A person with the sealed phone number (the caller decrypts or masks it with its DataCipher). */
export interface PersonContact extends PersonMembership {
  phoneEnc: string | null;
}

/**
 * The user module's read model for other modules: who people are (names, memberships, WeChat identity) and
 * what roles they hold. Other modules never read the `users` or `role_grants` tables themselves (the boundary
 * test in modules/module-boundaries.spec.ts holds them to it); they ask here, by id and in batches.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
  ) {}

  /**
   * A person's name and full phone number, for a caller that has already decided the reader may call them and
   * audits the reveal (a department handler calling the raiser of a need it handles). Null for an unknown id.
   */
  async contact(userId: number): Promise<{ name: string; phone: string | null } | null> {
    const u = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, name: true, phoneEnc: true }, where: { id: userId } });
    if (!u) return null;
    return { name: u.name, phone: u.phoneEnc ? this.cipher.decryptOrNull(u.phoneEnc) : null };
  }

  /** id → name for the given people (missing ids are simply absent). One query. */
  async names(ids: Iterable<number>, m: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await m.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** People with their organisation and enterprise, by id. One query. */
  async memberships(ids: Iterable<number>): Promise<Map<number, PersonMembership>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, name: true, orgId: true, enterpriseId: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, { id: u.id, name: u.name, orgId: u.orgId, enterpriseId: u.enterpriseId }]));
  }

  /** People with their organisation, enterprise and sealed phone, by id (e.g. an attendee list). One query. */
  async contacts(ids: Iterable<number>): Promise<Map<number, PersonContact>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .find({ select: { id: true, name: true, orgId: true, enterpriseId: true, phoneEnc: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, { id: u.id, name: u.name, orgId: u.orgId, enterpriseId: u.enterpriseId, phoneEnc: u.phoneEnc }]));
  }

  /** The members of one organisation, by id. */
  async membersOf(orgId: number, m: EntityManager = this.dataSource.manager): Promise<PersonRef[]> {
    return m.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { orgId }, order: { id: 'ASC' } });
  }

  /** How many people belong to each organisation (only organisations with members), or to each enterprise. */
  async countBy(column: 'orgId' | 'enterpriseId'): Promise<Array<{ key: number; n: number }>> {
    const rows: Array<{ key: number | string; n: number | string }> = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(`u.${column}`, 'key')
      .addSelect('COUNT(*)', 'n')
      .where(`u.${column} IS NOT NULL`)
      .groupBy(`u.${column}`)
      .getRawMany();
    return rows.map((r) => ({ key: Number(r.key), n: Number(r.n) }));
  }

  /** The WeChat openid a message to this person goes to (null: never signed in with WeChat). */
  async openidOf(userId: number): Promise<string | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, openid: true }, where: { id: userId } });
    return row?.openid ?? null;
  }

  /** The person as sign-in sees them (null: no such person). */
  async signInSubject(userId: number): Promise<SignInSubject | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, tokenVersion: true, disabledAt: true }, where: { id: userId } });
  }

  /** The demo people of the seed (H5 sign-in page in development), with their roles. */
  async samplePeople(): Promise<SamplePerson[]> {
    const people = await this.dataSource.getRepository(UserEntity).find({ where: { isSample: true, openid: Like('demo-%') }, order: { id: 'ASC' } });
    if (people.length === 0) return [];
    const grants = await this.dataSource.getRepository(RoleGrantEntity).findBy({ userId: In(people.map((p) => p.id)) });
    return people.map((p) => ({
      id: p.id,
      name: p.name,
      openid: p.openid!,
      orgId: p.orgId,
      politicalStatus: p.politicalStatus,
      roles: grants.filter((g) => g.userId === p.id).map((g) => g.role),
    }));
  }

  /**
   * Who holds a role: in one of the organisations, in the department, or anywhere (ADMIN, INSTRUCTOR). Read in
   * the caller's transaction when one is given, so a notification goes to the holders the change was made under.
   */
  async holders(role: Role, scope: { orgIds?: number[]; departmentId?: number } = {}, m: EntityManager = this.dataSource.manager): Promise<number[]> {
    if (scope.orgIds && scope.orgIds.length === 0) return [];
    const rows = await m.getRepository(RoleGrantEntity).find({
      select: { userId: true },
      where: { role, ...(scope.orgIds ? { orgId: In(scope.orgIds) } : {}), ...(scope.departmentId !== undefined ? { departmentId: scope.departmentId } : {}) },
      order: { id: 'ASC' },
    });
    return [...new Set(rows.map((g) => g.userId))];
  }

  /** How many of the people belong to one of the organisations. */
  async countMembersAmong(userIds: number[], orgIds: number[]): Promise<number> {
    if (userIds.length === 0 || orgIds.length === 0) return 0;
    return this.dataSource.getRepository(UserEntity).countBy({ id: In([...new Set(userIds)]), orgId: In(orgIds) });
  }

  /** Whether the person holds the role with any scope. */
  async hasRole(userId: number, role: Role): Promise<boolean> {
    return this.dataSource.getRepository(RoleGrantEntity).existsBy({ userId, role });
  }
}
