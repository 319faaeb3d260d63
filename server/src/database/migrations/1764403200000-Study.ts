import { MigrationInterface, QueryRunner, type TableColumnOptions } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

const pkInt = (name: string): TableColumnOptions => ({ name, type: 'int', isPrimary: true });
const pkVarchar = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true });

export class Study1764403200000 implements MigrationInterface {
  name = 'Study1764403200000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'study_columns',
      columns: [col.id(), col.varchar('name', 100), col.varchar('description', 500), col.int('sortOrder', false, 0), col.varchar('status', 16), col.bool('isSample'), col.createdAt(qr), col.updatedAt(qr)],
    });
    await steps.ensureTable({
      name: 'study_lessons',
      columns: [
        col.id(),
        col.int('columnId'),
        col.varchar('title', 100),
        col.varchar('kind', 16),
        col.varchar('summary', 300),
        col.json('blocks', false),
        col.varchar('videoUrl', 500, true),
        col.varchar('coverUrl', 500, true),
        col.int('minutes'),
        col.int('sortOrder', false, 0),
        col.varchar('status', 16),
        col.datetime('publishedAt', true),
        col.bool('isSample'),
        col.int('createdBy', true),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'IDX_study_lessons_column', columnNames: ['columnId', 'status', 'sortOrder'] }],
      foreignKeys: [fk('columnId', 'study_columns')],
    });
    await steps.ensureTable({
      name: 'study_sessions',
      columns: [
        col.id(),
        col.int('userId'),
        col.int('lessonId'),
        col.int('activeKey', true),
        col.datetime('startedAt'),
        col.datetime('lastBeatAt'),
        col.int('creditedSeconds', false, 0),
        col.datetime('endedAt', true),
        col.varchar('endReason', 16, true),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'UQ_study_sessions_active', columnNames: ['activeKey'], isUnique: true },
        { name: 'IDX_study_sessions_user', columnNames: ['userId', 'id'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE'), fk('lessonId', 'study_lessons', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'study_lesson_progress',
      columns: [col.id(), col.int('userId'), col.int('lessonId'), col.int('creditedSeconds', false, 0), col.datetime('completedAt', true)],
      indices: [{ name: 'UQ_study_progress_user_lesson', columnNames: ['userId', 'lessonId'], isUnique: true }],
      foreignKeys: [fk('userId', 'users', 'CASCADE'), fk('lessonId', 'study_lessons', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'study_questions',
      columns: [
        col.id(),
        col.varchar('type', 16),
        col.varchar('stem', 500),
        col.json('options', false),
        col.json('answer', false),
        col.text('explanation', false),
        col.bool('enabled', true),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'IDX_study_questions_enabled', columnNames: ['enabled', 'id'] }],
    });
    await steps.ensureTable({
      name: 'study_daily_quizzes',
      columns: [
        col.id(),
        col.int('userId'),
        col.varchar('day', 10),
        col.json('questionIds', false),
        col.datetime('issuedAt'),
        col.datetime('submittedAt', true),
        col.int('correctCount', true),
        col.json('answers', true),
        col.int('pointsAwarded', false, 0),
        col.bool('flagged'),
      ],
      indices: [{ name: 'UQ_study_daily_quiz_user_day', columnNames: ['userId', 'day'], isUnique: true }],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'study_papers',
      columns: [
        col.id(),
        col.varchar('title', 100),
        col.varchar('description', 500),
        col.varchar('mode', 16),
        col.json('questionIds', false),
        col.int('drawCount', false, 0),
        col.int('timeLimitMinutes'),
        col.int('passScore'),
        col.int('maxAttempts'),
        col.varchar('status', 16),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
    });
    await steps.ensureTable({
      name: 'study_paper_attempts',
      columns: [
        col.id(),
        col.int('paperId'),
        col.int('userId'),
        col.int('attemptNo'),
        col.json('questionIds', false),
        col.datetime('startedAt'),
        col.datetime('deadlineAt'),
        col.datetime('submittedAt', true),
        col.int('score', true),
        col.bool('passed'),
        col.bool('expired'),
        col.json('answers', true),
        col.int('pointsAwarded', false, 0),
        col.bool('flagged'),
      ],
      indices: [
        { name: 'UQ_study_attempts_paper_user_no', columnNames: ['paperId', 'userId', 'attemptNo'], isUnique: true },
        { name: 'IDX_study_attempts_user', columnNames: ['userId'] },
      ],
      foreignKeys: [fk('paperId', 'study_papers', 'CASCADE'), fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'study_points_ledger',
      columns: [col.id(), col.int('userId'), col.varchar('rule', 16), col.int('points'), col.varchar('sourceKey', 100), col.varchar('day', 10), col.createdAt(qr)],
      indices: [
        { name: 'UQ_study_ledger_source', columnNames: ['userId', 'rule', 'sourceKey'], isUnique: true },
        { name: 'IDX_study_ledger_user', columnNames: ['userId', 'id'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({ name: 'study_rule_days', columns: [pkInt('userId'), pkVarchar('day', 10), pkVarchar('rule', 16), col.int('points', false, 0)] });
    await steps.ensureTable({
      name: 'study_user_days',
      columns: [pkInt('userId'), pkVarchar('day', 10), col.datetime('checkedInAt', true), col.int('points', false, 0), col.int('studySeconds', false, 0)],
      indices: [{ name: 'IDX_study_user_days_points', columnNames: ['day', 'points'] }],
    });
    await steps.ensureTable({
      name: 'study_user_weeks',
      columns: [
        pkInt('userId'),
        pkVarchar('week', 10),
        col.int('orgId', true),
        col.int('enterpriseId', true),
        col.bool('optIn'),
        col.int('points', false, 0),
        col.int('studySeconds', false, 0),
      ],
      indices: [
        { name: 'IDX_study_user_weeks_board', columnNames: ['week', 'optIn', 'points', 'userId'] },
        { name: 'IDX_study_user_weeks_org', columnNames: ['week', 'orgId'] },
      ],
    });
    await steps.ensureTable({
      name: 'study_user_totals',
      columns: [pkInt('userId'), col.bool('optIn'), col.int('points', false, 0)],
      indices: [{ name: 'IDX_study_user_totals_board', columnNames: ['optIn', 'points', 'userId'] }],
    });
    await steps.ensureTable({
      name: 'study_flags',
      columns: [col.id(), col.int('userId'), col.varchar('kind', 32), col.json('detail', false), col.varchar('dedupeKey', 120), col.createdAt(qr)],
      indices: [
        { name: 'UQ_study_flags_dedupe', columnNames: ['dedupeKey'], isUnique: true },
        { name: 'IDX_study_flags_kind', columnNames: ['kind', 'id'] },
        { name: 'IDX_study_flags_user', columnNames: ['userId'] },
      ],
      foreignKeys: [fk('userId', 'users', 'CASCADE')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    for (const table of [
      'study_flags',
      'study_user_totals',
      'study_user_weeks',
      'study_user_days',
      'study_rule_days',
      'study_points_ledger',
      'study_paper_attempts',
      'study_papers',
      'study_daily_quizzes',
      'study_questions',
      'study_lesson_progress',
      'study_sessions',
      'study_lessons',
      'study_columns',
    ]) {
      await steps.dropTableIfExists(table);
    }
  }
}
