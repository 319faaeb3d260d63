import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AttendeeResponse, AttendanceStatus, FormAnswerValue, FormField } from '@torch-red/shared';
import { RegistrationTags } from '@/features/activity/components/registration-summary';
import { formatDateTime } from '@/lib/datetime';
import './attendee-card.scss';

export type AttendeeAction = 'approve' | 'reject' | AttendanceStatus;

/** Undoing a mark says which: 撤销签到 after a check-in. */
export const UNDO_TEXT: Record<AttendanceStatus, string> = { NONE: '撤销', CHECKED_IN: '撤销签到', LEAVE: '撤销请假', NO_SHOW: '撤销缺席' };

interface AttendeeCardProps {
  attendee: AttendeeResponse;
  formFields: FormField[];
  busy: boolean;
  onAction: (attendee: AttendeeResponse, action: AttendeeAction) => void;
  /** The full number once revealed (拨打电话 fetches it; the masked one shows until then). */
  revealedPhone?: string;
  onCall?: (attendee: AttendeeResponse) => void;
}

function answerText(value: FormAnswerValue): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** One person on the secretary's list: who, what they answered, and what can be done. */
export function AttendeeCard({ attendee, formFields, busy, onAction, revealedPhone, onCall }: AttendeeCardProps) {
  const labelled = formFields.filter((field) => attendee.answers[field.key] !== undefined);
  // What the manager may do is the server's call (canApprove, canReject, canMarkAttendance).
  const actions: Array<{ action: AttendeeAction; text: string; primary?: boolean }> = [];
  if (attendee.canApprove) {
    actions.push({ action: 'approve', text: '通过', primary: true });
  }
  if (attendee.canReject) {
    actions.push({ action: 'reject', text: attendee.status === 'WAITLISTED' ? '移出候补' : '驳回' });
  }
  if (attendee.canMarkAttendance) {
    if (attendee.attendance !== 'CHECKED_IN') actions.push({ action: 'CHECKED_IN', text: '签到', primary: true });
    if (attendee.attendance !== 'LEAVE') actions.push({ action: 'LEAVE', text: '请假' });
    if (attendee.attendance !== 'NO_SHOW') actions.push({ action: 'NO_SHOW', text: '缺席' });
    if (attendee.attendance !== 'NONE') actions.push({ action: 'NONE', text: UNDO_TEXT[attendee.attendance] });
  }

  return (
    <View className="attendee-card">
      <View className="attendee-card__head">
        <View className="attendee-card__who">
          <Text className="attendee-card__name">{attendee.name}</Text>
          {attendee.phone ? <Text className="attendee-card__phone">{revealedPhone ?? attendee.phone}</Text> : null}
        </View>
        {attendee.phone && onCall ? (
          <Button className="attendee-card__call" size="small" shape="round" type="primary" fill="outline" onClick={() => onCall(attendee)}>
            {revealedPhone ? '拨打' : '拨打电话'}
          </Button>
        ) : null}
        <RegistrationTags registration={attendee} />
      </View>
      <Text className="attendee-card__org">{[attendee.orgName, attendee.enterpriseName].filter(Boolean).join(' · ') || '未加入组织'}</Text>
      {labelled.length > 0 ? (
        <View className="attendee-card__answers">
          {labelled.map((field) => (
            <View key={field.key} className="attendee-card__answer">
              <Text className="attendee-card__answer-label">{field.label}</Text>
              <Text className="attendee-card__answer-value">{answerText(attendee.answers[field.key])}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {attendee.leaveReason ? <Text className="attendee-card__note">请假原因：{attendee.leaveReason}</Text> : null}
      <View className="attendee-card__foot">
        <Text className="attendee-card__time">{formatDateTime(attendee.createdAt)} 报名</Text>
        <View className="attendee-card__actions">
          {actions.map(({ action, text, primary }) => (
            <Button
              key={action}
              className={`attendee-card__action attendee-card__action--${action.toLowerCase()}`}
              size="small"
              shape="round"
              type="primary"
              fill={primary ? 'solid' : 'outline'}
              disabled={busy}
              onClick={() => onAction(attendee, action)}
            >
              {text}
            </Button>
          ))}
        </View>
      </View>
    </View>
  );
}
