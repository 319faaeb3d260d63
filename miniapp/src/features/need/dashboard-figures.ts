import type { DashboardFigures } from '@torch-red/shared';

export type DashboardCount = Exclude<keyof DashboardFigures, 'avgHandlingHours' | 'satisfaction'>;

/**
 * Label, unit and the one-line definition (ⓘ) of each counted figure of 数据看板, as the server counts them
 * (server modules/dashboard; the fields of shared DashboardFigures). Kept with the board's subpackage, not in
 * shared/, so the weapp main package does not carry it.
 */
export const DASHBOARD_FIGURES: Record<DashboardCount, { label: string; unit: string; hint: string }> = {
  orgs: { label: '企业党组织', unit: '个', hint: '设在企业中的党组织（党委、党总支、党支部）个数' },
  chainEnterprises: { label: '链上企业', unit: '家', hint: '登记在产业链上的企业，与首页产业链图谱的企业数一致' },
  leaderEnterprises: { label: '链主企业', unit: '家', hint: '产业链上链主企业数' },
  coreEnterprises: { label: '核心企业', unit: '家', hint: '产业链上核心企业数' },
  memberEnterprises: { label: '成员企业', unit: '家', hint: '产业链上其余成员企业数' },
  enterprisesCovered: { label: '已建党组织企业', unit: '家', hint: '链上企业中已建立党组织的企业数（不超过链上企业数）' },
  partyMembers: { label: '党员', unit: '名', hint: '在链上企业工作的正式党员和预备党员' },
  activitiesPublished: { label: '已发布活动', unit: '场', hint: '已发布且未取消的活动，含尚未开始的' },
  activitiesHeld: { label: '已开展活动', unit: '场', hint: '已发布活动中已经开始或已有人签到的' },
  registrations: { label: '报名人次', unit: '人次', hint: '已发布活动中报名成功（已确认）的人次' },
  attendance: { label: '签到人次', unit: '人次', hint: '已发布活动中现场签到的人次' },
  studyParticipants: { label: '本周参与学习', unit: '人', hint: '本周获得学习积分的链上企业人员' },
  visits: { label: '指导员走访', unit: '次', hint: '党建指导员记录的走访次数（累计）' },
  needsRaised: { label: '企业吹哨', unit: '件', hint: '企业提出的需求（累计）' },
  needsResolved: { label: '办结需求', unit: '件', hint: '已办结或已关闭的需求' },
  needsOverdue: { label: '超期未办结', unit: '件', hint: '有承办部门超过办理期限仍未办结的需求' },
  ratedCount: { label: '评价', unit: '条', hint: '企业对办结需求的评价条数' },
};
