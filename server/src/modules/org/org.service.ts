import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENTERPRISE_ORG_TYPES,
  ORG_TYPE_LABELS,
  type ChainResponse,
  type DepartmentResponse,
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
  CreateOrgDto,
  OrgListQueryDto,
  UpdateOrgDto,
} from './dto/org.dto';
import { EnterpriseEntity } from './enterprise.entity';
import { toChainResponse, toDepartmentResponse, toOrgResponse } from './org.mapper';
import { OrgHierarchy } from './org-hierarchy.service';
import { OrgEntity } from './org.entity';
import { escapeLike, pageOf, toId } from './org-admin.helpers';

/** Depth of each org type in "1+1+X+N": a parent must sit strictly higher than its child. */
const RANK: Record<OrgType, number> = {
  WORKING_COMMITTEE: 0,
  INDUSTRY_COMMITTEE: 1,
  PARTY_COMMITTEE: 2,
  GENERAL_BRANCH: 3,
  BRANCH: 4,
};


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
    // Closed orgs leave the tree (and with it every picker built on it); their children are closed too.
    const orgs = await this.dataSource.getRepository(OrgEntity).find({ where: { closedAt: IsNull() }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const nodes = new Map<number, OrgTreeNode>();
    for (const org of orgs) {
      nodes.set(org.id, { id: String(org.id), name: org.name, type: org.type, enterpriseId: org.enterpriseId === null ? null : String(org.enterpriseId), children: [] });
    }
    const roots: OrgTreeNode[] = [];
    for (const org of orgs) {
      const node = nodes.get(org.id)!;
      const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
      if (org.parentId !== null && !parent) continue; // below a closed org (closing and reopening keep this from happening)
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
      ...(query.status ? { closedAt: query.status === 'CLOSED' ? Not(IsNull()) : IsNull() } : {}),
      ...(query.cursor ? { id: MoreThan(Number(query.cursor)) } : {}),
    };
    const rows = await this.dataSource.getRepository(OrgEntity).find({ where, order: { id: 'ASC' }, take: query.limit + 1 });
    return pageOf(rows, query.limit, toOrgResponse);
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
        closedAt: null,
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
      if (org.closedAt) throw new AppError('ORG_CLOSED', `“${org.name}”已关闭，请先恢复再修改`);
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
    if (parent.closedAt) throw new AppError('ORG_CLOSED', `上级组织“${parent.name}”已关闭`);
    if (existingId !== null) {
      if ((await this.hierarchy.tree()).wouldCycle(existingId, parent.id)) throw new AppError('ORG_CYCLE');
      const children = await repo.findBy({ parentId: existingId });
      if (children.some((child) => RANK[child.type] <= RANK[org.type])) {
        throw new AppError('ORG_HIERARCHY_INVALID', '下级组织的层级必须低于本组织，请先调整下级组织');
      }
    }
    if (RANK[parent.type] >= RANK[org.type]) {
      throw new AppError('ORG_HIERARCHY_INVALID', `${ORG_TYPE_LABELS[org.type]}不能挂在${ORG_TYPE_LABELS[parent.type]}之下`);
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
}
