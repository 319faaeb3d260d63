import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@torch-red/shared';
import type { EntityManager } from 'typeorm';
import { formatChinaDateTime, formatChinaTime } from '../../common/clock';
import { NotificationService } from '../notification/notification.service';
import type { ActivityEntity } from './activity.entity';
import type { RegistrationEntity } from './registration.entity';

/** What a message says about its activity. */
type NoticeActivity = Pick<ActivityEntity, 'id' | 'title' | 'startAt' | 'location'>;

/** Every message the activity feature sends, worded in one place; each goes out in the caller's transaction. */
@Injectable()
export class ActivityNotices {
  constructor(private readonly notifications: NotificationService) {}

  /** What a person hears right after signing up; `waitlistPosition` is theirs when waitlisted. */
  registered(m: EntityManager, reg: Pick<RegistrationEntity, 'status' | 'userId'>, activity: NoticeActivity, waitlistPosition: number | null): Promise<void> {
    switch (reg.status) {
      case 'CONFIRMED':
        return this.send(m, [reg.userId], activity, 'REGISTRATION_CONFIRMED', '报名成功', `你已成功报名「${activity.title}」：${when(activity)}。`);
      case 'WAITLISTED':
        return this.send(m, [reg.userId], activity, 'REGISTRATION_WAITLISTED', '已进入候补', `「${activity.title}」名额已满，你是候补第 ${waitlistPosition} 位，有人取消时会自动递补。`);
      case 'PENDING':
        return this.send(m, [reg.userId], activity, 'REGISTRATION_PENDING', '报名待审核', `你报名的「${activity.title}」需要审核，结果会通知你。`);
      default:
        return Promise.resolve();
    }
  }

  /** A seat came free: straight in, or (approval mode) on to review. */
  promoted(m: EntityManager, userId: number, activity: ActivityEntity, toReview: boolean): Promise<void> {
    return toReview
      ? this.send(m, [userId], activity, 'REGISTRATION_PROMOTED', '候补转入审核', `「${activity.title}」有名额空出，你的候补报名已转入审核，请留意结果。`)
      : this.send(m, [userId], activity, 'REGISTRATION_PROMOTED', '候补成功', `「${activity.title}」有名额空出，你已由候补转为报名成功：${when(activity)}。`);
  }

  approved(m: EntityManager, userId: number, activity: ActivityEntity, confirmed: boolean): Promise<void> {
    return this.send(m, [userId], activity, 'REGISTRATION_APPROVED', '报名审核通过',
      confirmed ? `你报名的「${activity.title}」已通过审核，请按时参加：${when(activity)}。` : `你报名的「${activity.title}」已通过审核，目前名额已满，你已进入候补。`);
  }

  rejected(m: EntityManager, userId: number, activity: ActivityEntity, reason?: string): Promise<void> {
    return this.send(m, [userId], activity, 'REGISTRATION_REJECTED', '报名未通过', `你报名的「${activity.title}」未通过审核${because(reason)}`);
  }

  changed(m: EntityManager, userIds: number[], activity: ActivityEntity): Promise<void> {
    return this.send(m, userIds, activity, 'ACTIVITY_CHANGED', '活动信息变更', `「${activity.title}」时间或地点有变：${when(activity)}。`);
  }

  cancelled(m: EntityManager, userIds: number[], activity: ActivityEntity, reason?: string): Promise<void> {
    return this.send(m, userIds, activity, 'ACTIVITY_CANCELLED', '活动已取消', `很抱歉，「${activity.title}」已取消${because(reason)}`);
  }

  starting(m: EntityManager, userIds: number[], activity: ActivityEntity): Promise<void> {
    return this.send(m, userIds, activity, 'ACTIVITY_STARTING', '活动即将开始', `「${activity.title}」将于 ${formatChinaTime(activity.startAt)} 开始，地点：${activity.location}。`);
  }

  private send(m: EntityManager, userIds: number[], activity: NoticeActivity, kind: NotificationKind, title: string, body: string): Promise<void> {
    if (userIds.length === 0) return Promise.resolve();
    return this.notifications.notify(m, userIds, {
      kind,
      title,
      body,
      link: `/pages/activity-detail/index?id=${activity.id}`,
      wechat: {
        templateKey: kind === 'ACTIVITY_STARTING' ? 'activity_reminder' : 'activity_result',
        data: { thing1: activity.title, time2: formatChinaDateTime(activity.startAt), thing3: title, thing4: activity.location },
      },
    });
  }
}

function when(activity: NoticeActivity): string {
  return `${formatChinaTime(activity.startAt)}，${activity.location}`;
}

/** "：reason" when one was given, else the sentence just ends. */
function because(reason?: string): string {
  return reason?.trim() ? `：${reason.trim()}` : '。';
}
