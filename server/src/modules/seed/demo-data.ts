import type { ActivityType, ActivityVisibility, AssignmentStatus, ChainRole, FormField, MeetingAttendanceStatus, MeetingKind, NeedCategory, NeedStatus, NeedUrgency, PoliticalStatus, Role } from '@torch-red/shared';

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
  亿鑫化工: ['专精特新“小巨人”企业'],
  多维时空: ['专精特新“小巨人”企业', '国家级工业设计企业'],
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
  /** PUBLIC unless set: a branch's 主题党日 is for its own members. */
  visibility?: ActivityVisibility;
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
    visibility: 'ORG',
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
    visibility: 'CHAIN',
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

export interface DemoBrand {
  org: string;
  name: string;
  slogan: string;
  paragraphs: string[];
  honours: string[];
  demoPointYear: number | null;
  /** Named in the article; everything else is sample content. */
  fromArticle: boolean;
}

export const BRANDS: DemoBrand[] = [
  {
    org: '金祥寓党支部',
    name: '金祥寓党支部“三服一创两满意”',
    slogan: '服务企业、服务职工、服务社会，创新发展，职工满意、客户满意',
    paragraphs: [
      '“三服一创两满意”是金祥寓党支部在“火炬红”党建品牌创建中打造的支部品牌。（品牌内容为示例）',
      '支部把党员编入生产、研发和客户服务一线，围绕服务企业发展、服务职工成长、服务社会需求开展党员承诺践诺，以创新驱动提升产品竞争力。',
      '通过党员示范岗和技术攻关小组，企业获批省级创新型中小企业，职工和客户满意度持续提升。',
    ],
    honours: ['省级创新型中小企业'],
    demoPointYear: null,
    fromArticle: true,
  },
  {
    org: '明阳风电第一党支部',
    name: '明阳风电“链上红帆”',
    slogan: '党旗插在链上，先锋站在岗上',
    paragraphs: [
      '作为风电装备产业链的链长企业，明阳风电党支部发挥龙头带动作用，联合上下游企业党组织开展联建共建。（品牌内容为示例）',
      '支部在叶片装配、总装调试等关键工序设立党员先锋岗，组织党员技术骨干攻关，带动链上企业协同提质。',
    ],
    honours: [],
    demoPointYear: 2024,
    fromArticle: false,
  },
  {
    org: '多维时空党支部',
    name: '多维时空“数智先锋”',
    slogan: '以设计创新赋能产业升级',
    paragraphs: [
      '多维时空党支部把党员研发团队建在重点项目上，推动工业设计与智能制造深度融合。（品牌内容为示例）',
      '企业先后获评专精特新“小巨人”企业、国家级工业设计企业，支部被确定为产业链党建示范点。',
    ],
    honours: ['专精特新“小巨人”企业', '国家级工业设计企业'],
    demoPointYear: 2024,
    fromArticle: false,
  },
  {
    org: '亿鑫化工党支部',
    name: '亿鑫化工“红色引擎”',
    slogan: '安全生产零事故，攻坚克难争一流',
    paragraphs: [
      '亿鑫化工党支部围绕安全生产和技术改造设置党员责任区，党员带头破解原料供应、工艺优化等难题。（品牌内容为示例）',
    ],
    honours: ['专精特新“小巨人”企业'],
    demoPointYear: null,
    fromArticle: false,
  },
];

export interface DemoPost {
  org: string;
  name: string;
  kind: 'PIONEER_POST' | 'RESPONSIBILITY_AREA';
  enterprise: string;
  workshop: string;
  commitment: string;
  holders: string[];
  review?: { daysAgo: number; reviewer: string; note: string };
}

