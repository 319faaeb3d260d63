import { OrgEntity } from './org.entity';
import { ChainEntity } from './chain.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { DepartmentEntity } from './department.entity';

/** The tables the org module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const ORG_ENTITIES = [OrgEntity, ChainEntity, EnterpriseEntity, DepartmentEntity];
