import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ChainResponse,
  type DepartmentResponse,
  type EnterpriseResponse,
  type Page,
} from '@torch-red/shared';
import { Tx } from '../../database/tx.service';
import { DataSource, EntityManager, FindOptionsWhere, Like, MoreThan } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChainEntity } from './chain.entity';
import { DepartmentEntity } from './department.entity';
import type {
  CreateChainDto,
  CreateDepartmentDto,
  CreateEnterpriseDto,
  EnterpriseListQueryDto,
  UpdateChainDto,
  UpdateDepartmentDto,
  UpdateEnterpriseDto,
} from './dto/org.dto';
import { EnterpriseEntity } from './enterprise.entity';
import { toChainResponse, toDepartmentResponse, toEnterpriseResponse } from './org.mapper';
import { OrgEntity } from './org.entity';
import { escapeLike, pageOf, requireUniqueName, toId } from './org-admin.helpers';


/** Admin upkeep of the industry chains, the enterprises on them and the zone's departments (职能部门). */
@Injectable()
export class OrgCatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tx: Tx,
  ) {}

  // ── Chains ──────────────────────────────────────────────────────────────────

  async createChain(actor: AuthUser, dto: CreateChainDto): Promise<ChainResponse> {
    return this.tx.run(async (m) => {
      await this.requireCommittee(m, Number(dto.committeeOrgId));
      await requireUniqueName(m, ChainEntity, dto.name, null);
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
        await requireUniqueName(m, ChainEntity, dto.name, id);
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
    return pageOf(rows, query.limit, toEnterpriseResponse);
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
      await requireUniqueName(m, EnterpriseEntity, entity.name, null);
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
        await requireUniqueName(m, EnterpriseEntity, dto.name, id);
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
      await requireUniqueName(m, DepartmentEntity, dto.name, null);
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
        await requireUniqueName(m, DepartmentEntity, dto.name, id);
        row.name = dto.name;
      }
      if (dto.sortOrder !== undefined) row.sortOrder = dto.sortOrder;
      const after = toDepartmentResponse(await repo.save(row));
      await this.audit.record({ actorId: actor.id, action: 'department.update', entityType: 'department', entityId: id, before, after }, m);
      return after;
    });
  }
}
