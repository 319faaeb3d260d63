import { DEFAULT_MEETING_RULES, MEETING_KINDS, type MeetingKind, type MeetingRuleDto, type OrgType } from '@torch-red/shared';

/**
 * Which organisations are judged on the rules. The 支部工作条例 sets 三会一课, 主题党日 and 组织生活会 for 党支部,
 * so every BRANCH is judged by default. A 党委 or 党总支 has its own rhythm and is judged only when an admin has
 * set a required rule for it (e.g. an enterprise Party committee without branches that works as one).
 */
export const JUDGED_ORG_TYPES: readonly OrgType[] = ['BRANCH'];

/** An organisation's overrides, by kind. */
export type RuleOverrides = ReadonlyMap<MeetingKind, MeetingRuleDto>;

const DEFAULTS = new Map(DEFAULT_MEETING_RULES.map((r) => [r.kind, r]));

/** Every kind's rule for an organisation: its override, else the default; in MEETING_KINDS order. */
export function effectiveRules(overrides: RuleOverrides | undefined): MeetingRuleDto[] {
  return MEETING_KINDS.map((kind) => ({ ...(overrides?.get(kind) ?? DEFAULTS.get(kind)!) }));
}

const DEFAULT_REQUIRED: readonly MeetingRuleDto[] = DEFAULT_MEETING_RULES.filter((r) => r.required);

/** The kinds an organisation must hold, with their units, in MEETING_KINDS order. */
export function requiredRules(overrides: RuleOverrides | undefined): readonly MeetingRuleDto[] {
  return overrides ? effectiveRules(overrides).filter((r) => r.required) : DEFAULT_REQUIRED;
}

/** Whether an organisation is judged at all (see JUDGED_ORG_TYPES). */
export function isJudged(type: OrgType, overrides: RuleOverrides | undefined): boolean {
  if (JUDGED_ORG_TYPES.includes(type)) return true;
  return [...(overrides?.values() ?? [])].some((r) => r.required);
}

/** The default unit of a kind. */
export function defaultUnit(kind: MeetingKind): MeetingRuleDto['unit'] {
  return DEFAULTS.get(kind)!.unit;
}
