import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { MEETING_ATTENDANCE_LABELS, MEETING_ATTENDANCE_STATUSES, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingDetail } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { BrandGallery } from '@/features/brand/components/brand-gallery';
import { formatDate, formatDateTime, formatTimeRange } from '@/lib/datetime';
import { ATTENDANCE_TONES, MEETING_STATUS_TONES } from '../tones';
import './meeting-view.scss';

function Section({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <View className={`meeting-view__section meeting-view__section--${name}`}>
      <Text className="meeting-view__section-title">{title}</Text>
      {children}
    </View>
  );
}

/** One record as members and the committee read it: facts, my attendance, agenda, minutes with photos, decisions, who came. */
export function MeetingView({ meeting, myUserId }: { meeting: MeetingDetail; myUserId?: string }) {
  const mine = meeting.attendees.find((attendee) => attendee.userId === myUserId);
  const where = meeting.online ? `线上${meeting.place ? `（${meeting.place}）` : ''}` : meeting.place;
  const facts: Array<[string, string | null]> = [
    ['时间', meeting.endsAt ? formatTimeRange(meeting.startsAt, meeting.endsAt) : formatDateTime(meeting.startsAt)],
    ['地点', where],
    ['主持人', meeting.hostName],
    ['记录人', meeting.recorderName],
    ['党组织', meeting.orgName],
  ];
  const { present, leave, absent } = meeting.counts;

  return (
    <View className="meeting-view">
      <View className="meeting-view__head">
        <View className="meeting-view__tags">
          <StatusTag tone="brand" text={MEETING_KIND_LABELS[meeting.kind]} />
          <StatusTag className="meeting-view__status" tone={MEETING_STATUS_TONES[meeting.status]} text={MEETING_STATUS_LABELS[meeting.status]} />
        </View>
        <Text className="meeting-view__topic">{meeting.topic}</Text>
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([label, value]) => (
            <View key={label} className="meeting-view__fact">
              <Text className="meeting-view__fact-label">{label}</Text>
              <Text className="meeting-view__fact-value">{value}</Text>
            </View>
          ))}
        {meeting.archivedAt ? <Text className="meeting-view__archived">{formatDate(meeting.archivedAt)} 归档 · 记录只读</Text> : null}
      </View>

      {mine ? (
        <View className={`meeting-view__mine meeting-view__mine--${mine.status.toLowerCase()}`}>
          <Text className="meeting-view__mine-text">
            我的出勤：{MEETING_ATTENDANCE_LABELS[mine.status]}
            {mine.reason ? `（${mine.reason}）` : ''}
          </Text>
        </View>
      ) : null}

      {meeting.agenda ? (
        <Section name="agenda" title="会议议程">
          <Text className="meeting-view__text">{meeting.agenda}</Text>
        </Section>
      ) : null}
      <Section name="minutes" title="会议纪要">
        <Text className="meeting-view__text">{meeting.minutes || '未填写会议纪要'}</Text>
        {meeting.images.length > 0 ? (
          <View className="meeting-view__gallery">
            <BrandGallery images={meeting.images} />
          </View>
        ) : null}
      </Section>
      {meeting.resolutions ? (
        <Section name="resolutions" title="决议事项">
          <Text className="meeting-view__text">{meeting.resolutions}</Text>
        </Section>
      ) : null}
      <Section name="attendees" title={`参会人员 · 出席 ${present} · 请假 ${leave} · 缺席 ${absent}`}>
        {MEETING_ATTENDANCE_STATUSES.map((status) => {
          const people = meeting.attendees.filter((attendee) => attendee.status === status);
          if (people.length === 0) return null;
          return (
            <View key={status} className={`meeting-view__group meeting-view__group--${status.toLowerCase()}`}>
              <StatusTag tone={ATTENDANCE_TONES[status]} text={`${MEETING_ATTENDANCE_LABELS[status]} ${people.length} 人`} />
              <Text className="meeting-view__names">{people.map((person) => (person.reason ? `${person.name}（${person.reason}）` : person.name)).join('、')}</Text>
            </View>
          );
        })}
        {meeting.attendees.length === 0 ? <Text className="meeting-view__text">尚未登记参会人员</Text> : null}
      </Section>
    </View>
  );
}
