import { Text, View } from '@tarojs/components';
import { COMPLIANCE_STATE_LABELS, MEETING_KIND_LABELS, type ComplianceRow } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDate } from '@/lib/datetime';
import { COMPLIANCE_TONES } from '../tones';
import './compliance-row.scss';

interface ComplianceRowCardProps {
  row: ComplianceRow;
  /** Downloads the organisation's yearly record book. */
  onBook: () => void;
}

/** One organisation × kind for the period: its state, how many records and the latest, and the record book. */
export function ComplianceRowCard({ row, onBook }: ComplianceRowCardProps) {
  return (
    <View className={`compliance-row compliance-row--${row.state.toLowerCase()}`} data-org={row.orgName} data-kind={row.kind}>
      <View className="compliance-row__top">
        <Text className="compliance-row__org">{row.orgName}</Text>
        <StatusTag className="compliance-row__state" tone={COMPLIANCE_TONES[row.state]} text={COMPLIANCE_STATE_LABELS[row.state]} />
      </View>
      <Text className="compliance-row__kind">
        {MEETING_KIND_LABELS[row.kind]}
        {row.chainName ? ` · ${row.chainName}` : ''}
      </Text>
      <View className="compliance-row__bottom">
        <Text className="compliance-row__count">
          已归档 {row.meetingCount} 次{row.lastMeetingAt ? ` · 最近 ${formatDate(row.lastMeetingAt)}` : ''}
        </Text>
        <Text className="compliance-row__book" onClick={onBook}>
          年度台账
        </Text>
      </View>
    </View>
  );
}
