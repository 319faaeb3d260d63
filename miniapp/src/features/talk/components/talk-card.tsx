import { Text, View } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, type TalkSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatTimeRange } from '@/lib/datetime';
import { PHASE_TONES } from '@/features/activity/tones';
import { hostDepartmentNames, myTalkState, seatsLeft } from '../format';
import './talk-card.scss';

interface TalkCardProps {
  talk: TalkSummary | null;
  /** False when the shown session is already over (no next one yet). */
  upcoming?: boolean;
  loading?: boolean;
  onOpen: (talk: TalkSummary) => void;
  onMore?: () => void;
}

/** 首页: the month's 企业家月月谈 session, a tap away from registering. */
export function TalkCard({ talk, upcoming = true, loading = false, onOpen, onMore }: TalkCardProps) {
  return (
    <View className="talk-card">
      <View className="talk-card__band">
        <View className="talk-card__brand">
          <Text className="talk-card__series">企业家月月谈</Text>
          <Text className="talk-card__motto">政企面对面 · 诉求当面提</Text>
        </View>
        {onMore ? (
          <Text className="talk-card__more" onClick={onMore}>
            往期 ›
          </Text>
        ) : null}
      </View>
      {talk ? (
        <View className="talk-card__body" onClick={() => onOpen(talk)}>
          <View className="talk-card__top">
            <Text className="talk-card__label">{upcoming ? '本期主题' : '最近一期'}</Text>
            {talk.activity.phase ? <StatusTag text={ACTIVITY_PHASE_LABELS[talk.activity.phase]} tone={PHASE_TONES[talk.activity.phase]} /> : null}
          </View>
          <Text className="talk-card__theme">{talk.theme}</Text>
          <View className="talk-card__line">
            <Text className="talk-card__key">时间</Text>
            <Text className="talk-card__value">{formatTimeRange(talk.activity.startAt, talk.activity.endAt)}</Text>
          </View>
          <View className="talk-card__line">
            <Text className="talk-card__key">地点</Text>
            <Text className="talk-card__value">{talk.activity.location}</Text>
          </View>
          {talk.hostDepartments.length > 0 ? (
            <View className="talk-card__line">
              <Text className="talk-card__key">承办</Text>
              <Text className="talk-card__value talk-card__departments">{hostDepartmentNames(talk)}</Text>
            </View>
          ) : null}
          <View className="talk-card__bottom">
            {myTalkState(talk) ? (
              <Text className="talk-card__seats talk-card__mine">{myTalkState(talk)}</Text>
            ) : (
              <Text className="talk-card__seats">{seatsLeft(talk.activity)}</Text>
            )}
            <Text className="talk-card__go">{myTalkState(talk) ? '查看 ›' : talk.activity.phase === 'SIGNUP_OPEN' ? '立即报名 ›' : '查看详情 ›'}</Text>
          </View>
        </View>
      ) : (
        <Text className="talk-card__note">{loading ? '正在加载月月谈…' : '下一期月月谈即将发布，敬请期待'}</Text>
      )}
    </View>
  );
}
