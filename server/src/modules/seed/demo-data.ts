import type { ActivityType, ChainRole, FormField, PoliticalStatus, Role } from '@torch-red/shared';

/**
 * Demo data from the source article (names it gives: 明阳风电, 思特科技, 亿鑫化工, 多维时空, 金祥寓,
 * the three leading industries, five committees and chains, fourteen departments). Everything the
 * article does not name — other enterprises, branches, people, phone numbers — is invented and
 * stored with isSample = true so the UI can label it 示例.
 */
export const WORKING_COMMITTEE = '大庆高新区党工委';

export interface DemoChain {
  committee: string;
  name: string;
  industry: string;
  leader: string;
  core: string[];
  members: string[];
}

/** Enterprises named in the article; all others are samples. */
export const ARTICLE_ENTERPRISES = new Set(['明阳风电', '思特科技', '亿鑫化工', '多维时空', '金祥寓']);

export const HONOURS: Record<string, string[]> = {
  亿鑫化工: ['专精特新"小巨人"企业'],
  多维时空: ['专精特新"小巨人"企业', '国家级工业设计企业'],
  金祥寓: ['省级创新型中小企业'],
};

export const CHAINS: DemoChain[] = [
  {
    committee: '石化产业党委',
    name: '绿色化工产业链',
    industry: '石化',
    leader: '庆化石化集团',
    core: ['亿鑫化工', '龙江精细化工', '北辰催化剂', '华油助剂'],
    members: ['庆源化工物流', '瑞丰塑业', '润通石化设备', '宏业化工检测', '德润环保科技', '恒泰包装材料', '鑫源管道工程', '安澜化工安全服务', '中拓仪表'],
  },
  {
    committee: '汽车产业党委',
    name: '汽车产业链',
    industry: '汽车',
    leader: '龙腾汽车制造',
    core: ['庆安汽车零部件', '北方车桥', '星驰电驱', '华冠汽车内饰'],
    members: ['精工冲压件', '恒力紧固件', '宏达汽车线束', '顺达汽车物流', '博远橡胶制品', '安驰汽车电子', '庆北模具', '联创汽车检测'],
  },
  {
    committee: '新能源产业党委',
    name: '风电装备产业链',
    industry: '新兴',
    leader: '明阳风电',
    core: ['北风叶片', '庆能塔筒', '华电运维服务', '瑞风齿轮箱'],
    members: ['远景钢构', '恒盛轴承', '新科复合材料', '庆北电气', '安泰吊装', '风驰物流', '宏远防腐工程', '鼎力螺栓', '绿能检测'],
  },
  {
    committee: '智能制造产业党委',
    name: '智能制造产业链',
    industry: '新兴',
    leader: '思特科技',
    core: ['多维时空', '智联工业软件', '精测仪器'],
    members: ['云启数据', '星图测绘', '快驰机器人', '华信电子', '博识教育科技', '创客工业设计', '数智云网', '庆科传感器'],
  },
  {
    committee: '新材料产业党委',
    name: '新材料产业链',
    industry: '新兴',
    leader: '华科新材料',
    core: ['金祥寓', '庆碳纤维', '北方新型建材'],
    members: ['鑫达高分子', '恒源涂料', '瑞科膜材料', '石墨烯应用研究院', '龙华保温材料', '新源粉体', '宏基复合管材', '华盛检测认证'],
  },
];

/** Party organisations inside enterprises: leaders get a 党委 with two branches; these core enterprises a branch. */
export const CORE_WITH_BRANCH = ['亿鑫化工', '龙江精细化工', '庆安汽车零部件', '北方车桥', '北风叶片', '多维时空', '智联工业软件', '金祥寓', '庆碳纤维'];

export const DEPARTMENTS = [
  '经济发展局',
  '营商环境建设监督局',
  '税务局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '科技和工业信息化局',
  '市场监督管理局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '应急管理局',
  '投资促进局',
  '金融服务办公室',
];

export interface DemoPersonSeed {
  openid: string;
  name: string;
  phone: string;
  org?: string;
  enterprise?: string;
  politicalStatus: PoliticalStatus;
  grants: Array<{ role: Role; org?: string; department?: string }>;
}

