/**
 * Error codes returned in `{ statusCode, code, message, details? }` bodies.
 * The server maps each code to an HTTP status; the messages are Chinese and
 * shown to people as is, so keep them short and actionable.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  BAD_JSON: '请求格式错误：请求体不是合法的 JSON',
  BAD_REQUEST: '请求格式错误，请检查后重试',
  BAD_MULTIPART: '上传的文件内容不完整或格式错误，请重新选择文件上传',
  URI_TOO_LONG: '请求地址过长',
  HEADERS_TOO_LARGE: '请求头过大',
  REQUEST_TIMEOUT: '请求超时，请检查网络后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  UNAUTHENTICATED: '请先登录',
  TOKEN_INVALID: '登录状态无效，请重新登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  SESSION_REVOKED: '登录已失效（已退出或被管理员结束），请重新登录',
  ACCOUNT_DISABLED: '账号已被停用，如有疑问请联系管理员',
  INVALID_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或无权查看',
  ROUTE_NOT_FOUND: '接口不存在',
  CONFLICT: '数据已被修改，请刷新后重试',
  NAME_TAKEN: '名称已存在',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  ORG_HIERARCHY_INVALID: '组织层级不正确',
  ORG_CYCLE: '不能把组织移动到它自己的下级',
  ORG_HAS_CHILDREN: '该组织下还有下级组织或人员，不能删除',
  ORG_NOT_EMPTY: '该组织还有下级组织、人员或未结束的活动，不能关闭',
  ORG_CLOSED: '该组织已关闭',
  CHAIN_MISMATCH: '党组织必须挂在本企业所在产业链的组织之下',
  ROLE_SCOPE_INVALID: '角色授权范围不正确',
  WECHAT_CODE_INVALID: '微信登录凭证无效或已过期，请重新登录',
  WECHAT_RATE_LIMITED: '微信登录太频繁，请稍后再试',
  WECHAT_USER_BLOCKED: '该微信账号存在风险，暂时无法登录',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  DEV_LOGIN_DISABLED: '开发登录未开启',
  DB_UNAVAILABLE: '数据库暂时不可用',
  INTERNAL: '服务器开小差了，请稍后再试',
  ACTIVITY_NOT_PUBLISHED: '活动未发布或已取消',
  ACTIVITY_STATE_INVALID: '当前活动状态不允许此操作',
  SIGNUP_NOT_OPEN: '报名尚未开始',
  SIGNUP_CLOSED: '报名已截止',
  ACTIVITY_FULL: '名额已满',
  FORM_ANSWER_INVALID: '报名信息填写有误',
  CANCEL_DEADLINE_PASSED: '已过取消报名截止时间',
  REGISTRATION_STATE_INVALID: '当前报名状态不允许此操作',
  CAPACITY_BELOW_CONFIRMED: '名额不能少于已确认人数',
  FORM_FIELDS_LOCKED: '已有人报名，不能删除或修改已有报名项',
  CHECKIN_CODE_INVALID: '签到码无效或已过期，请重新扫码',
  CHECKIN_NOT_OPEN: '当前不在签到时间内',
  IMAGE_INVALID: '不是有效的图片文件（支持 JPG、PNG、WebP、GIF）',
  IMAGE_TOO_LARGE: '图片太大，请上传 8 MB 以内、边长不超过 8000 像素的图片',
  BRAND_STATE_INVALID: '当前审核状态不允许此操作',
  STUDY_SESSION_ENDED: '本次学习已结束，请重新开始学习',
  STUDY_NO_QUESTIONS: '题库暂无可用题目',
  DAILY_QUIZ_DONE: '今天已经答过题了，明天再来吧',
  PAPER_TIME_UP: '答题时间已到，本次作答未计入',
  PAPER_ATTEMPTS_EXHAUSTED: '作答次数已用完',
  QUIZ_ANSWER_INVALID: '答案不完整或不属于本次题目',
  STUDY_IMPORT_INVALID: '导入文件有错误，未导入任何题目',
  ROSTER_IMPORT_INVALID: '花名册有错误，未导入任何人员',
  NEED_STATE_INVALID: '当前需求状态不允许此操作，请刷新后查看最新进展',
  NEED_MERGE_INVALID: '只能合并到同一产业党委台账中未办结的另一条需求',
  NEED_NO_ENTERPRISE: '请先绑定所在企业，或选择你担任书记的企业',
  WECHAT_PHONE_CODE_INVALID: '手机号授权已失效，请重新点击“绑定手机号”',
  PHONE_TAKEN: '该手机号已绑定其他微信账号。如非本人操作，请联系所在党组织书记核实处理',
  BINDING_CODE_INVALID: '绑定码无效、已使用或已过期，请向书记重新获取',
  BINDING_CONFLICT: '你的账号信息与花名册不一致，请联系所在党组织书记核对',
  JOIN_CODE_INVALID: '入组织码无效或已停用，请向书记确认',
  ALREADY_IN_ORG: '你已加入党组织，如需转组织请联系书记',
  ONBOARDING_STATE_INVALID: '该申请已处理或已有待审核的申请',
  MEETING_ARCHIVED: '该会议记录已归档，不能再修改',
  MEETING_INCOMPLETE: '会议记录还不完整，不能归档',
  MEETING_ATTENDEE_INVALID: '参会人员须是本组织的成员',
  MEETING_ACTIVITY_INVALID: '只能选择本组织已结束、且尚未生成会议记录的活动',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorResponse).code === 'string' &&
    typeof (value as ErrorResponse).statusCode === 'number'
  );
}
