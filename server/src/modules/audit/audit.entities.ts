import { AuditLogEntity } from './audit-log.entity';

/** The tables the audit module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const AUDIT_ENTITIES = [AuditLogEntity];
