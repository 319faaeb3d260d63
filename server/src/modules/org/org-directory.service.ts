import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgType } from '@torch-red/shared';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ChainEntity } from './chain.entity';
import { DepartmentEntity } from './department.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { OrgEntity } from './org.entity';

export interface NamedRef {
  id: number;
  name: string;
}

export interface OrgRef extends NamedRef {
  type: OrgType;
}

export interface EnterpriseRef extends NamedRef {
  chainId: number | null;
}

export interface ChainRef extends NamedRef {
  committeeOrgId: number;
  sortOrder: number;
}

/** Where an organisation stands: itself, the enterprise it is inside (if any) and that enterprise's chain (if any). */
export interface OrgPlace {
  org: OrgRef;
  enterprise?: EnterpriseRef;
  chain?: NamedRef;
}

async function byIds<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>, ids: Iterable<number | null | undefined>): Promise<Map<number, T>> {
  const unique = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (unique.length === 0) return new Map();
  return new Map((await load(unique)).map((row) => [row.id, row]));
}

/**
 * The org module's read model for other modules: names of organisations, enterprises, departments and chains,
 * in batches. The tree itself (parents, chains of an org, orgs of a chain) is OrgHierarchy's.
 */
@Injectable()
export class OrgDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The batched reads take the caller's EntityManager when they must see (or be part of) its transaction.
   */
  orgs(ids: Iterable<number | null | undefined>, m: EntityManager = this.dataSource.manager): Promise<Map<number, OrgRef>> {
    return byIds((id) => m.getRepository(OrgEntity).find({ select: { id: true, name: true, type: true }, where: { id: In(id) } }), ids);
  }

  enterprises(ids: Iterable<number | null | undefined>, m: EntityManager = this.dataSource.manager): Promise<Map<number, EnterpriseRef>> {
    return byIds((id) => m.getRepository(EnterpriseEntity).find({ select: { id: true, name: true, chainId: true }, where: { id: In(id) } }), ids);
  }

  departments(ids: Iterable<number | null | undefined>, m: EntityManager = this.dataSource.manager): Promise<Map<number, NamedRef>> {
    return byIds((id) => m.getRepository(DepartmentEntity).find({ select: { id: true, name: true }, where: { id: In(id) } }), ids);
  }

  async org(id: number, m?: EntityManager): Promise<OrgRef | null> {
    return (await this.orgs([id], m)).get(id) ?? null;
  }

  /** An organisation a foreign key points at (throws EntityNotFoundError, like `findOneByOrFail`, if it vanished). */
  async requireOrg(id: number, m: EntityManager = this.dataSource.manager): Promise<OrgRef> {
    return m.getRepository(OrgEntity).findOneOrFail({ select: { id: true, name: true, type: true }, where: { id } });
  }

  /** An enterprise a foreign key points at (throws EntityNotFoundError if it vanished). */
  async requireEnterprise(id: number, m: EntityManager = this.dataSource.manager): Promise<EnterpriseRef> {
    return m.getRepository(EnterpriseEntity).findOneOrFail({ select: { id: true, name: true, chainId: true }, where: { id } });
  }

  /** Organisations with their enterprise and its chain, by org id (missing orgs are absent). Three queries at most. */
  async places(orgIds: Iterable<number>): Promise<Map<number, OrgPlace>> {
    const orgs = await byIds((id) => this.dataSource.getRepository(OrgEntity).find({ select: { id: true, name: true, type: true, enterpriseId: true }, where: { id: In(id) } }), orgIds);
    const enterprises = await this.enterprises([...orgs.values()].map((o) => o.enterpriseId));
    const chains = await this.chainsById([...enterprises.values()].map((e) => e.chainId));
    return new Map(
      [...orgs.values()].map((o) => {
        const enterprise = o.enterpriseId !== null ? enterprises.get(o.enterpriseId) : undefined;
        const chain = enterprise && enterprise.chainId !== null ? chains.get(enterprise.chainId) : undefined;
        return [o.id, { org: { id: o.id, name: o.name, type: o.type }, enterprise, chain: chain && { id: chain.id, name: chain.name } }];
      }),
    );
  }

  /** The first organisation of a type (lowest id), e.g. the one working committee. */
  async firstOfType(type: OrgType): Promise<OrgRef | null> {
    return this.dataSource.getRepository(OrgEntity).findOne({ select: { id: true, name: true, type: true }, where: { type }, order: { id: 'ASC' } });
  }

  /** Every open organisation (ids, names and types), e.g. to resolve the names in an imported roster. */
  async allOrgs(): Promise<OrgRef[]> {
    return this.dataSource.getRepository(OrgEntity).find({ select: { id: true, name: true, type: true }, where: { closedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /**
   * Refuses (ORG_CLOSED) an organisation an admin has closed, for anything that would give it new members, grants,
   * activities or meetings. An unknown id passes: the caller answers that its own way.
   */
  async requireOpen(id: number, m: EntityManager = this.dataSource.manager): Promise<void> {
    const org = await m.getRepository(OrgEntity).findOne({ select: { id: true, name: true, closedAt: true }, where: { id } });
    if (org?.closedAt) throw new AppError('ORG_CLOSED', `“${org.name}”已关闭，不能再使用`);
  }

  async enterprise(id: number, m?: EntityManager): Promise<EnterpriseRef | null> {
    return (await this.enterprises([id], m)).get(id) ?? null;
  }

  async department(id: number, m?: EntityManager): Promise<NamedRef | null> {
    return (await this.departments([id], m)).get(id) ?? null;
  }

  /** One chain (null: no such chain), read in the caller's transaction when one is given. */
  async chain(id: number, m: EntityManager = this.dataSource.manager): Promise<ChainRef | null> {
    const c = await m.getRepository(ChainEntity).findOneBy({ id });
    return c ? { id: c.id, name: c.name, committeeOrgId: c.committeeOrgId, sortOrder: c.sortOrder } : null;
  }

  /** Chains by id. One query. */
  chainsById(ids: Iterable<number | null | undefined>): Promise<Map<number, ChainRef>> {
    return byIds(async (id) => (await this.dataSource.getRepository(ChainEntity).findBy({ id: In(id) })).map((c) => ({ id: c.id, name: c.name, committeeOrgId: c.committeeOrgId, sortOrder: c.sortOrder })), ids);
  }

  /** Every chain in display order. */
  async chains(): Promise<ChainRef[]> {
    const rows = await this.dataSource.getRepository(ChainEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({ id: c.id, name: c.name, committeeOrgId: c.committeeOrgId, sortOrder: c.sortOrder }));
  }

  /** Every enterprise with its chain (ids and names only). */
  async allEnterprises(): Promise<EnterpriseRef[]> {
    return this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true, name: true, chainId: true }, order: { id: 'ASC' } });
  }

  /** The ids of every enterprise. */
  async enterpriseIds(): Promise<number[]> {
    return (await this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true }, order: { id: 'ASC' } })).map((e) => e.id);
  }

  /** Whether every id names an enterprise. */
  async enterprisesExist(ids: number[]): Promise<boolean> {
    const unique = [...new Set(ids)];
    return (await this.dataSource.getRepository(EnterpriseEntity).countBy({ id: In(unique) })) === unique.length;
  }
}
