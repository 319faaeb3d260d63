import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_KINDS, MEETING_PERIOD_UNITS, type MeetingKind, type MeetingPeriodUnit } from '@torch-red/shared';
import type { DataSource } from 'typeorm';
import { select, sqlDate, sqlInt } from '../../database/raw-sql';
import { monthSpan, periodNumber, periodOf, periodsOverlapping, type Period, type PeriodTally } from './meeting-period';
import { defaultUnit } from './meeting-rules';

/** One organisation and kind over the periods judged for a request. */
export interface KindTally extends PeriodTally {
  lastAt: Date | null;
}

export const tallyKey = (orgId: number, kind: MeetingKind): string => `${orgId}:${kind}`;

/** A constant of the statement: a safe integer or an upper-case identifier from shared's enums, nothing else. */
function lit(value: number | string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) return `'${value}'`;
  throw new Error(`meeting tally: not a constant: ${String(value)}`);
}

/**
 * The compliance figures straight from the archived records, in one grouped query for every organisation at
 * once (never a query per organisation). Each record is judged on its (org, kind) unit — the org's override,
 * else the kind's default — and the request decides, per unit, which of that unit's periods count (those
 * overlapping it; all inside the request's year, which the index narrows to first).
 */
@Injectable()
export class MeetingTally {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tally(request: Period, now: Date): Promise<Map<string, KindTally>> {
    const unit = `COALESCE(r.unit, CASE m.kind ${MEETING_KINDS.map((k) => `WHEN ${lit(k)} THEN ${lit(defaultUnit(k))}`).join(' ')} END)`;
    const perUnit = (value: (u: MeetingPeriodUnit) => string) => `CASE ${unit} ${MEETING_PERIOD_UNITS.map((u) => `WHEN ${lit(u)} THEN ${value(u)}`).join(' ')} END`;
    const judged = (u: MeetingPeriodUnit) => periodsOverlapping(request, u);
    const column = { MONTH: 'm.periodMonth', QUARTER: 'm.periodQuarter', YEAR: 'm.periodYear' } as const;
    const period = perUnit((u) => column[u]);
    const current = perUnit((u) => lit(periodNumber(periodOf(now, u))));
    const from = perUnit((u) => lit(request.year * 100 + monthSpan(judged(u)[0]).first));
    const to = perUnit((u) => lit(request.year * 100 + monthSpan(judged(u).at(-1)!).last));
    const inRange = `m.periodMonth BETWEEN ${from} AND ${to}`;
    const sql = `SELECT m.orgId AS orgId, m.kind AS kind,
        SUM(CASE WHEN ${inRange} THEN 1 ELSE 0 END) AS meetings,
        MAX(CASE WHEN ${inRange} THEN m.startsAt END) AS lastAt,
        COUNT(DISTINCT CASE WHEN ${inRange} AND ${period} < ${current} THEN ${period} END) AS doneEnded,
        MAX(CASE WHEN ${inRange} AND ${period} = ${current} THEN 1 ELSE 0 END) AS doneCurrent
      FROM meetings m LEFT JOIN meeting_rules r ON r.orgId = m.orgId AND r.kind = m.kind
      WHERE m.status = 'ARCHIVED' AND m.periodYear = ?
      GROUP BY m.orgId, m.kind`;
    type Row = { orgId: number | string; kind: MeetingKind; meetings: number | string | null; lastAt: Date | string | null; doneEnded: number | string; doneCurrent: number | string | null };
    const rows = await select<Row>(this.dataSource.manager, sql, [request.year]);
    return new Map(
      rows.map((r) => [
        tallyKey(Number(r.orgId), r.kind),
        { meetings: sqlInt(r.meetings) ?? 0, lastAt: r.lastAt === null ? null : sqlDate(r.lastAt), doneEnded: sqlInt(r.doneEnded) ?? 0, doneCurrent: (sqlInt(r.doneCurrent) ?? 0) > 0 },
      ]),
    );
  }
}

export const NO_MEETINGS: KindTally = { meetings: 0, lastAt: null, doneEnded: 0, doneCurrent: false };
