import { Text, View } from '@tarojs/components';
import { ASSIGNMENT_STATUS_LABELS, type NeedAssignmentResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { ASSIGNMENT_STATUS_TONES } from '../format';
import './assignment-list.scss';

/** The departments a need went to: deadline, status, overdue mark, return reason and answer. */
export function AssignmentList({ assignments }: { assignments: NeedAssignmentResponse[] }) {
  if (assignments.length === 0) {
    return <Text className="assignment-list__empty">还未派给承办部门</Text>;
  }
  return (
    <View className="assignment-list">
      {assignments.map((assignment) => (
        <View key={assignment.id} className={`assignment-list__item${assignment.overdue ? ' assignment-list__item--overdue' : ''}`}>
          <View className="assignment-list__head">
            <Text className="assignment-list__department">{assignment.departmentName}</Text>
            {assignment.overdue ? <StatusTag className="assignment-list__overdue" text="已超期" tone="danger" /> : null}
            <StatusTag text={ASSIGNMENT_STATUS_LABELS[assignment.status]} tone={ASSIGNMENT_STATUS_TONES[assignment.status]} />
          </View>
          <Text className="assignment-list__deadline">办理时限：{formatDateTime(assignment.deadline)}</Text>
          {assignment.returnReason ? <Text className="assignment-list__reason">退回原因：{assignment.returnReason}</Text> : null}
          {assignment.answer ? <Text className="assignment-list__answer">办理结果：{assignment.answer}</Text> : null}
        </View>
      ))}
    </View>
  );
}
