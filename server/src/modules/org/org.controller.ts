import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChainResponse, DepartmentResponse, OrgTreeNode } from '@torch-red/shared';
import { Authenticated } from '../../common/auth/access.decorator';
import { OrgService } from './org.service';

@ApiTags('orgs')
@Controller()
export class OrgController {
  constructor(private readonly orgs: OrgService) {}

  @Get('orgs/tree')
  @Authenticated()
  @ApiOperation({ summary: 'The organisation tree: 工委 → 产业党委 → 党委/党总支/党支部' })
  tree(): Promise<OrgTreeNode[]> {
    return this.orgs.tree();
  }

  @Get('chains')
  @Authenticated()
  @ApiOperation({ summary: 'Industry chains with their leader, core and member enterprises (产业链图谱)' })
  chains(): Promise<ChainResponse[]> {
    return this.orgs.chains();
  }

  @Get('departments')
  @Authenticated()
  @ApiOperation({ summary: 'The functional departments (职能部门)' })
  departments(): Promise<DepartmentResponse[]> {
    return this.orgs.departments();
  }
}
