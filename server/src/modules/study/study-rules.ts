import { DEFAULT_POINT_RULES, type PointRule, type PointRuleConfig } from '@torch-red/shared';

export const STUDY_RULES = Symbol('STUDY_RULES');
export type StudyRules = Record<PointRule, PointRuleConfig>;

/** Rules from STUDY_POINT_CAPS, e.g. "LESSON_READ=6,STUDY_TIME=8" (empty = the 学习强国-style defaults). */
export function loadStudyRules(env: string | undefined): StudyRules {
  const rules: StudyRules = structuredClone(DEFAULT_POINT_RULES);
  for (const part of (env ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!(name in rules)) throw new Error(`STUDY_POINT_CAPS: unknown rule ${name}`);
    const cap = value === 'none' ? null : Number(value);
    if (cap !== null && (!Number.isInteger(cap) || cap < 0)) throw new Error(`STUDY_POINT_CAPS: bad cap for ${name}`);
    rules[name as PointRule].dailyCap = cap;
  }
  return rules;
}