export const PEOPLE: DemoPersonSeed[] = [
  { openid: 'demo-member-zhangwei', name: '张伟', phone: '13800000001', org: '明阳风电第一党支部', enterprise: '明阳风电', politicalStatus: 'FULL_MEMBER', grants: [] },
  { openid: 'demo-member-lina', name: '李娜', phone: '13800000002', org: '多维时空党支部', enterprise: '多维时空', politicalStatus: 'PROBATIONARY_MEMBER', grants: [] },
  { openid: 'demo-member-wangfang', name: '王芳', phone: '13800000003', org: '明阳风电第一党支部', enterprise: '明阳风电', politicalStatus: 'ACTIVIST', grants: [] },
  {
    openid: 'demo-secretary-liuyang',
    name: '刘洋',
    phone: '13800000004',
    org: '明阳风电第一党支部',
    enterprise: '明阳风电',
    politicalStatus: 'FULL_MEMBER',
    grants: [{ role: 'SECRETARY', org: '明阳风电第一党支部' }],
  },
  {
    openid: 'demo-secretary-chenjing',
    name: '陈静',
    phone: '13800000005',
    org: '亿鑫化工党支部',
    enterprise: '亿鑫化工',
    politicalStatus: 'FULL_MEMBER',
    grants: [{ role: 'SECRETARY', org: '亿鑫化工党支部' }],
  },
  { openid: 'demo-entrepreneur-wangjun', name: '王军', phone: '13800000006', enterprise: '亿鑫化工', politicalStatus: 'MASSES', grants: [] },
  {
    openid: 'demo-committee-sunli',
    name: '孙丽',
    phone: '13800000007',
    politicalStatus: 'FULL_MEMBER',
    grants: [{ role: 'COMMITTEE', org: '新能源产业党委' }],
  },
  {
    openid: 'demo-department-zhaomin',
    name: '赵敏',
    phone: '13800000008',
    politicalStatus: 'FULL_MEMBER',
    grants: [{ role: 'DEPARTMENT', department: '经济发展局' }],
  },
  { openid: 'demo-instructor-zhoukai', name: '周凯', phone: '13800000009', politicalStatus: 'FULL_MEMBER', grants: [{ role: 'INSTRUCTOR' }] },
  { openid: 'demo-admin-xuhong', name: '许红', phone: '13800000010', politicalStatus: 'FULL_MEMBER', grants: [{ role: 'ADMIN' }] },
];

export function chainRoleOf(chain: DemoChain, enterprise: string): ChainRole {
  if (chain.leader === enterprise) return 'LEADER';
  return chain.core.includes(enterprise) ? 'CORE' : 'MEMBER';
}

export interface DemoActivity {
  title: string;
  type: ActivityType;
  org: string;
  createdBy: string;
  description: string;
  location: string;
  /** Days from the seeding day, and the China-time hour it starts at. */
  inDays: number;
  hour: number;
  hours: number;
  capacity: number | null;
  requiresApproval: boolean;
  formFields: FormField[];
}

/** The activities the article names (dates relative to the day of seeding; details are samples). */
export const ACTIVITIES: DemoActivity[] = [
  {
    title: '“发展纾难 共谋未来”政企对接座谈会',
    type: 'GOV_ENTERPRISE_FORUM',
    org: '新能源产业党委',
    createdBy: 'demo-committee-sunli',
    description: '邀请经济发展、营商环境、税务司法等职能部门与链上企业面对面座谈，现场收集企业在原料供应、手续办理、流动资金等方面的困难和诉求。（示例活动）',
    location: '新兴产业党群服务中心 一楼报告厅',
    inDays: 5,
    hour: 14,
    hours: 2.5,
    capacity: 60,
    requiresApproval: false,
    formFields: [
      { key: 'company', label: '企业名称', type: 'text', required: true },
      { key: 'position', label: '职务', type: 'text', required: false },
      { key: 'topics', label: '希望交流的议题', type: 'multiselect', required: false, options: ['原料供应', '手续办理', '流动资金', '人才引进', '技术合作'] },
    ],
  },
  {
    title: '心理成长小课堂：职场压力与情绪调适',
    type: 'PSYCH_CLASS',
    org: '明阳风电第一党支部',
    createdBy: 'demo-secretary-liuyang',
    description: '特邀心理咨询师讲授压力管理与情绪调适方法，欢迎链上企业职工参加。（示例活动）',
    location: '新兴产业党群服务中心 三楼活动室',
    inDays: 3,
    hour: 19,
    hours: 1.5,
    capacity: 30,
    requiresApproval: false,
    formFields: [{ key: 'mobile', label: '联系电话', type: 'phone', required: true }],
  },
  {
    title: '主题党日：重温入党誓词',
    type: 'THEME_PARTY_DAY',
    org: '明阳风电第一党支部',
    createdBy: 'demo-secretary-liuyang',
    description: '支部全体党员重温入党誓词，开展党员先锋岗亮诺践诺交流。（示例活动）',
    location: '明阳风电 党员活动室',
    inDays: 7,
    hour: 9,
    hours: 2,
    capacity: null,
    requiresApproval: false,
    formFields: [],
  },
  {
    title: '链上企业团建：绿色化工产业链趣味运动会',
    type: 'TEAM_BUILDING',
    org: '亿鑫化工党支部',
    createdBy: 'demo-secretary-chenjing',
    description: '上下游企业职工组队参加趣味运动项目，增进链上企业交流协作。（示例活动）',
    location: '高新区全民健身中心',
    inDays: 10,
    hour: 9,
    hours: 4,
    capacity: 40,
    requiresApproval: true,
    formFields: [{ key: 'size', label: '文化衫尺码', type: 'select', required: true, options: ['S', 'M', 'L', 'XL', 'XXL'] }],
  },
];
