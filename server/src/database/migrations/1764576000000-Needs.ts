import { MigrationInterface, QueryRunner } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

export class Needs1764576000000 implements MigrationInterface {
  name = 'Needs1764576000000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'instructor_enterprises',
      columns: [col.id(), col.int('instructorId'), col.int('enterpriseId'), col.int('assignedBy', true), col.createdAt(qr)],
      indices: [
        { name: 'UQ_instructor_enterprises', columnNames: ['instructorId', 'enterpriseId'], isUnique: true },
        { name: 'IDX_instructor_enterprises_enterprise', columnNames: ['enterpriseId'] },
      ],
      foreignKeys: [fk('instructorId', 'users', 'CASCADE'), fk('enterpriseId', 'enterprises', 'CASCADE'), fk('assignedBy', 'users', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'visits',
      columns: [
        col.id(),
        col.int('instructorId'),
        col.int('enterpriseId'),
        col.varchar('visitedOn', 10),
        col.varchar('peopleMet', 500),
        col.text('discussed', false),
        col.json('problems', false),
        col.bool('isSample'),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'IDX_visits_instructor', columnNames: ['instructorId'] },
        { name: 'IDX_visits_enterprise_day', columnNames: ['enterpriseId', 'visitedOn'] },
      ],
      foreignKeys: [fk('instructorId', 'users', 'CASCADE'), fk('enterpriseId', 'enterprises', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'needs',
      columns: [
        col.id(),
        col.int('enterpriseId'),
        col.int('chainId'),
        col.int('committeeOrgId'),
        col.int('raisedBy'),
        col.varchar('category', 32),
        col.varchar('urgency', 16),
        col.varchar('title', 100),
        col.text('description', false),
        col.json('imageIds', false),
        col.varchar('status', 16),
        col.int('version', false, 1),
        col.int('appealId', true),
        col.int('visitId', true),
        col.int('mergedIntoId', true),
        col.text('answer'),
        col.datetime('resolvedAt', true),
        col.int('rating', true),
        col.varchar('ratingComment', 500, true),
        col.datetime('closedAt', true),
        col.datetime('lastActivityAt'),
        col.datetime('escalatedAt', true),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_needs_appeal', columnNames: ['appealId'], isUnique: true },
        { name: 'IDX_needs_enterprise', columnNames: ['enterpriseId'] },
        { name: 'IDX_needs_chain', columnNames: ['chainId'] },
        { name: 'IDX_needs_raised_by', columnNames: ['raisedBy'] },
        { name: 'IDX_needs_visit', columnNames: ['visitId'] },
        { name: 'IDX_needs_committee_status', columnNames: ['committeeOrgId', 'status'] },
        { name: 'IDX_needs_status_activity', columnNames: ['status', 'lastActivityAt'] },
      ],
      foreignKeys: [
        fk('enterpriseId', 'enterprises', 'CASCADE'),
        fk('chainId', 'chains', 'CASCADE'),
        fk('committeeOrgId', 'orgs', 'CASCADE'),
        fk('raisedBy', 'users', 'CASCADE'),
        fk('appealId', 'appeals', 'SET NULL'),
        fk('visitId', 'visits', 'SET NULL'),
        fk('mergedIntoId', 'needs', 'SET NULL'),
      ],
    });
    await steps.ensureTable({
      name: 'need_assignments',
      columns: [
        col.id(),
        col.int('needId'),
        col.int('departmentId'),
        col.datetime('deadline'),
        col.varchar('status', 16),
        col.int('assignedBy'),
        col.int('acceptedBy', true),
        col.datetime('acceptedAt', true),
        col.varchar('returnReason', 500, true),
        col.text('answer'),
        col.int('resolvedBy', true),
        col.datetime('resolvedAt', true),
        col.datetime('reminderSentAt', true),
        col.datetime('overdueAt', true),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'IDX_need_assignments_need', columnNames: ['needId'] },
        { name: 'IDX_need_assignments_department', columnNames: ['departmentId'] },
        { name: 'IDX_need_assignments_status_deadline', columnNames: ['status', 'deadline'] },
      ],
      foreignKeys: [fk('needId', 'needs', 'CASCADE'), fk('departmentId', 'departments', 'CASCADE'), fk('assignedBy', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'need_events',
      columns: [col.id(), col.int('needId'), col.int('actorId', true), col.varchar('kind', 16), col.int('departmentId', true), col.text('note'), col.createdAt(qr)],
      indices: [{ name: 'IDX_need_events_need', columnNames: ['needId'] }],
      foreignKeys: [fk('needId', 'needs', 'CASCADE'), fk('actorId', 'users', 'SET NULL'), fk('departmentId', 'departments', 'SET NULL')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    for (const table of ['need_events', 'need_assignments', 'needs', 'visits', 'instructor_enterprises']) await steps.dropTableIfExists(table);
  }
}
