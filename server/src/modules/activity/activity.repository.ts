import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityStatus, ActivityType, ActivityVisibility, AttendanceStatus, FormAnswers, FormField, RegistrationStatus } from '@torch-red/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { PRINCIPAL_STAMP_COLUMN, type PrincipalProof } from '../../common/auth/principal';
import { execute, select, selectHot, selectPrepared, sqlInt, sqlJson } from '../../database/raw-sql';
import { sqlDate, sqlTime, toSqlDateTime, type Time } from '../../database/sql-time';
import type { ActivityEntity } from './activity.entity';
import type { ActivityCounts } from './activity.mapper';
import type { RegistrationEntity } from './registration.entity';

/**
 * The activity feature's hot paths in hand-written SQL: the list, the detail page, "my registrations" and the
 * statements of a sign-up. Each read is ONE query (org name, queue counts, my registration and my waitlist
 * place joined or sub-selected), hydrating only the columns a response sends; the sign-up statements are the
 * few that run while the activity row is locked. Everything else in the feature stays on TypeORM's
 * repositories. Portable SQL (MySQL/MariaDB and SQLite), see `database/raw-sql.ts`; the waitlist order is
 * (queuedAt, id) as in `SeatEngine`.
 */

/** An entity's times as `T`: Date as entities hold them, or ISO text as the hot reads hand them on (sql-time.ts). */
type Timed<E, T extends Time> = { [K in keyof E]: E[K] extends Date ? T : E[K] extends Date | null ? T | null : E[K] };

/** The activity columns responses are built from (not reminderSentAt, createdBy, isSample). */
export type ActivityView<T extends Time = Date> = Timed<
  Pick<
    ActivityEntity,
    | 'id' | 'orgId' | 'title' | 'type' | 'description' | 'coverUrl' | 'location' | 'onlineUrl' | 'startAt' | 'endAt' | 'signupStartAt' | 'signupEndAt'
    | 'capacity' | 'waitlist' | 'requiresApproval' | 'cancelDeadline' | 'formFields' | 'visibility' | 'status' | 'publishedAt' | 'cancelledAt' | 'cancelReason'
    | 'confirmedCount' | 'createdAt' | 'updatedAt'
  >,
  T
>;

/** A registration with its times as `T` (RegistrationEntity when Date). */
export type RegistrationView<T extends Time = Date> = Timed<RegistrationEntity, T>;

/**
 * One activity as the member sees it: the row, its org's name and its queues. The hot reads (list, detail, my
 * registrations) give times as ISO text (`Time`); the sign-up's read gives Dates.
 */
export interface ActivityRead<T extends Time = Time> {
  activity: ActivityView<T>;
  orgName: string;
  counts: ActivityCounts;
}

/** …plus the caller's registration on it and their waitlist place (null unless waitlisted). */
export interface ActivityWithMine<T extends Time = Time> extends ActivityRead<T> {
  mine: RegistrationView<T> | null;
  position: number | null;
}

export interface ActivityFilter {
  orgIds?: number[];
  chainOrgIds?: number[];
  type?: ActivityType;
  from?: Date;
  to?: Date;
  before?: number;
  /** The caller's audience (see activity-visibility.ts); absent = every activity (admins). */
  audience?: { orgIds: number[]; chainOrgIds: number[] };
  /** Earliest start first (即将开始), paged after the activity `before` names; default newest first. */
  byStart?: boolean;
}

/** Where a sign-up stands once the activity row is locked. */
export interface SeatState {
  status: ActivityStatus;
  capacity: number | null;
  confirmedCount: number;
  waitlist: boolean;
  requiresApproval: boolean;
}

