import { API, type NeedDetail, type RateNeedRequest } from '@torch-red/shared';
import { send } from '@/services/http';

// What 需求详情 (main package) calls, the handling department's steps included; the workspace's and the
// subpackages' other calls are in ./workspace-api.
export const getNeed = (id: string) => send(API.needs.detail(id));
export const rateNeed = (id: string, body: RateNeedRequest) => send(API.needs.rate(id), { body });
export const reopenNeed = (id: string, note: string) => send(API.needs.reopen(id), { body: { note } });
export const acceptAssignment = (needId: string, assignmentId: string) => send(API.needs.accept(needId, assignmentId));

/** A handling step that asks for words; each answers the need as it now stands. */
export type HandlingStep = 'return' | 'progress' | 'resolve';

/** The dialogs of a department's 退回 / 记录进展 / 办结 (on 需求详情, 部门办理 and 部门报到 alike). */
export const HANDLING_STEPS: Record<HandlingStep, { title: string; placeholder: string; confirmText: string; toast: string; maxLength: number }> = {
  return: { title: '退回党委', placeholder: '请说明退回原因（如不属于本部门职责），党委会重新派单', confirmText: '退回', toast: '已退回，党委会重新派单', maxLength: 1000 },
  progress: { title: '记录进展', placeholder: '目前办到哪一步了，企业会在办理进度里看到', confirmText: '记录', toast: '进展已记录', maxLength: 1000 },
  resolve: { title: '办结', placeholder: '办理结果与答复，企业确认后评价', confirmText: '办结', toast: '已办结，待企业评价', maxLength: 2000 },
};

/** Takes one worded step on a department's assignment. */
export function takeHandlingStep(step: HandlingStep, needId: string, assignmentId: string, text: string): Promise<NeedDetail> {
  if (step === 'return') return send(API.needs.returnAssignment(needId, assignmentId), { body: { note: text } });
  if (step === 'progress') return send(API.needs.progress(needId, assignmentId), { body: { note: text } });
  return send(API.needs.resolve(needId, assignmentId), { body: { answer: text } });
}
