import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_KINDS, MEETING_PERIOD_UNITS, type ComplianceResponse, type ComplianceRow, type ComplianceState, type MeetingCalendarResponse, type MeetingKind, type MeetingPeriodUnit } from '@torch-red/shared';
import { DataSource } from 'typeorm';
import { orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../../database/keyset';
import { AccessPolicy } from '../access/access-policy.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { OrgTree } from '../org/org-tree';
import type { ComplianceExportQueryDto, ComplianceQueryDto } from './dto/org-life.dto';
import { maskJudge, parsePeriod, periodKey, periodNumber, periodState, periodsOfYear, periodsOverlapping, type Period } from './meeting-period';
import { isJudged, requiredRules } from './meeting-rules';
import { MeetingRulesService } from './meeting-rules.service';
import { countIn, MeetingTally, tallyKey } from './meeting-tally';
import { MeetingEntity } from './meeting.entity';

/** Overdue first, then due, upcoming, done. */
const ORDER: readonly ComplianceState[] = ['OVERDUE', 'DUE', 'UPCOMING', 'DONE'];
const RANK = Object.fromEntries(ORDER.map((state, i) => [state, i])) as Record<ComplianceState, number>;
const KIND_INDEX = new Map(MEETING_KINDS.map((k, i) => [k, i]));

/** One org × kind of the table, before counts and names are added. */
interface JudgedRow {
  orgId: number;
  kind: MeetingKind;
  unit: MeetingPeriodUnit;
  state: ComplianceState;
}

/** A stable position for the keyset cursor: (rank, orgId, kind) as two numbers. */
const positionOf = (r: JudgedRow): [number, number] => [RANK[r.state], r.orgId * 8 + KIND_INDEX.get(r.kind)! + 1];

/**
 * On-time compliance: for a month, quarter or year, every judged organisation in the caller's reach × every kind
 * it must hold, each DONE / DUE / OVERDUE / UPCOMING (see ComplianceQuery in shared for how a request is judged
 * on each kind's own periods). The states come from one grouped query over all organisations (MeetingTally);
 * counts and names are read for the rows shown only; the tree and the rules are one query each.
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
    const { rows, orgs, request, tree } = await this.judge(user, q);
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
    return { period: q.period, totals, rows: { items: await this.completed(page, request, tree), nextCursor } };
  }

  /** Every row the filters select, in the table's order (the export). */
  async allRows(user: AuthUser, q: ComplianceExportQueryDto): Promise<ComplianceRow[]> {
    const { rows, request, tree } = await this.judge(user, q);
    return this.completed(q.state ? rows.filter((r) => r.state === q.state) : rows, request, tree);
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
  private async judge(user: AuthUser, q: ComplianceExportQueryDto): Promise<{ rows: JudgedRow[]; orgs: number; request: Period; tree: OrgTree }> {
    const request = parsePeriod(q.period);
    if (!request) throw new AppError('VALIDATION_FAILED', 'period 无效', [{ field: 'period', message: 'period 无效' }]);
    const tree = await this.policy.tree(user);
    // Closed orgs are no longer judged (their archived records stay readable).
    let scope = user.isAdmin ? tree.openIds() : tree.descendants(orgIdsWithRole(user, 'COMMITTEE')).filter((id) => tree.isOpen(id));
    if (q.chainId) {
      const chain = new Set(tree.orgsOfChain(Number(q.chainId)));
      scope = scope.filter((id) => chain.has(id));
    }
    const now = this.clock.now();
    const [overrides, recorded] = await Promise.all([this.rules.overrides(), this.tally.recordedMonths(request.year)]);
    const judged = scope.filter((id) => isJudged(tree.get(id)!.type, overrides.get(id))).sort((a, b) => a - b);
    // Each unit's periods are judged once; rows go straight into their state's bucket, already in org and kind order.
    const judges = new Map(MEETING_PERIOD_UNITS.map((u) => [u, maskJudge(periodsOverlapping(request, u), now)]));
    const buckets = new Map(ORDER.map((state) => [state, [] as JudgedRow[]]));
    for (const orgId of judged) {
      for (const rule of requiredRules(overrides.get(orgId))) {
        if (q.kind && rule.kind !== q.kind) continue;
        const state = judges.get(rule.unit)!(recorded.get(tallyKey(orgId, rule.kind)) ?? 0);
        buckets.get(state)!.push({ orgId, kind: rule.kind, unit: rule.unit, state });
      }
    }
    const rows = ORDER.flatMap((state) => buckets.get(state)!);
    return { rows, orgs: judged.length, request, tree };
  }

  /** Adds the counts of the periods judged, the organisation and chain names (one query each). */
  private async completed(rows: JudgedRow[], request: Period, tree: OrgTree): Promise<ComplianceRow[]> {
    const orgIds = rows.map((r) => r.orgId);
    const [monthly, orgs, chains] = await Promise.all([
      this.tally.monthly(request.year, orgIds),
      this.orgs.orgs(orgIds),
      this.orgs.chainsById(rows.map((r) => tree.chainOf(r.orgId))),
    ]);
    return rows.map((r) => {
      const chainId = tree.chainOf(r.orgId);
      const { count, lastAt } = countIn(monthly.get(tallyKey(r.orgId, r.kind)), periodsOverlapping(request, r.unit));
      return {
        orgId: String(r.orgId),
        orgName: orgs.get(r.orgId)?.name ?? '',
        chainName: chainId === null ? null : (chains.get(chainId)?.name ?? null),
        kind: r.kind,
        state: r.state,
        meetingCount: count,
        lastMeetingAt: lastAt ? lastAt.toISOString() : null,
      };
    });
  }
}
