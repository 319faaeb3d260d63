import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChainResponse, DepartmentResponse, EnterpriseResponse, OrgResponse, Page } from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import {
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
import { OrgCatalogService } from './org-catalog.service';
import { OrgClosureService } from './org-closure.service';
import { OrgService } from './org.service';

@ApiTags('admin: organisation model')
@Authenticated({ roles: ['ADMIN'] })
@Controller('admin')
export class AdminOrgController {
  constructor(
    private readonly orgs: OrgService,
    private readonly catalog: OrgCatalogService,
    private readonly closure: OrgClosureService,
  ) {}

  @Get('orgs')
  @ApiOperation({ summary: 'List organisations (committees are orgs of type INDUSTRY_COMMITTEE)' })
  listOrgs(@Query() query: OrgListQueryDto): Promise<Page<OrgResponse>> {
    return this.orgs.listOrgs(query);
  }

  @Get('orgs/:id')
  getOrg(@IdParam() id: number): Promise<OrgResponse> {
    return this.orgs.getOrg(id);
  }

  @Post('orgs')
  @ApiOperation({ summary: 'Create a committee, 党委, 党总支 or 党支部' })
  createOrg(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgDto): Promise<OrgResponse> {
    return this.orgs.createOrg(user, dto);
  }

  @Patch('orgs/:id')
  updateOrg(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateOrgDto): Promise<OrgResponse> {
    return this.orgs.updateOrg(user, id, dto);
  }

  @Post('orgs/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close (撤销) an org: refused with ORG_NOT_EMPTY, naming what is left, while sub-orgs, members, office holders or unfinished activities remain' })
  closeOrg(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<OrgResponse> {
    return this.closure.close(user, id);
  }

  @Post('orgs/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed org (refused with ORG_CLOSED while its parent is closed)' })
  reopenOrg(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<OrgResponse> {
    return this.closure.reopen(user, id);
  }

  @Get('chains')
  listChains(): Promise<ChainResponse[]> {
    return this.orgs.chains();
  }

  @Post('chains')
  createChain(@CurrentUser() user: AuthUser, @Body() dto: CreateChainDto): Promise<ChainResponse> {
    return this.catalog.createChain(user, dto);
  }

  @Patch('chains/:id')
  updateChain(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateChainDto): Promise<ChainResponse> {
    return this.catalog.updateChain(user, id, dto);
  }

  @Get('enterprises')
  listEnterprises(@Query() query: EnterpriseListQueryDto): Promise<Page<EnterpriseResponse>> {
    return this.catalog.listEnterprises(query);
  }

  @Get('enterprises/:id')
  getEnterprise(@IdParam() id: number): Promise<EnterpriseResponse> {
    return this.catalog.getEnterprise(id);
  }

  @Post('enterprises')
  createEnterprise(@CurrentUser() user: AuthUser, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.catalog.createEnterprise(user, dto);
  }

  @Patch('enterprises/:id')
  updateEnterprise(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.catalog.updateEnterprise(user, id, dto);
  }

  @Get('departments')
  listDepartments(): Promise<DepartmentResponse[]> {
    return this.orgs.departments();
  }

  @Post('departments')
  createDepartment(@CurrentUser() user: AuthUser, @Body() dto: CreateDepartmentDto): Promise<DepartmentResponse> {
    return this.catalog.createDepartment(user, dto);
  }

  @Patch('departments/:id')
  updateDepartment(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateDepartmentDto): Promise<DepartmentResponse> {
    return this.catalog.updateDepartment(user, id, dto);
  }
}
