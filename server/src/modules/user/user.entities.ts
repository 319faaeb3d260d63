import { UserEntity } from './user.entity';
import { RoleGrantEntity } from './role-grant.entity';
import { BindingCodeEntity, JoinCodeEntity, JoinRequestEntity, RepresentationRequestEntity } from './onboarding/onboarding.entity';

/** The tables the user module owns (people, role grants, and onboarding's codes and requests); only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const USER_ENTITIES = [UserEntity, RoleGrantEntity, BindingCodeEntity, JoinCodeEntity, JoinRequestEntity, RepresentationRequestEntity];
