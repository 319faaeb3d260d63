import {
  PARTY_POST_LABELS,
  POLITICAL_STATUS_LABELS,
  ROSTER_COLUMNS,
  type ImportRowError,
  type OrgType,
  type PartyPost,
  type PoliticalStatus,
  type RosterColumn,
} from '@torch-red/shared';

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9][0-9]{9}$/;

/** The earliest possible 入党日期: the Party's founding. */
const PARTY_FOUNDED = '1921-07-01';

const STATUS_BY_LABEL = new Map(Object.entries(POLITICAL_STATUS_LABELS).map(([k, v]) => [v, k as PoliticalStatus]));
const POST_BY_LABEL = new Map(Object.entries(PARTY_POST_LABELS).map(([k, v]) => [v, k as PartyPost]));

/** One valid roster line, ready to write. */
export interface RosterRow {
  row: number;
  name: string;
  phone: string;
  orgId: number;
  orgType: OrgType;
  enterpriseId: number | null;
  politicalStatus: PoliticalStatus;
  partyPost: PartyPost | null;
  partyJoinedAt: string | null;
}

/** What a row is checked against: names resolved once per import, not per row. */
export interface RosterLookups {
  orgsByName: Map<string, Array<{ id: number; type: OrgType }>>;
  enterprisesByName: Map<string, number[]>;
  /** Orgs the importer may put people in (roster.manage). */
  allowedOrgIds: Set<number>;
  /** YYYY-MM-DD in China: no 入党日期 after it. */
  today: string;
}

/** 138 0000 0001, 138-0000-0001, +86 13800000001 → 13800000001; anything else is returned as typed. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s-]/g, '');
  const national = compact.replace(/^(\+86|0086|86)(?=1[0-9]{10}$)/, '');
  return national;
}

/** A date typed or formatted as 2010-07-01, 2010/7/1, 2010.7.1 or 2010年7月1日; an ISO timestamp from a date cell. */
export function parseDay(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T00:00:00(?:\.000)?Z$/.exec(raw);
  const m = iso ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Checks one line of the roster (cells in ROSTER_COLUMNS order, already text). Every problem of the line is
 * reported, each with its column, so a secretary can fix a file in one pass.
 */
export function parseRosterRow(row: number, cells: readonly string[], lookups: RosterLookups): RosterRow | ImportRowError[] {
  const errors: ImportRowError[] = [];
  const fail = (column: RosterColumn, message: string) => errors.push({ row, column, message: `${column}：${message}` });
  const cell = (column: RosterColumn) => (cells[ROSTER_COLUMNS.indexOf(column)] ?? '').trim();

  const name = cell('姓名');
  if (!name) fail('姓名', '必填');
  else if ([...name].length > 100) fail('姓名', '最多 100 个字');

  const phone = normalizePhone(cell('手机号'));
  if (!phone) fail('手机号', '必填');
  else if (!MOBILE.test(phone)) fail('手机号', `“${phone}”不是 11 位中国大陆手机号`);

  let org: { id: number; type: OrgType } | undefined;
  const orgName = cell('所在党组织');
  if (!orgName) fail('所在党组织', '必填');
  else {
    const matches = lookups.orgsByName.get(orgName) ?? [];
    if (matches.length === 0) fail('所在党组织', `找不到“${orgName}”，请填写系统中党组织的全称`);
    else if (matches.length > 1) fail('所在党组织', `“${orgName}”对应多个党组织，请联系管理员`);
    else if (!lookups.allowedOrgIds.has(matches[0].id)) fail('所在党组织', `“${orgName}”不在您管理的范围内`);
    else org = matches[0];
  }

  const statusLabel = cell('政治面貌');
  const politicalStatus = STATUS_BY_LABEL.get(statusLabel);
  if (!statusLabel) fail('政治面貌', '必填');
  else if (!politicalStatus) fail('政治面貌', `应为 ${[...STATUS_BY_LABEL.keys()].join(' / ')} 之一`);

  let enterpriseId: number | null = null;
  const enterpriseName = cell('所在企业');
  if (enterpriseName) {
    const matches = lookups.enterprisesByName.get(enterpriseName) ?? [];
    if (matches.length === 0) fail('所在企业', `找不到企业“${enterpriseName}”`);
    else if (matches.length > 1) fail('所在企业', `“${enterpriseName}”对应多家企业，请联系管理员`);
    else enterpriseId = matches[0];
  }

  let partyPost: PartyPost | null = null;
  const postLabel = cell('党内职务');
  if (postLabel) {
    const post = POST_BY_LABEL.get(postLabel);
    if (!post) fail('党内职务', `应为 ${[...POST_BY_LABEL.keys()].join(' / ')} 之一，或留空`);
    else if (politicalStatus && politicalStatus !== 'FULL_MEMBER' && politicalStatus !== 'PROBATIONARY_MEMBER') {
      fail('党内职务', `${POLITICAL_STATUS_LABELS[politicalStatus]}不能担任党内职务，请留空`);
    } else partyPost = post;
  }

  let partyJoinedAt: string | null = null;
  const joined = cell('入党日期');
  if (joined) {
    const day = parseDay(joined);
    if (!day) fail('入党日期', `“${joined}”不是有效日期，请写成 2010-07-01`);
    else if (day < PARTY_FOUNDED || day > lookups.today) fail('入党日期', `${day} 不在 ${PARTY_FOUNDED} 到今天之间`);
    else partyJoinedAt = day;
  }

  if (errors.length || !org || !politicalStatus) return errors;
  return { row, name, phone, orgId: org.id, orgType: org.type, enterpriseId, politicalStatus, partyPost, partyJoinedAt };
}
