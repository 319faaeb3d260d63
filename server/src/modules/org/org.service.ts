import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENTERPRISE_ORG_TYPES,
  type ChainResponse,
  type DepartmentResponse,
  type EnterpriseResponse,
  type OrgResponse,
  type OrgTreeNode,
  type OrgType,
  type Page,
} from '@torch-red/shared';
import { Tx } from '../../database/tx.service';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull, Like, MoreThan, Not } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { BrandDirectory } from '../brand/brand-directory.service';
import { ChainEntity } from './chain.entity';
import { DepartmentEntity } from './department.entity';
import type {
  CreateChainDto,
  CreateDepartmentDto,
  CreateEnterpriseDto,
  CreateOrgDto,
  EnterpriseListQueryDto,
  OrgListQueryDto,
  UpdateChainDto,
  UpdateDepartmentDto,
  UpdateEnterpriseDto,
  UpdateOrgDto,
} from './dto/org.dto';
import { EnterpriseEntity } from './enterprise.entity';
import { toChainResponse, toDepartmentResponse, toEnterpriseResponse, toOrgResponse } from './org.mapper';
import { OrgHierarchy } from './org-hierarchy.service';
import { OrgEntity } from './org.entity';

/** Depth of each org type in "1+1+X+N": a parent must sit strictly higher than its child. */
const RANK: Record<OrgType, number> = {
  WORKING_COMMITTEE: 0,
  INDUSTRY_COMMITTEE: 1,
  PARTY_COMMITTEE: 2,
  GENERAL_BRANCH: 3,
  BRANCH: 4,
};

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const toId = (value: string | null | undefined): number | null | undefined =>
  value === undefined ? undefined : value === null ? null : Number(value);

