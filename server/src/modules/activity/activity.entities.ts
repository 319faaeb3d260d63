import { ActivityEntity } from './activity.entity';
import { RegistrationEntity } from './registration.entity';

/** The tables the activity module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const ACTIVITY_ENTITIES = [ActivityEntity, RegistrationEntity];
