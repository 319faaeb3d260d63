import { Text, View } from '@tarojs/components';
import type { NeedEventKind, NeedEventResponse } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import './need-timeline.scss';

const ALERT_KINDS: readonly NeedEventKind[] = ['OVERDUE', 'ESCALATED', 'RETURNED', 'REOPENED'];
const DONE_KINDS: readonly NeedEventKind[] = ['RESOLVED', 'ANSWERED', 'RATED'];

/** Every step of a need, oldest first: who, when, what (in plain Chinese) and the note. */
export function NeedTimeline({ events }: { events: NeedEventResponse[] }) {
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  if (ordered.length === 0) {
    return <Text className="need-timeline__empty">还没有办理记录</Text>;
  }
  return (
    <View className="need-timeline">
      {ordered.map((event, index) => {
        const tone = ALERT_KINDS.includes(event.kind) ? 'alert' : DONE_KINDS.includes(event.kind) ? 'done' : 'normal';
        return (
          <View key={event.id} className={`need-timeline__item need-timeline__item--${tone}`} data-kind={event.kind}>
            <View className="need-timeline__rail">
              <View className="need-timeline__dot" />
              {index < ordered.length - 1 ? <View className="need-timeline__line" /> : null}
            </View>
            <View className="need-timeline__body">
              <Text className="need-timeline__text">{event.text}</Text>
              {event.note ? <Text className="need-timeline__note">{event.note}</Text> : null}
              <Text className="need-timeline__meta">
                {formatDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