@Injectable()
export class OrgService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tx: Tx,
    private readonly hierarchy: OrgHierarchy,
    private readonly brands: BrandDirectory,
  ) {}

  // ── Public reads ────────────────────────────────────────────────────────────

  async tree(): Promise<OrgTreeNode[]> {
    const orgs = await this.dataSource.getRepository(OrgEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const nodes = new Map<number, OrgTreeNode>();
    for (const org of orgs) {
      nodes.set(org.id, { id: String(org.id), name: org.name, type: org.type, enterpriseId: org.enterpriseId === null ? null : String(org.enterpriseId), children: [] });
    }
    const roots: OrgTreeNode[] = [];
    for (const org of orgs) {
      const node = nodes.get(org.id)!;
      const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async chains(): Promise<ChainResponse[]> {
    const [chains, enterprises] = await Promise.all([
      this.dataSource.getRepository(ChainEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(EnterpriseEntity).find({ where: { chainId: Not(IsNull()) } }),
    ]);
    // Link each enterprise to its published brand (demonstration points first) for the chain map.
    const brands = await this.brands.published();
    const orgs = brands.length ? await this.dataSource.getRepository(OrgEntity).find({ select: { id: true, enterpriseId: true }, where: { id: In(brands.map((b) => b.orgId)) } }) : [];
    const enterpriseOf = new Map(orgs.map((o) => [o.id, o.enterpriseId]));
    const brandOf = new Map<number, string>();
    for (const b of brands) {
      const enterpriseId = enterpriseOf.get(b.orgId);
      if (enterpriseId != null && !brandOf.has(enterpriseId)) brandOf.set(enterpriseId, String(b.brandId));
    }
    return chains.map((chain) => toChainResponse(chain, enterprises, brandOf));
  }

  async departments(): Promise<DepartmentResponse[]> {
    const rows = await this.dataSource.getRepository(DepartmentEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(toDepartmentResponse);
  }

  // ── Orgs ────────────────────────────────────────────────────────────────────

  async listOrgs(query: OrgListQueryDto): Promise<Page<OrgResponse>> {
    const where: FindOptionsWhere<OrgEntity> = {
      ...(query.type ? { type: query.type } : {}),
      ...(query.parentId ? { parentId: Number(query.parentId) } : {}),
      ...(query.enterpriseId ? { enterpriseId: Number(query.enterpriseId) } : {}),
      ...(query.q ? { name: Like(`%${escapeLike(query.q)}%`) } : {}),
      ...(query.cursor ? { id: MoreThan(Number(query.cursor)) } : {}),
    };
    const rows = await this.dataSource.getRepository(OrgEntity).find({ where, order: { id: 'ASC' }, take: query.limit + 1 });
    return this.page(rows, query.limit, toOrgResponse);
  }

  async getOrg(id: number): Promise<OrgResponse> {
    return toOrgResponse(await this.findOrg(this.dataSource.manager, id));
  }

  async createOrg(actor: AuthUser, dto: CreateOrgDto): Promise<OrgResponse> {
    return this.tx.run(async (m) => {
      const candidate = m.getRepository(OrgEntity).create({
        name: dto.name,
        type: dto.type,
        parentId: toId(dto.parentId) ?? null,
        enterpriseId: toId(dto.enterpriseId) ?? null,
        sortOrder: 0,
        isSample: false,
      });
      await this.validateOrgPlacement(m, candidate, null);
      const saved = await m.getRepository(OrgEntity).save(candidate);
      const after = toOrgResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'org.create', entityType: 'org', entityId: saved.id, after }, m);
      return after;
    });
  }

  async updateOrg(actor: AuthUser, id: number, dto: UpdateOrgDto): Promise<OrgResponse> {
    return this.tx.run(async (m) => {
      const org = await this.findOrg(m, id);
      const before = toOrgResponse(org);
      const next = m.getRepository(OrgEntity).create({
        ...org,
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.type !== undefined ? { type: dto.type } : {}),
        ...(dto.parentId !== undefined ? { parentId: toId(dto.parentId) ?? null } : {}),
        ...(dto.enterpriseId !== undefined ? { enterpriseId: toId(dto.enterpriseId) ?? null } : {}),
      });
      await this.validateOrgPlacement(m, next, org.id);
      const saved = await m.getRepository(OrgEntity).save(next);
      const after = toOrgResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'org.update', entityType: 'org', entityId: id, before, after }, m);
      return after;
    });
  }

  /** The rules of "1+1+X+N": types nest strictly downwards, no cycles, enterprise orgs stay on their chain. */
  private async validateOrgPlacement(m: EntityManager, org: OrgEntity, existingId: number | null): Promise<void> {
    const repo = m.getRepository(OrgEntity);
    const isEnterpriseType = ENTERPRISE_ORG_TYPES.includes(org.type);
    if (!isEnterpriseType && org.enterpriseId !== null) {
      throw new AppError('ORG_HIERARCHY_INVALID', '工委和产业党委不属于企业，不能设置 enterpriseId');
    }
    if (org.type === 'WORKING_COMMITTEE') {
      if (org.parentId !== null) throw new AppError('ORG_HIERARCHY_INVALID', '工委是最上级组织，不能有上级');
      const other = await repo.findOneBy({ type: 'WORKING_COMMITTEE', ...(existingId ? { id: Not(existingId) } : {}) });
      if (other) throw new AppError('ORG_HIERARCHY_INVALID', '只能有一个工委');
      return;
    }
    if (org.parentId === null) throw new AppError('ORG_HIERARCHY_INVALID', '请选择上级组织');
    const parent = await repo.findOneBy({ id: org.parentId });
    if (!parent) throw new AppError('ORG_HIERARCHY_INVALID', '上级组织不存在');
    if (existingId !== null) {
      if ((await this.hierarchy.tree()).wouldCycle(existingId, parent.id)) throw new AppError('ORG_CYCLE');
      const children = await repo.findBy({ parentId: existingId });
      if (children.some((child) => RANK[child.type] <= RANK[org.type])) {
        throw new AppError('ORG_HIERARCHY_INVALID', '下级组织的层级必须低于本组织，请先调整下级组织');
      }
    }
    if (RANK[parent.type] >= RANK[org.type]) {
      throw new AppError('ORG_HIERARCHY_INVALID', `${org.type} 不能挂在 ${parent.type} 之下`);
    }
    if (org.type === 'INDUSTRY_COMMITTEE') return;

    if (org.enterpriseId === null) return;
    const enterprise = await m.getRepository(EnterpriseEntity).findOneBy({ id: org.enterpriseId });
    if (!enterprise) throw new AppError('ORG_HIERARCHY_INVALID', '所属企业不存在');
    if (parent.type === 'INDUSTRY_COMMITTEE') {
      // An enterprise org hangs directly under the committee that leads its enterprise's chain.
      const chain = enterprise.chainId === null ? null : await m.getRepository(ChainEntity).findOneBy({ id: enterprise.chainId });
      if (!chain || chain.committeeOrgId !== parent.id) throw new AppError('CHAIN_MISMATCH');
      return;
    }
    const chainOfParent = await this.chainOfOrg(m, parent);
    if (chainOfParent === 'none') return;
    if (chainOfParent !== enterprise.chainId) throw new AppError('CHAIN_MISMATCH');
  }

  /** The chain an enterprise org sits on; 'none' when the parent is not inside an enterprise. */
  private async chainOfOrg(m: EntityManager, org: OrgEntity): Promise<number | null | 'none'> {
    if (org.enterpriseId === null) return 'none';
    const enterprise = await m.getRepository(EnterpriseEntity).findOneBy({ id: org.enterpriseId });
    return enterprise ? enterprise.chainId : 'none';
  }

  private async findOrg(m: EntityManager, id: number): Promise<OrgEntity> {
    const org = await m.getRepository(OrgEntity).findOneBy({ id });
    if (!org) throw new AppError('NOT_FOUND');
    return org;
  }

  // ── Chains ──────────────────────────────────────────────────────────────────

  async listChains(): Promise<ChainResponse[]> {
    return this.chains();
  }

  async createChain(actor: AuthUser, dto: CreateChainDto): Promise<ChainResponse> {
    return this.tx.run(async (m) => {
      await this.requireCommittee(m, Number(dto.committeeOrgId));
      await this.requireUniqueName(m, ChainEntity, dto.name, null);
      const saved = await m.getRepository(ChainEntity).save(
        m.getRepository(ChainEntity).create({
          name: dto.name,
          industry: dto.industry,
          committeeOrgId: Number(dto.committeeOrgId),
          sortOrder: dto.sortOrder ?? 0,
          isSample: false,
        }),
      );
      const after = toChainResponse(saved, []);
      await this.audit.record({ actorId: actor.id, action: 'chain.create', entityType: 'chain', entityId: saved.id, after }, m);
      return after;
    });
  }

  async updateChain(actor: AuthUser, id: number, dto: UpdateChainDto): Promise<ChainResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(ChainEntity);
      const chain = await repo.findOneBy({ id });
      if (!chain) throw new AppError('NOT_FOUND');
      const enterprises = await m.getRepository(EnterpriseEntity).findBy({ chainId: id });
      const before = toChainResponse(chain, enterprises);
      if (dto.name !== undefined) {
        await this.requireUniqueName(m, ChainEntity, dto.name, id);
        chain.name = dto.name;
      }
      if (dto.industry !== undefined) chain.industry = dto.industry;
      if (dto.sortOrder !== undefined) chain.sortOrder = dto.sortOrder;
      if (dto.committeeOrgId !== undefined && Number(dto.committeeOrgId) !== chain.committeeOrgId) {
        await this.requireCommittee(m, Number(dto.committeeOrgId));
        const attached = await m
          .getRepository(OrgEntity)
          .createQueryBuilder('o')
          .where('o.parentId = :committee', { committee: chain.committeeOrgId })
          .andWhere('o.enterpriseId IN (:...ids)', { ids: enterprises.length ? enterprises.map((e) => e.id) : [0] })
          .getCount();
        if (attached > 0) {
          throw new AppError('CHAIN_MISMATCH', '该产业链企业的党组织仍挂在原产业党委之下，请先调整这些党组织');
        }
        chain.committeeOrgId = Number(dto.committeeOrgId);
      }
      const saved = await repo.save(chain);
      const after = toChainResponse(saved, enterprises);
      await this.audit.record({ actorId: actor.id, action: 'chain.update', entityType: 'chain', entityId: id, before, after }, m);
      return after;
    });
  }

  private async requireCommittee(m: EntityManager, orgId: number): Promise<void> {
    const org = await m.getRepository(OrgEntity).findOneBy({ id: orgId });
    if (!org || org.type !== 'INDUSTRY_COMMITTEE') {
      throw new AppError('ORG_HIERARCHY_INVALID', 'committeeOrgId 必须是一个产业党委');
    }
  }

  // ── Enterprises ─────────────────────────────────────────────────────────────

  async listEnterprises(query: EnterpriseListQueryDto): Promise<Page<EnterpriseResponse>> {
    const where: FindOptionsWhere<EnterpriseEntity> = {
      ...(query.chainId ? { chainId: Number(query.chainId) } : {}),
      ...(query.q ? { name: Like(`%${escapeLike(query.q)}%`) } : {}),
      ...(query.cursor ? { id: MoreThan(Number(query.cursor)) } : {}),
    };
    const rows = await this.dataSource.getRepository(EnterpriseEntity).find({ where, order: { id: 'ASC' }, take: query.limit + 1 });
    return this.page(rows, query.limit, toEnterpriseResponse);
  }

  async getEnterprise(id: number): Promise<EnterpriseResponse> {
    const row = await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND');
    return toEnterpriseResponse(row);
  }

  async createEnterprise(actor: AuthUser, dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.tx.run(async (m) => {
      const entity = m.getRepository(EnterpriseEntity).create({
        name: dto.name,
        chainId: toId(dto.chainId) ?? null,
        chainRole: dto.chainRole ?? null,
        honours: dto.honours ?? [],
        description: dto.description ?? null,
        isSample: false,
      });
      await this.requireUniqueName(m, EnterpriseEntity, entity.name, null);
      await this.validateChainMembership(m, entity);
      const saved = await m.getRepository(EnterpriseEntity).save(entity);
      const after = toEnterpriseResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'enterprise.create', entityType: 'enterprise', entityId: saved.id, after }, m);
      return after;
    });
  }

  async updateEnterprise(actor: AuthUser, id: number, dto: UpdateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(EnterpriseEntity);
      const entity = await repo.findOneBy({ id });
      if (!entity) throw new AppError('NOT_FOUND');
      const before = toEnterpriseResponse(entity);
      const previousChain = entity.chainId;
      if (dto.name !== undefined) {
        await this.requireUniqueName(m, EnterpriseEntity, dto.name, id);
        entity.name = dto.name;
      }
      if (dto.chainId !== undefined) entity.chainId = toId(dto.chainId) ?? null;
      if (dto.chainRole !== undefined) entity.chainRole = dto.chainRole;
      if (dto.chainId === null && dto.chainRole === undefined) entity.chainRole = null;
      if (dto.honours !== undefined) entity.honours = dto.honours;
      if (dto.description !== undefined) entity.description = dto.description;
      await this.validateChainMembership(m, entity);
      if (previousChain !== entity.chainId) {
        const orgs = await m.getRepository(OrgEntity).findBy({ enterpriseId: id });
        if (orgs.length > 0) {
          throw new AppError('CHAIN_MISMATCH', '该企业已有党组织挂在原产业链之下，请先调整党组织再更换产业链');
        }
      }
      const saved = await repo.save(entity);
      const after = toEnterpriseResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'enterprise.update', entityType: 'enterprise', entityId: id, before, after }, m);
      return after;
    });
  }

  private async validateChainMembership(m: EntityManager, e: EnterpriseEntity): Promise<void> {
    if (e.chainId === null) {
      if (e.chainRole !== null) throw new AppError('VALIDATION_FAILED', '未加入产业链的企业不能设置链上角色');
      return;
    }
    const chain = await m.getRepository(ChainEntity).findOneBy({ id: e.chainId });
    if (!chain) throw new AppError('VALIDATION_FAILED', '产业链不存在');
    if (e.chainRole === null) throw new AppError('VALIDATION_FAILED', '请设置企业在产业链上的角色（链长/核心/链上企业）');
    if (e.chainRole === 'LEADER') {
      const leader = await m.getRepository(EnterpriseEntity).findOneBy({ chainId: e.chainId, chainRole: 'LEADER' });
      if (leader && leader.id !== e.id) {
        throw new AppError('CONFLICT', `该产业链已有链长企业：${leader.name}`);
      }
    }
  }

  // ── Departments ─────────────────────────────────────────────────────────────

  async createDepartment(actor: AuthUser, dto: CreateDepartmentDto): Promise<DepartmentResponse> {
    return this.tx.run(async (m) => {
      await this.requireUniqueName(m, DepartmentEntity, dto.name, null);
      const saved = await m.getRepository(DepartmentEntity).save(
        m.getRepository(DepartmentEntity).create({ name: dto.name, sortOrder: dto.sortOrder ?? 0 }),
      );
      const after = toDepartmentResponse(saved);
      await this.audit.record({ actorId: actor.id, action: 'department.create', entityType: 'department', entityId: saved.id, after }, m);
      return after;
    });
  }

  async updateDepartment(actor: AuthUser, id: number, dto: UpdateDepartmentDto): Promise<DepartmentResponse> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(DepartmentEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND');
      const before = toDepartmentResponse(row);
      if (dto.name !== undefined) {
        await this.requireUniqueName(m, DepartmentEntity, dto.name, id);
        row.name = dto.name;
      }
      if (dto.sortOrder !== undefined) row.sortOrder = dto.sortOrder;
      const after = toDepartmentResponse(await repo.save(row));
      await this.audit.record({ actorId: actor.id, action: 'department.update', entityType: 'department', entityId: id, before, after }, m);
      return after;
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async requireUniqueName(
    m: EntityManager,
    entity: typeof ChainEntity | typeof EnterpriseEntity | typeof DepartmentEntity,
    name: string,
    exceptId: number | null,
  ): Promise<void> {
    const existing = await m.getRepository<{ id: number; name: string }>(entity).findOneBy({ name });
    if (existing && existing.id !== exceptId) throw new AppError('NAME_TAKEN', `名称“${name}”已存在`);
  }

  private page<E extends { id: number }, R>(rows: E[], limit: number, map: (row: E) => R): Page<R> {
    const items = rows.slice(0, limit);
    return { items: items.map(map), nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }
}
