import { TalkSessionEntity } from './talk-session.entity';
import { AppealEntity } from './appeal.entity';

/** The tables the talk module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const TALK_ENTITIES = [TalkSessionEntity, AppealEntity];
