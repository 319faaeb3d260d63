import { JobLeaseEntity } from './job-lease.entity';

/** The tables the scheduler module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const SCHEDULER_ENTITIES = [JobLeaseEntity];
