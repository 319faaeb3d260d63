import { AdminAccountEntity } from './admin-account.entity';

/** The tables the auth module owns: password sign-in accounts (the person behind one is a user). */
export const AUTH_ENTITIES = [AdminAccountEntity];
