import { Text, View } from '@tarojs/components';
import type { RegistrationResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { describeAttendance, describeRegistration } from '../format';
import { REGISTRATION_TONES } from '../tones';
import './registration-summary.scss';

/** `报名成功 · 已签到` as tags, for lists. */
export function RegistrationTags({ registration }: { registration: RegistrationResponse }) {
  const attendance = describeAttendance(registration);
  return (
    <View className="registration-tags">
      <StatusTag text={describeRegistration(registration)} tone={REGISTRATION_TONES[registration.status]} />
      {attendance ? <StatusTag text={attendance} tone={registration.attendance === 'CHECKED_IN' ? 'success' : 'muted'} /> : null}
      {registration.status === 'REJECTED' && registration.rejectReason ? <Text className="registration-tags__note">{registration.rejectReason}</Text> : null}
    </View>
  );
}
