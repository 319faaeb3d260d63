import { LessonEntity, StudyColumnEntity } from './content.entity';
import { LessonProgressEntity, StudySessionEntity } from './study-session.entity';
import { DailyQuizEntity, PaperAttemptEntity, PaperEntity, QuestionEntity } from './question.entity';
import { PointsLedgerEntity, RuleDayEntity, StudyFlagEntity, UserDayEntity, UserTotalEntity, UserWeekEntity } from './points.entity';

/** The tables the study module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const STUDY_ENTITIES = [StudyColumnEntity, LessonEntity, StudySessionEntity, LessonProgressEntity, QuestionEntity, DailyQuizEntity, PaperEntity, PaperAttemptEntity, PointsLedgerEntity, RuleDayEntity, UserDayEntity, UserWeekEntity, UserTotalEntity, StudyFlagEntity];