export const POSTS: DemoPost[] = [
  {
    org: '明阳风电第一党支部',
    name: '叶片装配党员先锋岗',
    kind: 'PIONEER_POST',
    enterprise: '明阳风电',
    workshop: '叶片装配车间',
    commitment: '质量零缺陷，交付不延误，技术难题党员先上。',
    holders: ['demo-member-zhangwei', 'demo-secretary-liuyang'],
    review: { daysAgo: 20, reviewer: 'demo-secretary-liuyang', note: '本季度承诺事项全部完成，叶片一次交检合格率 99.6%。（示例）' },
  },
  {
    org: '亿鑫化工党支部',
    name: '聚合反应区党员责任区',
    kind: 'RESPONSIBILITY_AREA',
    enterprise: '亿鑫化工',
    workshop: '聚合反应车间',
    commitment: '责任区内安全隐患当日发现当日整改。',
    holders: ['demo-secretary-chenjing'],
  },
];

export const TALK = {
  theme: '稳链强链与要素保障',
  description: '每月一期的企业家月月谈。本期围绕原料供应、手续办理、流动资金等要素保障问题，邀请承办部门现场听取诉求、当场答复或建立台账跟进。（示例场次）',
  location: '新兴产业党群服务中心 二楼会议室',
  inDays: 20,
  hour: 14,
  capacity: 30,
  departments: ['经济发展局', '营商环境建设监督局', '金融服务办公室'],
};

// ── Theory study (理论学习): sample columns, lessons, questions and a paper ───────

export const STUDY_SAMPLE_NOTE = '示例内容：本文为演示用的示例文章，由平台编写，供体验学习功能使用。';

export const STUDY_COLUMNS = [
  { name: '党的创新理论', description: '学习党的创新理论，用以指导产业发展实践。' },
  { name: '党章党规', description: '学党章、守党规，规范支部组织生活。' },
  { name: '产业政策', description: '解读专精特新、营商环境等与链上企业相关的政策。' },
  { name: '先进典型', description: '产业链党建和党员先锋的身边故事。' },
];

export interface DemoLesson {
  column: string;
  title: string;
  summary: string;
  minutes: number;
  paragraphs: Array<string | { heading: string }>;
}

