/** What the audit log's action and object names mean, in the words of the people who read it. */

/** Kinds of action (the part before the first dot): the 操作 filter offers these, each as `kind.`. */
export const AUDIT_ACTION_KINDS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'role.', label: '角色授权' },
  { value: 'user.', label: '人员' },
  { value: 'talk.', label: '月月谈' },
  { value: 'appeal.', label: '诉求答复' },
  { value: 'need.', label: '需求' },
  { value: 'activity.', label: '活动' },
  { value: 'brand.', label: '党建品牌' },
  { value: 'org.', label: '组织' },
  { value: 'study.', label: '理论学习' },
  { value: 'roster.', label: '花名册' },
  { value: 'onboarding.', label: '入组织与绑定' },
];

const ACTION_LABELS: Record<string, string> = {
  'role.grant': '授予角色',
  'role.revoke': '撤销角色',
  'user.create': '新建人员',
  'user.update': '修改人员',
  'user.membership': '调整组织关系',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.sessions-revoke': '强制下线',
  'talk.create': '新建月月谈',
  'talk.update': '修改月月谈',
  'talk.minutes': '发布会议纪要',
  'appeal.answer': '答复诉求',
  'need.from-appeal': '诉求转为需求',
  'need.export': '导出需求台账',
  'need.contact-reveal': '查看联系电话',
  'activity.create': '新建活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'activity.export': '导出报名名单',
  'activity.attendee.phone': '查看报名者电话',
  'brand.save': '保存品牌',
  'brand.submit': '提交品牌审核',
  'brand.approve': '品牌审核通过',
  'brand.return': '品牌退回修改',
  'brand.demo-point': '命名示范点',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'chain.create': '新建产业链',
  'chain.update': '修改产业链',
  'enterprise.create': '新建企业',
  'enterprise.update': '修改企业',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'instructor.enterprises': '分配指导企业',
  'roster.import': '导入花名册',
  'roster.export': '导出花名册',
  'roster.person.create': '花名册新增',
  'roster.person.update': '花名册修改',
  'roster.person.leave': '办理离开',
  'auth.password-change': '修改管理员密码',
};

export const AUDIT_ENTITY_TYPES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'user', label: '人员' },
  { value: 'talk', label: '月月谈' },
  { value: 'appeal', label: '诉求' },
  { value: 'need', label: '需求' },
  { value: 'activity', label: '活动' },
  { value: 'registration', label: '报名' },
  { value: 'brand', label: '党建品牌' },
  { value: 'pioneer-post', label: '先锋岗' },
  { value: 'org', label: '组织' },
  { value: 'chain', label: '产业链' },
  { value: 'enterprise', label: '企业' },
  { value: 'department', label: '部门' },
  { value: 'study_column', label: '学习栏目' },
  { value: 'study_lesson', label: '课程' },
  { value: 'study_question', label: '题目' },
  { value: 'study_paper', label: '试卷' },
  { value: 'roster', label: '花名册' },
  { value: 'join_request', label: '入组织申请' },
  { value: 'representation_request', label: '企业代表申请' },
  { value: 'admin-account', label: '管理员账号' },
];

const ENTITY_LABELS = new Map(AUDIT_ENTITY_TYPES.map((type) => [type.value, type.label]));

/** `role.grant` → 授予角色; an action without a label reads as itself. */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;
export const entityLabel = (entityType: string): string => ENTITY_LABELS.get(entityType) ?? entityType;
