import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_KINDS, type MeetingKind } from '@torch-red/shared';
import type { DataSource } from 'typeorm';
import { select, sqlInt } from '../../database/raw-sql';
import { sqlDate } from '../../database/sql-time';
import { monthSpan, type Period } from './meeting-period';

const KIND_INDEX = new Map(MEETING_KINDS.map((k, i) => [k, i]));

/** One number per (org, kind), for the maps below (cheaper than a string key over ten thousand rows). */
export const tallyKey = (orgId: number, kind: MeetingKind): number => orgId * 16 + KIND_INDEX.get(kind)!;

/** Archived records of one org and kind in one month. */
export interface MonthCount {
  month: number;
  count: number;
  lastAt: Date;
}

/**
 * The compliance figures straight from the archived records. `recordedMonths` is one grouped query over every
 * organisation at once (never a query per organisation), and answers little: per (org, kind) the months of the
 * year that have a record, as a bit mask — enough to judge every unit's periods, since months, quarters and
 * years nest inside the year. Counts and dates are read only for the organisations shown (`monthly`).
 */
@Injectable()
export class MeetingTally {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordedMonths(year: number): Promise<Map<number, number>> {
    // Bit n = month n + 1. MySQL has BIT_OR; in SQLite the sum of the distinct bits is the same number.
    const bit = '1 << (m.periodMonth - ?)';
    const mask = this.dataSource.options.type === 'mysql' ? `BIT_OR(${bit})` : `SUM(DISTINCT ${bit})`;
    const rows = await select<{ orgId: number | string; kind: MeetingKind; months: number | string }>(
      this.dataSource.manager,
      `SELECT m.orgId AS orgId, m.kind AS kind, ${mask} AS months FROM meetings m WHERE m.status = 'ARCHIVED' AND m.periodYear = ? GROUP BY m.orgId, m.kind`,
      [year * 100 + 1, year],
    );
    return new Map(rows.map((r) => [tallyKey(Number(r.orgId), r.kind), sqlInt(r.months) ?? 0]));
  }

  /** Per (org, kind): archived records per month of the year, for these organisations. One query. */
  async monthly(year: number, orgIds: number[]): Promise<Map<number, MonthCount[]>> {
    const result = new Map<number, MonthCount[]>();
    const unique = [...new Set(orgIds)];
    if (unique.length === 0) return result;
    const rows = await select<{ orgId: number | string; kind: MeetingKind; periodMonth: number | string; n: number | string; lastAt: Date | string }>(
      this.dataSource.manager,
      `SELECT m.orgId AS orgId, m.kind AS kind, m.periodMonth AS periodMonth, COUNT(*) AS n, MAX(m.startsAt) AS lastAt FROM meetings m
        WHERE m.status = 'ARCHIVED' AND m.periodYear = ? AND m.orgId IN (${unique.map(() => '?').join(', ')}) GROUP BY m.orgId, m.kind, m.periodMonth`,
      [year, ...unique],
    );
    for (const r of rows) {
      const key = tallyKey(Number(r.orgId), r.kind);
      const list = result.get(key) ?? [];
      list.push({ month: Number(r.periodMonth) % 100, count: sqlInt(r.n) ?? 0, lastAt: sqlDate(r.lastAt) });
      result.set(key, list);
    }
    return result;
  }
}

/** How many records fall in the periods (of one year), and the latest start among them. */
export function countIn(months: MonthCount[] | undefined, periods: Period[]): { count: number; lastAt: Date | null } {
  let count = 0;
  let lastAt: Date | null = null;
  for (const m of months ?? []) {
    if (!periods.some((p) => m.month >= monthSpan(p).first && m.month <= monthSpan(p).last)) continue;
    count += m.count;
    if (!lastAt || m.lastAt.getTime() > lastAt.getTime()) lastAt = m.lastAt;
  }
  return { count, lastAt };
}
