import { NeedEntity } from './need.entity';
import { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedEventEntity } from './need-event.entity';

/** The tables the need module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const NEED_ENTITIES = [NeedEntity, NeedAssignmentEntity, NeedEventEntity];
