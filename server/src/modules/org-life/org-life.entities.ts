import { MeetingAttendeeEntity, MeetingEntity, MeetingImageEntity } from './meeting.entity';
import { MeetingReminderEntity, MeetingRuleEntity } from './meeting-rule.entity';

/** The tables the 组织生活 module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const ORG_LIFE_ENTITIES = [MeetingEntity, MeetingAttendeeEntity, MeetingImageEntity, MeetingRuleEntity, MeetingReminderEntity];