export const STUDY_LESSONS: DemoLesson[] = [
  {
    column: '党的创新理论',
    title: '以新发展理念引领链上企业高质量发展',
    summary: '创新、协调、绿色、开放、共享，对一条产业链意味着什么。（示例内容）',
    minutes: 6,
    paragraphs: [
      '高质量发展是全面建设社会主义现代化国家的首要任务。对高新区的链上企业来说，新发展理念不是抽象的口号，而是每天都要回答的经营问题：技术从哪里来，上下游怎么配合，排放怎么降下来，市场怎么打开，发展成果怎么让职工共享。',
      { heading: '创新：把研发放在链上看' },
      '一家企业单打独斗搞研发，往往投入大、周期长。产业链上的企业如果能围绕共性技术难题组建攻关小组，链主企业出题目、配套企业出方案、高校院所出人才，创新的成本就能分摊，成果也能在链上率先应用。',
      { heading: '协调与开放：让上下游“同频共振”' },
      '原料供应、物流配送、检测认证，任何一个环节掉链子，整条链都会受影响。党组织在企业之间搭起沟通平台，定期交流生产计划和用工需求，能让上下游提前协调，减少“断供”“压库”的损失。',
      { heading: '绿色与共享：发展的底色和温度' },
      '绿色化改造既是责任，也是竞争力；关心职工成长、开展心理关爱和技能培训，让职工共享企业发展成果，才能把人心凝聚在产业链上。',
    ],
  },
  {
    column: '党章党规',
    title: '党支部“三会一课”怎么开出实效',
    summary: '支部党员大会、支部委员会、党小组会和党课的基本要求与常见问题。（示例内容）',
    minutes: 5,
    paragraphs: [
      '“三会一课”是党的组织生活的基本制度，包括定期召开支部党员大会、支部委员会会议、党小组会，按时上好党课。按照《中国共产党支部工作条例（试行）》，党员大会一般每季度召开 1 次，支部委员会会议一般每月召开 1 次，党小组会一般每月召开 1 次，党课每季度至少 1 次。',
      { heading: '开会不是目的，解决问题才是' },
      '在非公企业，党员分散在不同班组、不同班次，集中开会难度大。一些支部把组织生活与生产经营结合起来：围绕安全生产、质量攻关、降本增效设置议题，会上形成的措施由党员带头落实，下次会议通报进展。',
      { heading: '党课可以讲身边事' },
      '党课不一定都由书记讲。请技术骨干讲一次攻关经历，请老党员讲一次入党初心，请职能部门讲一项惠企政策，都能让党课更接地气。',
      '组织生活要如实记录，会议记录、学习材料和党员参加情况应当及时归档，做到有据可查。',
    ],
  },
  {
    column: '产业政策',
    title: '读懂“专精特新”：中小企业的成长阶梯',
    summary: '专业化、精细化、特色化、新颖化，以及优质中小企业的梯度培育。（示例内容）',
    minutes: 8,
    paragraphs: [
      '“专精特新”是指中小企业具备专业化、精细化、特色化、新颖化的发展特征。这样的企业通常深耕产业链某一环节，主营业务突出，在细分市场上有较强的竞争力，是强链补链的重要力量。',
      { heading: '三级梯度：一步一个台阶' },
      '优质中小企业梯度培育体系由创新型中小企业、专精特新中小企业和专精特新“小巨人”企业三个层次组成。创新型中小企业是基础，专精特新中小企业是中坚，“小巨人”企业是其中的佼佼者。企业可以对照评价指标，逐级培育、逐级申报。',
      { heading: '企业可以从哪里入手' },
      '一是持续投入研发，积累专利、标准等创新成果；二是专注主业，把一个零部件、一道工艺做到行业领先；三是练好管理内功，推进数字化改造和质量管理体系建设；四是主动融入链主企业的配套体系，在协作中提升能力。',
      '企业党组织可以发挥作用：组织党员技术骨干领衔攻关项目，帮助企业梳理申报材料，协调职能部门讲解政策，让政策红利真正落到企业身上。',
    ],
  },
  {
    column: '产业政策',
    title: '优化营商环境：把企业的难处当成自己的事',
    summary: '从《优化营商环境条例》到政企座谈会，营商环境怎样落到实处。（示例内容）',
    minutes: 6,
    paragraphs: [
      '《优化营商环境条例》自 2020 年 1 月 1 日起施行，明确优化营商环境应当坚持市场化、法治化、国际化原则，以市场主体需求为导向，为各类市场主体投资兴业营造稳定、公平、透明、可预期的良好环境。',
      { heading: '少跑腿、好办事' },
      '推行政务服务“一网通办”，减少证明事项和办理环节，没有法律法规依据的不得要求企业提供证明材料。对企业来说，营商环境好不好，最直接的感受就是办事快不快、规则清不清楚、诉求有没有人管。',
      { heading: '政企座谈：面对面解难题' },
      '产业党委定期组织“发展纾难 共谋未来”政企座谈会，邀请经济发展、营商环境、税务、司法等职能部门与链上企业面对面交流。企业提出的原料供应、手续办理、流动资金等问题逐一登记，明确责任部门和办结时限，办理结果在下一次座谈会上反馈。',
      '党员干部要把企业的难处当成自己的事，既当好“店小二”，又守住廉洁底线，做到亲而有度、清而有为。',
    ],
  },
  {
    column: '先进典型',
    title: '把支部建在产业链上：风电装备产业链党建见闻',
    summary: '链主企业带动、上下游联建，党建链串起产业链。（示例内容）',
    minutes: 7,
    paragraphs: [
      '风电装备产业链上，有整机制造的链主企业，也有叶片、塔筒、齿轮箱、运维服务等配套企业。过去，各家企业党组织各自开展活动，彼此交流不多；产业链党委成立后，链上企业党组织结成联建共同体，以党建链串联产业链。',
      { heading: '链主带动：一起出题、一起攻关' },
      '链主企业党委牵头成立党员攻关小组，把叶片轻量化、塔筒防腐等难题列成清单，配套企业的党员技术骨干揭榜参与。攻关成果先在链上试用，配套企业的产品也更快进入链主企业的采购体系。',
      { heading: '资源共享：让小企业也有平台' },
      '链上小企业党员少、活动阵地少。联建后，党群服务中心向链上企业开放，主题党日、技能培训、心理课堂可以联合举办，小企业的职工也能享受到同样的服务。',
      '产业链党建的关键，在于把组织优势转化为发展优势：党组织搭台，企业唱戏，职工受益。（本文人物和细节为示例）',
    ],
  },
];

