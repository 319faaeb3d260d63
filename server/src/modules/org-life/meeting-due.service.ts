import { Injectable } from '@nestjs/common';
import { MEETING_PERIOD_UNITS, type MeetingKind, type MeetingPeriodUnit } from '@torch-red/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { monthMask, periodOf, type Period } from './meeting-period';
import { isJudged, requiredRules } from './meeting-rules';
import { MeetingRulesService } from './meeting-rules.service';
import { MeetingTally, tallyKey } from './meeting-tally';

/** One required meeting an organisation has not yet held (no archived record) in a period. */
export interface DueMeeting {
  orgId: number;
  kind: MeetingKind;
  period: Period;
}

/** The running period of every unit at `now` (all inside one calendar year). */
export function runningPeriods(now: Date): Map<MeetingPeriodUnit, Period> {
  return new Map(MEETING_PERIOD_UNITS.map((unit) => [unit, periodOf(now, unit)]));
}

/**
 * Which required meetings are still missing: for every open, judged organisation (of `orgIds`, or all) and every
 * kind it must hold whose unit has a period in `periods`, the ones without an archived record in that period.
 * Shared by the "still missing" reminder (periods in their last days) and the secretaries' 待办 (running periods).
 * Three queries however many organisations: the tree (cached), the rule overrides and the year's tally.
 */
@Injectable()
export class MeetingDue {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly rules: MeetingRulesService,
    private readonly tally: MeetingTally,
  ) {}

  async missing(periods: Map<MeetingPeriodUnit, Period>, orgIds?: number[]): Promise<DueMeeting[]> {
    const first = periods.values().next().value;
    if (!first || orgIds?.length === 0) return [];
    const tree = await this.policy.tree();
    const scope = (orgIds ?? tree.ids()).filter((id) => tree.isOpen(id));
    const [overrides, recorded] = await Promise.all([this.rules.overrides(), this.tally.recordedMonths(first.year)]);
    const due: DueMeeting[] = [];
    for (const orgId of scope) {
      if (!isJudged(tree.get(orgId)!.type, overrides.get(orgId))) continue;
      for (const rule of requiredRules(overrides.get(orgId))) {
        const period = periods.get(rule.unit);
        if (!period || ((recorded.get(tallyKey(orgId, rule.kind)) ?? 0) & monthMask(period)) !== 0) continue;
        due.push({ orgId, kind: rule.kind, period });
      }
    }
    return due;
  }
}
