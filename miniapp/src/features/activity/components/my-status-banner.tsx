import { Text, View } from '@tarojs/components';
import type { ActivityDetailResponse, RegistrationResponse } from '@torch-red/shared';
import { describeRegistration } from '../format';
import { formatDateTime } from '@/lib/datetime';
import './my-status-banner.scss';

interface MyStatusBannerProps {
  activity: ActivityDetailResponse;
  /** Just signed up on the form page: say so warmly. */
  celebrate?: boolean;
}

interface Banner {
  tone: 'success' | 'warning' | 'info' | 'muted';
  title: string;
  note: string;
}

function bannerFor(activity: ActivityDetailResponse, registration: RegistrationResponse | null): Banner | null {
  if (activity.status === 'CANCELLED') {
    return { tone: 'muted', title: '活动已取消', note: activity.cancelReason ? `取消原因：${activity.cancelReason}` : '组织方已取消本次活动' };
  }
  if (!registration) {
    return null;
  }
  switch (registration.status) {
    case 'CONFIRMED':
      if (registration.attendance === 'CHECKED_IN') {
        return { tone: 'success', title: '已签到', note: registration.checkedInAt ? `签到时间 ${formatDateTime(registration.checkedInAt)}` : '感谢你的参与' };
      }
      if (registration.attendance === 'LEAVE') {
        return { tone: 'muted', title: '已请假', note: registration.leaveReason ? `请假原因：${registration.leaveReason}` : '组织方已知悉' };
      }
      if (registration.attendance === 'NO_SHOW') {
        return { tone: 'muted', title: '未出席', note: '本次活动记为缺席' };
      }
      return { tone: 'success', title: describeRegistration(registration), note: `请准时参加，活动开始前 1 小时可签到（${formatDateTime(activity.startAt)} 开始）` };
    case 'WAITLISTED':
      return { tone: 'warning', title: describeRegistration(registration), note: '有人取消时将按顺序自动递补，递补成功会通知你' };
    case 'PENDING':
      return { tone: 'info', title: describeRegistration(registration), note: '报名已提交，组织方审核后会通知你' };
    case 'REJECTED':
      return { tone: 'muted', title: '报名未通过', note: registration.rejectReason ? `原因：${registration.rejectReason}` : '如有疑问请联系组织方' };
    case 'CANCELLED':
      return { tone: 'muted', title: '你已取消报名', note: '报名开放期间可重新报名' };
  }
}

/** My place in this activity, right under the seat counts. */
export function MyStatusBanner({ activity, celebrate = false }: MyStatusBannerProps) {
  const banner = bannerFor(activity, activity.myRegistration);
  if (!banner) {
    return null;
  }
  return (
    <View className={`my-status-banner my-status-banner--${banner.tone}${celebrate ? ' my-status-banner--celebrate' : ''}`}>
      <View className="my-status-banner__mark">
        <Text className="my-status-banner__mark-text">{banner.tone === 'success' ? '✓' : banner.tone === 'muted' ? '–' : '…'}</Text>
      </View>
      <View className="my-status-banner__text">
        <Text className="my-status-banner__title">{banner.title}</Text>
        <Text className="my-status-banner__note">{banner.note}</Text>
      </View>
    </View>
  );
}