const ACTIVITY_COLUMNS = [
  'id', 'orgId', 'title', 'type', 'description', 'coverUrl', 'location', 'onlineUrl', 'startAt', 'endAt', 'signupStartAt', 'signupEndAt',
  'capacity', 'waitlist', 'requiresApproval', 'cancelDeadline', 'formFields', 'visibility', 'status', 'publishedAt', 'cancelledAt', 'cancelReason',
  'confirmedCount', 'createdAt', 'updatedAt',
] as const;
const REGISTRATION_COLUMNS = [
  'id', 'activityId', 'userId', 'status', 'answers', 'queuedAt', 'attendance', 'leaveReason', 'rejectReason', 'checkedInAt', 'reviewedBy', 'createdAt', 'updatedAt',
] as const;

const A = ACTIVITY_COLUMNS.map((c) => `a.${c}`).join(', ');
const R = REGISTRATION_COLUMNS.map((c) => `r.${c} AS r_${c}`).join(', ');
const COUNTS =
  "(SELECT COUNT(*) FROM registrations c WHERE c.activityId = a.id AND c.status = 'WAITLISTED') AS waitlistCount, " +
  "(SELECT COUNT(*) FROM registrations c WHERE c.activityId = a.id AND c.status = 'PENDING') AS pendingCount";
/** 1 + the people ahead in (queuedAt, id) order, for a waitlisted r. */
const POSITION =
  "CASE WHEN r.status = 'WAITLISTED' THEN (SELECT COUNT(*) FROM registrations w WHERE w.activityId = r.activityId AND w.status = 'WAITLISTED' " +
  'AND (w.queuedAt < r.queuedAt OR (w.queuedAt = r.queuedAt AND w.id < r.id))) END AS r_ahead';

// `LEFT JOIN orgs` below reads the org module's table for the org name, to keep each read one query: a documented
// exception in modules/module-boundaries.spec.ts (SQL_EXCEPTIONS).
const detailSql = (principal = '') => `SELECT ${A}, o.name AS orgName, ${COUNTS}, ${R}, ${POSITION}${principal}
  FROM activities a LEFT JOIN orgs o ON o.id = a.orgId LEFT JOIN registrations r ON r.activityId = a.id AND r.userId = ?
  WHERE a.id = ?`;
const DETAIL_SQL = detailSql();

/** The sign-up's read: no org name or queue counts (the answer does not send them; counting costs). */
const ADMISSION_SQL = `SELECT ${A}, ${R}, ${POSITION}
  FROM activities a LEFT JOIN registrations r ON r.activityId = a.id AND r.userId = ?
  WHERE a.id = ?`;

const mineSql = (withCursor: boolean, principal = '') => `SELECT ${A}, o.name AS orgName, ${COUNTS}, ${R}, ${POSITION}${principal}
  FROM registrations r JOIN activities a ON a.id = r.activityId LEFT JOIN orgs o ON o.id = a.orgId
  WHERE r.userId = ?${withCursor ? ' AND r.id < ?' : ''} ORDER BY r.id DESC LIMIT ?`;

type Row = Record<string, unknown>;

/**
 * The caller's principal stamp as one more column of a hot read (see PrincipalProof): its text and its parameter,
 * which goes before the statement's own since the column is in the SELECT list. Nothing without a proof.
 */
function principalColumn(proof: PrincipalProof | undefined): { sql: string; params: unknown[] } {
  if (!proof) return { sql: '', params: [] };
  const column = proof.column();
  return { sql: `, ${column.sql}`, params: [column.param] };
}

/** Hands the stamp the database returned (on the first row, if any) to the proof. */
function confirm(proof: PrincipalProof | undefined, rows: Row[]): void {
  if (proof && rows.length > 0) proof.record(rows[0][PRINCIPAL_STAMP_COLUMN]);
}

