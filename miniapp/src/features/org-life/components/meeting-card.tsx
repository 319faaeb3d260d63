import { Text, View } from '@tarojs/components';
import { MEETING_ATTENDANCE_LABELS, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingAttendanceStatus, type MeetingSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { ATTENDANCE_TONES, MEETING_STATUS_TONES } from '../tones';
import './meeting-card.scss';

interface MeetingCardProps {
  meeting: MeetingSummary;
  /** 我的组织生活: how I was counted (null: not on the list, a record of my organisation). */
  myStatus?: MeetingAttendanceStatus | null;
  /** Member views name the organisation; the secretary's own list does not need it. */
  showOrg?: boolean;
  onClick: () => void;
}

/** One meeting record in a list: kind, state, topic, when and where, and the attendance counts. */
export function MeetingCard({ meeting, myStatus, showOrg = false, onClick }: MeetingCardProps) {
  const { present, leave, absent } = meeting.counts;
  return (
    <View className={`meeting-card meeting-card--${meeting.status.toLowerCase()}`} data-meeting={meeting.id} onClick={onClick}>
      <View className="meeting-card__top">
        <StatusTag className="meeting-card__kind" tone="brand" text={MEETING_KIND_LABELS[meeting.kind]} />
        {myStatus !== undefined ? (
          <StatusTag className="meeting-card__mine" tone={myStatus ? ATTENDANCE_TONES[myStatus] : 'muted'} text={myStatus ? `我：${MEETING_ATTENDANCE_LABELS[myStatus]}` : '未列入名单'} />
        ) : (
          <StatusTag className="meeting-card__status" tone={MEETING_STATUS_TONES[meeting.status]} text={MEETING_STATUS_LABELS[meeting.status]} />
        )}
      </View>
      <Text className="meeting-card__topic">{meeting.topic}</Text>
      <Text className="meeting-card__when">{[formatDateTime(meeting.startsAt), meeting.place].filter(Boolean).join(' · ')}</Text>
      {showOrg ? <Text className="meeting-card__org">{meeting.orgName}</Text> : null}
      <Text className="meeting-card__counts">
        出席 {present} 人 · 请假 {leave} 人 · 缺席 {absent} 人
      </Text>
    </View>
  );
}
