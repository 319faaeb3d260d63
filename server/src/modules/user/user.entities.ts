import { UserEntity } from './user.entity';
import { RoleGrantEntity } from './role-grant.entity';

/** The tables the user module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const USER_ENTITIES = [UserEntity, RoleGrantEntity];
