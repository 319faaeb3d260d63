import { InstructorEnterpriseEntity, VisitEntity } from './visit.entity';

/** The tables the visit module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const VISIT_ENTITIES = [InstructorEnterpriseEntity, VisitEntity];
