import type { ActivityResponse, AppealProgress, AppealStatus, TalkSummary } from '@torch-red/shared';
import type { TagTone } from '@/components/status-tag';

export const APPEAL_STATUS_TONES: Record<AppealStatus, TagTone> = {
  RECEIVED: 'info',
  ANSWERED: 'success',
  FOLLOW_UP: 'warning',
};

/** The raiser's view of an appeal (server `progress`): 已提交 until the registration is accepted, then 待答复. */
export const APPEAL_PROGRESS_TONES: Record<AppealProgress, TagTone> = {
  SUBMITTED: 'info',
  AWAITING_ANSWER: 'warning',
  ANSWERED: 'success',
  FOLLOW_UP: 'warning',
  NOT_ACCEPTED: 'muted',
  WITHDRAWN: 'muted',
};

/** What a card says once I registered: 已报名·待审核 / 已报名 / 已报名·候补, and 查看 instead of 立即报名. */
export function myTalkState(talk: Pick<TalkSummary, 'myRegistrationStatus'>): string | null {
  switch (talk.myRegistrationStatus) {
    case 'PENDING':
      return '已报名·待审核';
    case 'CONFIRMED':
      return '已报名';
    case 'WAITLISTED':
      return '已报名·候补';
    default:
      return null;
  }
}

/** `余 12 席`, `已满`, or `不限名额`. */
export function seatsLeft(activity: Pick<ActivityResponse, 'capacity' | 'confirmedCount'>): string {
  if (activity.capacity === null) {
    return '不限名额';
  }
  const left = activity.capacity - activity.confirmedCount;
  return left > 0 ? `余 ${left} 席` : '已满';
}

export function hostDepartmentNames(talk: Pick<TalkSummary, 'hostDepartments'>): string {
  return talk.hostDepartments.map((department) => department.name).join('、');
}

/** The session people should see first: the next one that has not ended, else the latest. */
export function pickNextTalk(talks: TalkSummary[], now = Date.now()): { talk: TalkSummary; upcoming: boolean } | null {
  const live = talks
    .filter((talk) => talk.activity.status === 'PUBLISHED' && new Date(talk.activity.endAt).getTime() > now)
    .sort((a, b) => a.activity.startAt.localeCompare(b.activity.startAt));
  if (live[0]) {
    return { talk: live[0], upcoming: true };
  }
  const past = [...talks].filter((talk) => talk.activity.status === 'PUBLISHED').sort((a, b) => b.activity.startAt.localeCompare(a.activity.startAt));
  return past[0] ? { talk: past[0], upcoming: false } : null;
}
