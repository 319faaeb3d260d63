import { Input, Text, View } from '@tarojs/components';
import { MEETING_ATTENDANCE_STATUSES, MEETING_ATTENDANCE_LABELS, MEETING_LIMITS } from '@torch-red/shared';
import { countMarks, markAllPresent, type AttendeeMark } from '../meeting-draft';
import './attendee-picker.scss';

export interface AttendeeCandidate {
  userId: string;
  name: string;
}

interface AttendeePickerProps {
  people: AttendeeCandidate[];
  marks: Record<string, AttendeeMark>;
  onChange: (marks: Record<string, AttendeeMark>) => void;
}

/** The org's members, each 出席 / 请假 (with a reason) / 缺席; 全部出席 marks everyone not on leave present. */
export function AttendeePicker({ people, marks, onChange }: AttendeePickerProps) {
  const counts = countMarks(marks);
  const unmarked = people.filter((person) => !marks[person.userId]).length;
  const set = (userId: string, mark: AttendeeMark | null) => {
    const { [userId]: _previous, ...rest } = marks;
    onChange(mark ? { ...rest, [userId]: mark } : rest);
  };

  return (
    <View className="attendee-picker">
      <View className="attendee-picker__summary">
        <Text className="attendee-picker__counts">
          出席 {counts.PRESENT} · 请假 {counts.LEAVE} · 缺席 {counts.ABSENT}
          {unmarked > 0 ? ` · 未登记 ${unmarked}` : ''}
        </Text>
        <Text className="attendee-picker__all" onClick={() => onChange(markAllPresent(people.map((person) => person.userId), marks))}>
          全部出席
        </Text>
      </View>
      {people.length === 0 ? <Text className="attendee-picker__empty">本组织暂无成员，请先在花名册中添加</Text> : null}
      {people.map((person) => {
        const mark = marks[person.userId];
        return (
          <View key={person.userId} className="attendee-picker__person" data-person={person.name}>
            <View className="attendee-picker__line">
              <Text className="attendee-picker__name">{person.name}</Text>
              <View className="attendee-picker__options">
                {MEETING_ATTENDANCE_STATUSES.map((status) => (
                  <Text
                    key={status}
                    className={`attendee-picker__option attendee-picker__option--${status.toLowerCase()}${mark?.status === status ? ' attendee-picker__option--active' : ''}`}
                    // A second tap on the chosen status takes the person off the list again.
                    onClick={() => set(person.userId, mark?.status === status ? null : { status, reason: mark?.reason ?? '' })}
                  >
                    {MEETING_ATTENDANCE_LABELS[status]}
                  </Text>
                ))}
              </View>
            </View>
            {mark?.status === 'LEAVE' ? (
              <Input
                className={`attendee-picker__reason${mark.reason.trim() === '' ? ' attendee-picker__reason--missing' : ''}`}
                value={mark.reason}
                maxlength={MEETING_LIMITS.reasonMaxLength}
                placeholder="请假原因（必填），如：出差在外"
                onInput={(event) => set(person.userId, { status: 'LEAVE', reason: event.detail.value })}
              />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
