import type { ActivityResponse, ActivityType, ActivityVisibility, CreateActivityRequest, FormField } from '@torch-red/shared';
import { isChoice } from './form-fields';
import { chinaDayAt } from './schedule';

/** What the editor holds: the request's fields in the shapes the inputs want. */
export interface ActivityDraft {
  orgId: string;
  title: string;
  type: ActivityType;
  description: string;
  location: string;
  onlineUrl: string;
  startAt: string;
  endAt: string;
  signupEndAt: string;
  hasCancelDeadline: boolean;
  cancelDeadline: string;
  unlimited: boolean;
  capacity: string;
  waitlist: boolean;
  requiresApproval: boolean;
  formFields: FormField[];
  visibility: ActivityVisibility;
}

/** A new activity a week from now, 14:00–16:00, sign-up closing the evening before. */
export function emptyDraft(orgId: string, now = new Date()): ActivityDraft {
  return {
    orgId,
    title: '',
    type: 'THEME_PARTY_DAY',
    description: '',
    location: '',
    onlineUrl: '',
    startAt: chinaDayAt(7, 14, now),
    endAt: chinaDayAt(7, 16, now),
    signupEndAt: chinaDayAt(6, 18, now),
    hasCancelDeadline: false,
    cancelDeadline: chinaDayAt(6, 18, now),
    unlimited: false,
    capacity: '30',
    waitlist: true,
    requiresApproval: false,
    formFields: [],
    // A new activity is for the organisation's own people until the secretary opens it wider.
    visibility: 'ORG',
  };
}

export function draftFromActivity(activity: ActivityResponse): ActivityDraft {
  return {
    orgId: activity.orgId,
    title: activity.title,
    type: activity.type,
    description: activity.description,
    location: activity.location,
    onlineUrl: activity.onlineUrl ?? '',
    startAt: activity.startAt,
    endAt: activity.endAt,
    signupEndAt: activity.signupEndAt,
    hasCancelDeadline: activity.cancelDeadline !== null,
    cancelDeadline: activity.cancelDeadline ?? activity.signupEndAt,
    unlimited: activity.capacity === null,
    capacity: activity.capacity === null ? '30' : String(activity.capacity),
    waitlist: activity.waitlist,
    requiresApproval: activity.requiresApproval,
    formFields: activity.formFields,
    visibility: activity.visibility,
  };
}

export function toActivityRequest(draft: ActivityDraft): CreateActivityRequest {
  return {
    orgId: draft.orgId,
    title: draft.title.trim(),
    type: draft.type,
    description: draft.description.trim(),
    location: draft.location.trim(),
    onlineUrl: draft.onlineUrl.trim() || null,
    startAt: draft.startAt,
    endAt: draft.endAt,
    signupEndAt: draft.signupEndAt,
    cancelDeadline: draft.hasCancelDeadline ? draft.cancelDeadline : null,
    capacity: draft.unlimited ? null : Number(draft.capacity),
    waitlist: draft.waitlist,
    requiresApproval: draft.requiresApproval,
    visibility: draft.visibility,
    formFields: draft.formFields.map((field) => ({
      key: field.key,
      label: field.label.trim(),
      type: field.type,
      required: field.required,
      ...(isChoice(field.type) ? { options: field.options ?? [] } : {}),
    })),
  };
}

/** Quick checks before the round trip, keyed the way the server names fields. */
export function checkActivityDraft(draft: ActivityDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.title.trim() === '') errors.title = '请填写活动标题';
  if (draft.location.trim() === '') errors.location = '请填写活动地点（线上活动可填“线上”）';
  if (!draft.unlimited && !/^[1-9]\d*$/.test(draft.capacity.trim())) errors.capacity = '名额应为正整数';
  if (new Date(draft.endAt) <= new Date(draft.startAt)) errors.endAt = '结束时间应晚于开始时间';
  if (new Date(draft.signupEndAt) > new Date(draft.endAt)) errors.signupEndAt = '报名截止时间不能晚于活动结束';
  draft.formFields.forEach((field, index) => {
    if (field.label.trim() === '') errors[`formFields.${index}.label`] = `请填写报名项 ${index + 1} 的名称`;
    else if (isChoice(field.type) && (field.options ?? []).length === 0) errors[`formFields.${index}.options`] = `请为“${field.label}”填写选项`;
  });
  return errors;
}
