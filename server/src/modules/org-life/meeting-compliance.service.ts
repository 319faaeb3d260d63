import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_KINDS, type ComplianceResponse, type ComplianceRow, type ComplianceState, type MeetingCalendarResponse, type MeetingKind } from '@torch-red/shared';
import { DataSource } from 'typeorm';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../../database/keyset';
import { AccessPolicy } from '../access/access-policy.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { ComplianceExportQueryDto, ComplianceQueryDto } from './dto/org-life.dto';
import { combinedState, parsePeriod, periodKey, periodNumber, periodState, periodsOfYear, periodsOverlapping, type Period } from './meeting-period';
import { isJudged, requiredRules } from './meeting-rules';
import { MeetingRulesService } from './meeting-rules.service';
import { MeetingTally, NO_MEETINGS, tallyKey } from './meeting-tally';
import { MeetingEntity } from './meeting.entity';

/** Overdue first, then due, upcoming, done. */
const RANK: Record<ComplianceState, number> = { OVERDUE: 0, DUE: 1, UPCOMING: 2, DONE: 3 };
const KIND_INDEX = new Map(MEETING_KINDS.map((k, i) => [k, i]));

/** One org × kind of the table, before names are added. */
export interface JudgedRow {
  orgId: number;
  kind: MeetingKind;
  state: ComplianceState;
  meetingCount: number;
  lastMeetingAt: Date | null;
}

/** A stable position for the keyset cursor: (rank, orgId, kind) as two numbers. */
const positionOf = (r: JudgedRow): [number, number] => [RANK[r.state], r.orgId * 8 + KIND_INDEX.get(r.kind)! + 1];

/**
 * On-time compliance: for a month, quarter or year, every judged organisation in the caller's reach × every kind
 * it must hold, each DONE / DUE / OVERDUE / UPCOMING (see ComplianceQuery in shared for how a request is judged
 * on each kind's own periods). The figures come from one grouped query (MeetingTally); the tree, the rules and
 * the names are one query each.
 */
@Injectable()
export class MeetingComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly rules: MeetingRulesService,
    private readonly tally: MeetingTally,
    private readonly orgs: OrgDirectory,
  ) {}

  async compliance(user: AuthUser, q: ComplianceQueryDto): Promise<ComplianceResponse> {
    const { rows, orgs } = await this.judge(user, q);
    const totals = { orgs, done: 0, due: 0, overdue: 0 };
    for (const r of rows) {
      if (r.state === 'DONE') totals.done++;
      else if (r.state === 'DUE') totals.due++;
      else if (r.state === 'OVERDUE') totals.overdue++;
    }
    let shown = q.state ? rows.filter((r) => r.state === q.state) : rows;
    if (q.cursor) {
      const [rank, position] = decodeCursor(q.cursor, true) as [number | string, number];
      if (typeof rank !== 'number') throw new AppError('VALIDATION_FAILED', 'cursor 无效，请从第一页重新加载', [{ field: 'cursor', message: 'cursor 无效' }]);
      shown = shown.filter((r) => {
        const [rr, rp] = positionOf(r);
        return rr > rank || (rr === rank && rp > position);
      });
    }
    const page = shown.slice(0, q.limit);
    const nextCursor = shown.length > q.limit ? encodeCursor(positionOf(page[page.length - 1])) : null;
    return { period: q.period, totals, rows: { items: await this.named(page), nextCursor } };
  }

  /** Every row the filters select, in the table's order (the export). */
  async allRows(user: AuthUser, q: ComplianceExportQueryDto): Promise<ComplianceRow[]> {
    const { rows } = await this.judge(user, q);
    return this.named(q.state ? rows.filter((r) => r.state === q.state) : rows);
  }

  /** An organisation's year: each required kind's periods with their state and the records filed under them. */
  async calendar(user: AuthUser, orgId: number, year: number): Promise<MeetingCalendarResponse> {
    await this.policy.require(user, 'meeting.oversee', orgId);
    const now = this.clock.now();
    const records = await this.dataSource.getRepository(MeetingEntity).find({
      select: { id: true, kind: true, periodMonth: true, periodQuarter: true, periodYear: true },
      where: { orgId, status: 'ARCHIVED', periodYear: year },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const filed = (p: Period, kind: MeetingKind) =>
      records.filter((r) => r.kind === kind && (p.unit === 'MONTH' ? r.periodMonth : p.unit === 'QUARTER' ? r.periodQuarter : r.periodYear) === periodNumber(p)).map((r) => String(r.id));
    const rows = requiredRules((await this.rules.overrides([orgId])).get(orgId)).map((rule) => ({
      kind: rule.kind,
      unit: rule.unit,
      periods: periodsOfYear(year, rule.unit).map((p) => {
        const meetingIds = filed(p, rule.kind);
        return { period: periodKey(p), state: periodState(p, now, meetingIds.length), meetingIds };
      }),
    }));
    return { orgId: String(orgId), year, rows };
  }

  /** The judged rows in the table's order, and how many organisations were judged. */
  private async judge(user: AuthUser, q: ComplianceExportQueryDto): Promise<{ rows: JudgedRow[]; orgs: number }> {
    const request = parsePeriod(q.period);
    if (!request) throw new AppError('VALIDATION_FAILED', 'period 无效', [{ field: 'period', message: 'period 无效' }]);
    const tree = await this.policy.tree();
    let scope = user.isAdmin ? tree.ids() : tree.descendants(orgIdsWithRole(user, 'COMMITTEE'));
    if (q.chainId) {
      const chain = new Set(tree.orgsOfChain(Number(q.chainId)));
      scope = scope.filter((id) => chain.has(id));
    }
    const now = this.clock.now();
    const [overrides, tallies] = await Promise.all([this.rules.overrides(), this.tally.tally(request, now)]);
    const judged = scope.filter((id) => isJudged(tree.get(id)!.type, overrides.get(id))).sort((a, b) => a - b);
    const rows: JudgedRow[] = [];
    for (const orgId of judged) {
      for (const rule of requiredRules(overrides.get(orgId))) {
        if (q.kind && rule.kind !== q.kind) continue;
        const t = tallies.get(tallyKey(orgId, rule.kind)) ?? NO_MEETINGS;
        rows.push({ orgId, kind: rule.kind, state: combinedState(periodsOverlapping(request, rule.unit), now, t), meetingCount: t.meetings, lastMeetingAt: t.lastAt });
      }
    }
    rows.sort((a, b) => RANK[a.state] - RANK[b.state] || a.orgId - b.orgId || KIND_INDEX.get(a.kind)! - KIND_INDEX.get(b.kind)!);
    return { rows, orgs: judged.length };
  }

  /** Adds organisation and chain names (one query each). */
  private async named(rows: JudgedRow[]): Promise<ComplianceRow[]> {
    const tree = await this.policy.tree();
    const [orgs, chains] = await Promise.all([this.orgs.orgs(rows.map((r) => r.orgId)), this.orgs.chainsById(rows.map((r) => tree.chainOf(r.orgId)))]);
    return rows.map((r) => {
      const chainId = tree.chainOf(r.orgId);
      return {
        orgId: String(r.orgId),
        orgName: orgs.get(r.orgId)?.name ?? '',
        chainName: chainId === null ? null : (chains.get(chainId)?.name ?? null),
        kind: r.kind,
        state: r.state,
        meetingCount: r.meetingCount,
        lastMeetingAt: r.lastMeetingAt ? r.lastMeetingAt.toISOString() : null,
      };
    });
  }
}