export interface DemoQuestion {
  type: 'SINGLE' | 'MULTIPLE' | 'JUDGE';
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

const JUDGE = ['正确', '错误'];

const STUDY_QUESTIONS_AS_WRITTEN: DemoQuestion[] = [
  { type: 'SINGLE', stem: '中国共产党的根本宗旨是什么？', options: ['全心全意为人民服务', '实现共产主义', '发展社会生产力', '建设社会主义现代化强国'], answer: [0], explanation: '党章总纲指出，党坚持全心全意为人民服务的根本宗旨。' },
  { type: 'SINGLE', stem: '党的最高理想和最终目标是什么？', options: ['实现共产主义', '全面建成小康社会', '实现社会主义现代化', '消除贫困'], answer: [0], explanation: '党章总纲指出，党的最高理想和最终目标是实现共产主义。' },
  { type: 'SINGLE', stem: '企业、农村、机关等基层单位，凡是有正式党员几人以上的，都应当成立党的基层组织？', options: ['三人', '五人', '七人', '十人'], answer: [0], explanation: '党章规定，凡是有正式党员三人以上的，都应当成立党的基层组织。' },
  { type: 'SINGLE', stem: '预备党员的预备期为多长时间？', options: ['一年', '半年', '两年', '三个月'], answer: [0], explanation: '党章规定，预备党员的预备期为一年。' },
  { type: 'JUDGE', stem: '党员有权在党的会议上和党报党刊上，参加关于党的政策问题的讨论。', options: JUDGE, answer: [0], explanation: '这是党章规定的党员权利之一。' },
  { type: 'SINGLE', stem: '按照《中国共产党支部工作条例（试行）》，支部党员大会一般多久召开一次？', options: ['每季度 1 次', '每月 1 次', '每半年 1 次', '每年 1 次'], answer: [0], explanation: '支部工作条例规定，党员大会一般每季度召开 1 次。' },
  { type: 'SINGLE', stem: '党组织讨论决定问题，必须执行什么原则？', options: ['少数服从多数', '主要负责人决定', '协商一致', '上级指定'], answer: [0], explanation: '党章规定，党组织讨论决定问题，必须执行少数服从多数的原则。' },
  { type: 'MULTIPLE', stem: '“三会一课”包括哪些内容？', options: ['支部党员大会', '支部委员会会议', '党小组会', '党课', '职工代表大会'], answer: [0, 1, 2, 3], explanation: '“三会一课”指支部党员大会、支部委员会会议、党小组会和党课，职工代表大会不属于其中。' },
  { type: 'JUDGE', stem: '年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，可以申请加入中国共产党。', options: JUDGE, answer: [0], explanation: '党章第一条对申请入党的条件作了这样的规定。' },
  { type: 'SINGLE', stem: '党的纪律处分有几种？', options: ['五种', '三种', '四种', '六种'], answer: [0], explanation: '党章规定的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。' },
  { type: 'MULTIPLE', stem: '下列属于党的纪律处分的有哪些？', options: ['警告', '严重警告', '撤销党内职务', '留党察看', '罚款'], answer: [0, 1, 2, 3], explanation: '罚款不是党的纪律处分；五种处分是警告、严重警告、撤销党内职务、留党察看、开除党籍。' },
  { type: 'JUDGE', stem: '留党察看最长不超过三年。', options: JUDGE, answer: [1], explanation: '党章规定，留党察看最长不超过两年。' },
  { type: 'SINGLE', stem: '“专精特新”中的“特”指的是什么？', options: ['特色化', '特殊化', '特许经营', '特大型'], answer: [0], explanation: '“专精特新”指专业化、精细化、特色化、新颖化。' },
  { type: 'MULTIPLE', stem: '“专精特新”指中小企业具备哪些发展特征？', options: ['专业化', '精细化', '特色化', '新颖化', '规模化'], answer: [0, 1, 2, 3], explanation: '“专精特新”是专业化、精细化、特色化、新颖化，并不强调规模化。' },
  { type: 'JUDGE', stem: '在优质中小企业梯度培育体系中，创新型中小企业处于最高层次。', options: JUDGE, answer: [1], explanation: '梯度培育体系中，专精特新“小巨人”企业处于最高层次，创新型中小企业是基础。' },
  { type: 'SINGLE', stem: '优质中小企业梯度培育体系中，处于基础层次的是哪一类企业？', options: ['创新型中小企业', '专精特新中小企业', '专精特新“小巨人”企业', '上市公司'], answer: [0], explanation: '梯度培育体系由创新型中小企业、专精特新中小企业、专精特新“小巨人”企业组成，创新型中小企业是基础。' },
  { type: 'JUDGE', stem: '专精特新企业一般深耕产业链的某一环节，主营业务突出。', options: JUDGE, answer: [0], explanation: '专业化是专精特新企业的首要特征，它们通常在细分领域做深做精。' },
  { type: 'SINGLE', stem: '专精特新企业的核心竞争力主要来自哪里？', options: ['创新能力', '广告投放', '低价竞争', '规模扩张'], answer: [0], explanation: '专精特新企业靠持续研发和技术积累在细分市场取得优势，创新能力是核心。' },
  { type: 'SINGLE', stem: '《优化营商环境条例》自哪一年起施行？', options: ['2020 年', '2018 年', '2019 年', '2021 年'], answer: [0], explanation: '《优化营商环境条例》自 2020 年 1 月 1 日起施行。' },
  { type: 'MULTIPLE', stem: '《优化营商环境条例》规定，优化营商环境应当坚持哪些原则？', options: ['市场化', '法治化', '国际化', '行政化'], answer: [0, 1, 2], explanation: '条例规定优化营商环境应当坚持市场化、法治化、国际化原则。' },
  { type: 'JUDGE', stem: '国家依法保护各类市场主体，保障各种所有制经济平等受到法律保护。', options: JUDGE, answer: [0], explanation: '条例强调平等保护各类市场主体的合法权益。' },
  { type: 'SINGLE', stem: '推行政务服务“一网通办”的主要目的是什么？', options: ['让企业和群众少跑腿、好办事', '增加审批环节', '提高服务收费', '减少服务事项'], answer: [0], explanation: '“一网通办”依托政务服务平台，让数据多跑路、群众和企业少跑腿。' },
  { type: 'JUDGE', stem: '没有法律法规依据，政府部门也可以要求企业提供各类证明材料。', options: JUDGE, answer: [1], explanation: '优化营商环境要求减少证明事项，没有法律法规依据的证明不得要求企业提供。' },
  { type: 'MULTIPLE', stem: '政企座谈会上，职能部门可以收集企业哪些方面的困难和诉求？', options: ['原料供应', '手续办理', '流动资金', '人才引进'], answer: [0, 1, 2, 3], explanation: '座谈会面向企业实际困难，原料、手续、资金、人才等都是常见议题。' },
  { type: 'SINGLE', stem: '构建亲清政商关系，要求党员干部做到什么？', options: ['亲而有度、清而有为', '只亲不清', '只清不为', '与企业保持距离、不打交道'], answer: [0], explanation: '亲清政商关系既要真心实意服务企业，又要守住廉洁底线。' },
  { type: 'SINGLE', stem: '产业链党建的基本思路是什么？', options: ['把党组织建在产业链上，以党建链串联产业链', '把链上企业合并为一家', '由政府直接经营企业', '取消企业党组织'], answer: [0], explanation: '产业链党建以产业链为纽带设置和联建党组织，把组织优势转化为发展优势。' },
  { type: 'JUDGE', stem: '产业链党建可以由“链主”企业党组织带动上下游企业党组织共同开展工作。', options: JUDGE, answer: [0], explanation: '链主企业在产业链中处于主导地位，其党组织可以牵头联建。' },
  { type: 'MULTIPLE', stem: '产业链党建可以推动链上企业在哪些方面协同？', options: ['技术攻关', '人才交流', '市场开拓', '资源共享'], answer: [0, 1, 2, 3], explanation: '联建共同体可以在攻关、人才、市场和阵地资源等方面协同。' },
  { type: 'SINGLE', stem: '在产业链中处于主导地位、带动上下游发展的龙头企业通常被称为什么？', options: ['链主企业', '配套企业', '孵化企业', '中介机构'], answer: [0], explanation: '链主企业是产业链的龙头，对上下游有较强的带动作用。' },
  { type: 'JUDGE', stem: '产业链党建只能在同一家企业内部开展。', options: JUDGE, answer: [1], explanation: '产业链党建恰恰是跨企业的，把上下游企业党组织联结起来。' },
  { type: 'SINGLE', stem: '新发展理念包括哪五个方面？', options: ['创新、协调、绿色、开放、共享', '创新、改革、绿色、开放、共享', '协调、发展、绿色、开放、共享', '创新、协调、生态、开放、共赢'], answer: [0], explanation: '新发展理念是创新、协调、绿色、开放、共享的发展理念。' },
  { type: 'JUDGE', stem: '高质量发展是全面建设社会主义现代化国家的首要任务。', options: JUDGE, answer: [0], explanation: '党的二十大报告指出，高质量发展是全面建设社会主义现代化国家的首要任务。' },
  { type: 'MULTIPLE', stem: '下列属于中国式现代化特征的有哪些？', options: ['人口规模巨大的现代化', '全体人民共同富裕的现代化', '人与自然和谐共生的现代化', '走和平发展道路的现代化', '以资本为中心的现代化'], answer: [0, 1, 2, 3], explanation: '中国式现代化以人民为中心，而不是以资本为中心。' },
  { type: 'SINGLE', stem: '发展新质生产力的核心要素是什么？', options: ['科技创新', '扩大投资', '增加劳动力', '降低价格'], answer: [0], explanation: '科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。' },
];

/**
 * The bank as seeded: written with the key first for easy review, then each choice question's options rotated by its
 * position so the keys spread over A–E (a paper of "all A" must not pass). Judge questions keep 正确 / 错误.
 */
export const STUDY_QUESTIONS: DemoQuestion[] = STUDY_QUESTIONS_AS_WRITTEN.map((q, i) => rotateOptions(q, q.type === 'JUDGE' ? 0 : i % q.options.length));

export function rotateOptions(q: DemoQuestion, by: number): DemoQuestion {
  const n = q.options.length;
  const options = q.options.map((_, k) => q.options[(k - by + n) % n]);
  return { ...q, options, answer: q.answer.map((a) => (a + by) % n).sort((x, y) => x - y) };
}

export const STUDY_PAPER = {
  title: '产业政策与党章党规专题测试（示例）',
  description: '从题库随机抽取 10 题，限时 15 分钟，60 分及格，可作答 3 次。（示例内容）',
  drawCount: 10,
  timeLimitMinutes: 15,
  passScore: 60,
  maxAttempts: 3,
};

// ── Needs ledger (企业吹哨、部门报到) and instructor visits: samples, labelled 示例 ─────────

export const NEED_SAMPLE_NOTE = '（示例需求，供体验台账流程使用）';

export interface DemoNeed {
  enterprise: string;
  raiser: string;
  category: NeedCategory;
  urgency: NeedUrgency;
  title: string;
  description: string;
  status: NeedStatus;
  daysAgo: number;
  /** Who dispatched or answered (committee staff, else the admin). */
  committeeActor: string;
  assignments: Array<{ department: string; status: AssignmentStatus; deadlineInDays: number; answer?: string; returnReason?: string }>;
  answer?: string;
  rating?: { stars: number; comment: string };
  /** Raised by the instructor on this visit (index into VISITS). */
  visit?: number;
}

export const NEEDS: DemoNeed[] = [
  {
    enterprise: '亿鑫化工',
    raiser: 'demo-entrepreneur-wangjun',
    category: 'RAW_MATERIALS',
    urgency: 'URGENT',
    title: '丙烯原料供应不稳定',
    description: '上游装置检修，近两个月丙烯到货量减少约三成，希望协调园区内上游企业稳定供应。',
    status: 'IN_PROGRESS',
    daysAgo: 6,
    committeeActor: 'demo-admin-xuhong',
    assignments: [{ department: '经济发展局', status: 'ACCEPTED', deadlineInDays: 4 }],
  },
  {
    enterprise: '亿鑫化工',
    raiser: 'demo-entrepreneur-wangjun',
    category: 'PERMITS',
    urgency: 'NORMAL',
    title: '新建罐区项目手续办理',
    description: '新建罐区项目需办理用地、环评、安评等多项手续，希望明确办理流程并压缩时限。',
    status: 'DISPATCHED',
    daysAgo: 9,
    committeeActor: 'demo-admin-xuhong',
    assignments: [
      { department: '营商环境建设监督局', status: 'PENDING', deadlineInDays: 3 },
      { department: '自然资源局', status: 'PENDING', deadlineInDays: -2 },
    ],
  },
  {
    enterprise: '亿鑫化工',
    raiser: 'demo-entrepreneur-wangjun',
    category: 'WORKING_CAPITAL',
    urgency: 'URGENT',
    title: '流动资金周转紧张',
    description: '原料价格上涨占用资金较多，希望对接银行办理流动资金贷款。',
    status: 'CLOSED',
    daysAgo: 20,
    committeeActor: 'demo-admin-xuhong',
    assignments: [{ department: '金融服务办公室', status: 'RESOLVED', deadlineInDays: -10, answer: '已组织两家银行上门对接，授信 1500 万元流动资金贷款已放款。' }],
    rating: { stars: 5, comment: '响应快，问题解决了。' },
  },
  {
    enterprise: '明阳风电',
    raiser: 'demo-secretary-liuyang',
    category: 'TALENT',
    urgency: 'NORMAL',
    title: '叶片工艺工程师招聘难',
    description: '叶片工艺方向工程师缺口 5 人，希望对接高校和人才政策。',
    status: 'SUBMITTED',
    daysAgo: 1,
    committeeActor: 'demo-committee-sunli',
    assignments: [],
  },
  {
    enterprise: '明阳风电',
    raiser: 'demo-member-zhangwei',
    category: 'POLICY',
    urgency: 'NORMAL',
    title: '研发费用加计扣除政策咨询',
    description: '想了解今年研发费用加计扣除的适用范围和申报时间。',
    status: 'RESOLVED',
    daysAgo: 4,
    committeeActor: 'demo-committee-sunli',
    assignments: [],
    answer: '已整理最新政策要点和申报时间表，税务局将在下周的政策宣讲会上现场解答。',
  },
  {
    enterprise: '多维时空',
    raiser: 'demo-member-lina',
    category: 'TECHNOLOGY',
    urgency: 'NORMAL',
    title: '对接高校开展数字孪生技术合作',
    description: '希望对接本地高校共建数字孪生联合实验室。',
    status: 'SUBMITTED',
    daysAgo: 3,
    committeeActor: 'demo-admin-xuhong',
    assignments: [{ department: '科技和工业信息化局', status: 'RETURNED', deadlineInDays: 5, returnReason: '涉及校企合作协议，建议改派人力资源和社会保障局牵头。' }],
  },
  {
    enterprise: '北风叶片',
    raiser: 'demo-instructor-zhoukai',
    category: 'OTHER',
    urgency: 'NORMAL',
    title: '厂区道路破损影响运输',
    description: '厂区东门外道路破损，大件运输车辆通行困难。',
    status: 'SUBMITTED',
    daysAgo: 2,
    committeeActor: 'demo-committee-sunli',
    assignments: [],
    visit: 1,
  },
];

export const INSTRUCTOR_ENTERPRISES: Record<string, string[]> = {
  'demo-instructor-zhoukai': ['亿鑫化工', '明阳风电', '多维时空', '北风叶片'],
};

export const VISITS = [
  {
    instructor: 'demo-instructor-zhoukai',
    enterprise: '亿鑫化工',
    daysAgo: 7,
    peopleMet: '王军（董事长）、陈静（党支部书记）',
    discussed: '了解企业生产经营和党支部“红色引擎”工程开展情况，听取原料供应、项目手续、流动资金三方面困难。（示例走访记录）',
  },
  {
    instructor: 'demo-instructor-zhoukai',
    enterprise: '北风叶片',
    daysAgo: 2,
    peopleMet: '生产副总、党员骨干 3 人',
    discussed: '走访生产车间，了解党员先锋岗设置情况；企业反映厂区外道路破损。（示例走访记录）',
  },
];

export interface DemoMeeting {
  org: string;
  kind: MeetingKind;
  /** Days before the seeding day, and the China-time hour it started. */
  daysAgo: number;
  hour: number;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  minutes: string;
  attendees: Array<{ openid: string; status: MeetingAttendanceStatus; reason?: string }>;
}

export const MEETING_SAMPLE_NOTE = '（示例记录，供体验组织生活功能使用）';

/**
 * A few archived 组织生活 records of the demo branches, so the pages are not empty. None is a 支部党员大会: every
 * branch shows that one as due this quarter.
 */
export const MEETINGS: DemoMeeting[] = [
  {
    org: '明阳风电第一党支部',
    kind: 'THEME_DAY',
    daysAgo: 20,
    hour: 9,
    place: '明阳风电 党员活动室',
    host: '刘洋',
    recorder: '张伟',
    topic: '主题党日：重温入党誓词，党员先锋岗亮诺践诺',
    minutes: '刘洋同志领誓，全体党员重温入党誓词；张伟同志汇报风机总装车间党员先锋岗践诺情况。',
    attendees: [
      { openid: 'demo-secretary-liuyang', status: 'PRESENT' },
      { openid: 'demo-member-zhangwei', status: 'PRESENT' },
      { openid: 'demo-member-wangfang', status: 'LEAVE', reason: '赴外地项目现场' },
    ],
  },
  {
    org: '明阳风电第一党支部',
    kind: 'BRANCH_COMMITTEE',
    daysAgo: 12,
    hour: 15,
    place: '明阳风电 三楼会议室',
    host: '刘洋',
    recorder: '张伟',
    topic: '研究支部下阶段党建与生产经营融合工作',
    minutes: '会议研究了“党建+安全生产”联创计划，确定由张伟同志牵头总装车间党员责任区。',
    attendees: [
      { openid: 'demo-secretary-liuyang', status: 'PRESENT' },
      { openid: 'demo-member-zhangwei', status: 'PRESENT' },
    ],
  },
  {
    org: '亿鑫化工党支部',
    kind: 'PARTY_LECTURE',
    daysAgo: 30,
    hour: 14,
    place: '亿鑫化工 培训中心',
    host: '陈静',
    recorder: '陈静',
    topic: '书记讲党课：以高质量党建引领安全生产',
    minutes: '陈静同志结合化工企业安全生产实际讲授专题党课，党员围绕岗位风险点开展交流。',
    attendees: [{ openid: 'demo-secretary-chenjing', status: 'PRESENT' }],
  },
  {
    org: '多维时空党支部',
    kind: 'THEME_DAY',
    daysAgo: 15,
    hour: 10,
    place: '多维时空 会议室',
    host: '李娜',
    recorder: '李娜',
    topic: '主题党日：学习党的创新理论，交流数字产业发展',
    minutes: '支部党员集中学习，并就数字孪生平台服务链上企业开展交流讨论。',
    attendees: [{ openid: 'demo-member-lina', status: 'PRESENT' }],
  },
];