@Injectable()
export class ActivityRepository {
  private readonly mysql: boolean;
  /** DETAIL_SQL with the principal's stamp column (PrincipalProof), made once. */
  private detailWithPrincipal?: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /**
   * Published activities the caller may see, newest first (the (status, id) index serves it on both databases),
   * or earliest start first ((status, startAt) index).
   */
  async published(filter: ActivityFilter, limit: number, proof?: PrincipalProof): Promise<ActivityRead[]> {
    const where = ["a.status = 'PUBLISHED'"];
    const principal = principalColumn(proof);
    const params: unknown[] = [...principal.params];
    const inList = (column: string, ids: number[]) => {
      where.push(`${column} IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    };
    if (filter.orgIds) inList('a.orgId', filter.orgIds);
    if (filter.chainOrgIds) inList('a.orgId', filter.chainOrgIds);
    if (filter.type) {
      where.push('a.type = ?');
      params.push(filter.type);
    }
    if (filter.from) {
      where.push('a.endAt >= ?');
      params.push(toSqlDateTime(filter.from));
    }
    if (filter.to) {
      where.push('a.startAt < ?');
      params.push(toSqlDateTime(filter.to));
    }
    if (filter.audience) {
      // PUBLIC for everyone; ORG and CHAIN only for activities of the orgs in the caller's audience.
      const { orgIds, chainOrgIds } = filter.audience;
      const of = (ids: number[]) => `a.orgId IN (${ids.map(() => '?').join(', ')})`;
      const visible = ["a.visibility = 'PUBLIC'"];
      if (orgIds.length) visible.push(`(a.visibility = 'ORG' AND ${of(orgIds)})`);
      if (chainOrgIds.length) visible.push(`(a.visibility = 'CHAIN' AND ${of(chainOrgIds)})`);
      where.push(visible.length === 1 ? visible[0] : `(${visible.join(' OR ')})`);
      params.push(...orgIds, ...chainOrgIds);
    }
    let order = 'a.id DESC';
    if (filter.byStart) {
      // The cursor stays the last row's id; its start time is read by the (primary key) sub-select.
      if (filter.before !== undefined) {
        const start = '(SELECT s.startAt FROM activities s WHERE s.id = ?)';
        where.push(`(a.startAt > ${start} OR (a.startAt = ${start} AND a.id > ?))`);
        params.push(filter.before, filter.before, filter.before);
      }
      order = 'a.startAt ASC, a.id ASC';
    } else if (filter.before !== undefined) {
      where.push('a.id < ?');
      params.push(filter.before);
    }
    params.push(limit);
    const sql = `SELECT ${A}, o.name AS orgName, ${COUNTS}${principal.sql} FROM activities a LEFT JOIN orgs o ON o.id = a.orgId WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
    const rows = await selectHot<Row>(this.dataSource, sql, params);
    confirm(proof, rows);
    return rows.map((row) => activityRead(row, sqlTime));
  }

  /** One activity with the caller's registration on it; null when there is no such activity. */
  async withMine(id: number, userId: number, proof?: PrincipalProof): Promise<ActivityWithMine | null> {
    const principal = principalColumn(proof);
    // The same string object every time: mysql2 finds its prepared statement by the text (hash kept on the string).
    const sql = proof ? (this.detailWithPrincipal ??= detailSql(principal.sql)) : DETAIL_SQL;
    const rows = await selectPrepared<Row>(this.dataSource, sql, [...principal.params, userId, id]);
    confirm(proof, rows);
    return rows.length ? withMine(rows[0], sqlTime) : null;
  }

  /**
   * `withMine` for a sign-up: the activity and my registration only (orgName '' and counts 0 in the answer).
   * A prepared statement straight to the driver, as the detail's read; times become Dates (`sqlDate`) for the sign-up.
   */
  async admission(id: number, userId: number): Promise<ActivityWithMine<Date> | null> {
    const [row] = await selectPrepared<Row>(this.dataSource, ADMISSION_SQL, [userId, id]);
    return row ? withMine(row, sqlDate) : null;
  }

  /** The caller's registrations, newest first, each with its activity (registrations of a deleted activity drop out). */
  async mine(userId: number, limit: number, before?: number, proof?: PrincipalProof): Promise<ActivityWithMine[]> {
    const principal = principalColumn(proof);
    const params = [...principal.params, ...(before !== undefined ? [userId, before, limit] : [userId, limit])];
    const rows = await selectHot<Row>(this.dataSource, mineSql(before !== undefined, principal.sql), params);
    confirm(proof, rows);
    return rows.map((row) => withMine(row, sqlTime));
  }

  // ── The sign-up, inside the caller's transaction ─────────────────────────────

  /**
   * Takes a seat if one is free, atomically (a conditional UPDATE, so capacity holds even without the row lock):
   * only for a published activity that confirms straight away.
   */
  async takeFreeSeat(m: EntityManager, id: number): Promise<boolean> {
    const { affected } = await execute(
      m,
      "UPDATE activities SET confirmedCount = confirmedCount + 1 WHERE id = ? AND status = 'PUBLISHED' AND requiresApproval = 0 AND (capacity IS NULL OR confirmedCount < capacity)",
      [id],
    );
    return affected > 0;
  }

  /** Locks the activity row (MySQL; SQLite's Tx is serial) and reads what the seat decision needs. */
  async lockSeats(m: EntityManager, id: number): Promise<SeatState | null> {
    const sql = `SELECT status, capacity, confirmedCount, waitlist, requiresApproval FROM activities WHERE id = ?${this.mysql ? ' FOR UPDATE' : ''}`;
    const [row] = await select<Row>(m, sql, [id]);
    if (!row) return null;
    return {
      status: row.status as ActivityStatus,
      capacity: sqlInt(row.capacity as number | null),
      confirmedCount: Number(row.confirmedCount),
      waitlist: Boolean(Number(row.waitlist)),
      requiresApproval: Boolean(Number(row.requiresApproval)),
    };
  }

  /**
   * 1-based waitlist place of someone joining at `queuedAt` (the activity row locked): everyone waitlisted
   * before them in (queuedAt, id) order. A new row gets the highest id yet, so ties on queuedAt are ahead of it;
   * a reopened row keeps its id.
   */
  async waitlistPlace(m: EntityManager, activityId: number, queuedAt: Date, ownId: number | null): Promise<number> {
    const at = toSqlDateTime(queuedAt);
    const [row] = await select<Row>(
      m,
      ownId === null
        ? "SELECT COUNT(*) AS n FROM registrations WHERE activityId = ? AND status = 'WAITLISTED' AND queuedAt <= ?"
        : "SELECT COUNT(*) AS n FROM registrations WHERE activityId = ? AND status = 'WAITLISTED' AND (queuedAt < ? OR (queuedAt = ? AND id < ?))",
      ownId === null ? [activityId, at] : [activityId, at, at, ownId],
    );
    return Number(row.n) + 1;
  }

  /** Inserts a new registration; the (activityId, userId) unique key refuses a second one. */
  async insertRegistration(m: EntityManager, row: Omit<RegistrationEntity, 'id'>): Promise<number> {
    const { insertId } = await execute(
      m,
      'INSERT INTO registrations (activityId, userId, status, answers, queuedAt, attendance, leaveReason, rejectReason, checkedInAt, reviewedBy, createdAt, updatedAt) ' +
        'VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)',
      [row.activityId, row.userId, row.status, JSON.stringify(row.answers), toSqlDateTime(row.queuedAt), row.attendance, toSqlDateTime(row.createdAt), toSqlDateTime(row.updatedAt)],
    );
    return insertId;
  }

  /** Signs a cancelled registration up again (back of the queue); false when it is no longer cancelled. */
  async reopenRegistration(m: EntityManager, id: number, status: RegistrationStatus, answers: FormAnswers, at: Date): Promise<boolean> {
    const time = toSqlDateTime(at);
    const { affected } = await execute(
      m,
      "UPDATE registrations SET status = ?, answers = ?, queuedAt = ?, attendance = 'NONE', leaveReason = NULL, rejectReason = NULL, checkedInAt = NULL, reviewedBy = NULL, updatedAt = ? " +
        "WHERE id = ? AND status = 'CANCELLED'",
      [status, JSON.stringify(answers), time, time, id],
    );
    return affected > 0;
  }
}

/** How a row's DATETIME becomes a view's time: a Date (`sqlDate`) or ISO text (`sqlTime`). */
type TimeOf<T extends Time> = { (value: Date | string): T; (value: Date | string | null): T | null };

function activityView<T extends Time>(row: Row, time: TimeOf<T>): ActivityView<T> {
  return {
    id: Number(row.id),
    orgId: Number(row.orgId),
    title: row.title as string,
    type: row.type as ActivityType,
    description: row.description as string,
    coverUrl: row.coverUrl as string | null,
    location: row.location as string,
    onlineUrl: row.onlineUrl as string | null,
    startAt: time(row.startAt as Date | string),
    endAt: time(row.endAt as Date | string),
    signupStartAt: time(row.signupStartAt as Date | string | null),
    signupEndAt: time(row.signupEndAt as Date | string),
    capacity: sqlInt(row.capacity as number | null),
    waitlist: Boolean(Number(row.waitlist)),
    requiresApproval: Boolean(Number(row.requiresApproval)),
    cancelDeadline: time(row.cancelDeadline as Date | string | null),
    formFields: sqlJson<FormField[]>(row.formFields as string),
    visibility: row.visibility as ActivityVisibility,
    status: row.status as ActivityStatus,
    publishedAt: time(row.publishedAt as Date | string | null),
    cancelledAt: time(row.cancelledAt as Date | string | null),
    cancelReason: row.cancelReason as string | null,
    confirmedCount: Number(row.confirmedCount),
    createdAt: time(row.createdAt as Date | string),
    updatedAt: time(row.updatedAt as Date | string),
  };
}

function activityRead<T extends Time>(row: Row, time: TimeOf<T>): ActivityRead<T> {
  return { activity: activityView(row, time), orgName: orgNameOf(row), counts: countsOf(row) };
}

const orgNameOf = (row: Row): string => (row.orgName as string | null) ?? '';
const countsOf = (row: Row): ActivityCounts => ({ waitlistCount: Number(row.waitlistCount ?? 0), pendingCount: Number(row.pendingCount ?? 0) });

function registrationOf<T extends Time>(row: Row, time: TimeOf<T>): RegistrationView<T> | null {
  if (row.r_id === null || row.r_id === undefined) return null;
  return {
    id: Number(row.r_id),
    activityId: Number(row.r_activityId),
    userId: Number(row.r_userId),
    status: row.r_status as RegistrationStatus,
    answers: sqlJson<FormAnswers>(row.r_answers as string),
    queuedAt: time(row.r_queuedAt as Date | string),
    attendance: row.r_attendance as AttendanceStatus,
    leaveReason: row.r_leaveReason as string | null,
    rejectReason: row.r_rejectReason as string | null,
    checkedInAt: time(row.r_checkedInAt as Date | string | null),
    reviewedBy: sqlInt(row.r_reviewedBy as number | null),
    createdAt: time(row.r_createdAt as Date | string),
    updatedAt: time(row.r_updatedAt as Date | string),
  };
}

function withMine<T extends Time>(row: Row, time: TimeOf<T>): ActivityWithMine<T> {
  const mine = registrationOf(row, time);
  const ahead = row.r_ahead;
  // Built whole rather than spread over activityRead's object: one object per row on the hot read.
  return {
    activity: activityView(row, time),
    orgName: orgNameOf(row),
    counts: countsOf(row),
    mine,
    position: mine?.status === 'WAITLISTED' && ahead !== null && ahead !== undefined ? Number(ahead) + 1 : null,
  };
}
