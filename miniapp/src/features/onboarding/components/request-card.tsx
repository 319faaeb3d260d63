import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { JOIN_REQUEST_STATUS_LABELS, type JoinRequestStatus } from '@torch-red/shared';
import { StatusTag, type TagTone } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import './request-card.scss';

const TONES: Record<JoinRequestStatus, TagTone> = { PENDING: 'warning', APPROVED: 'success', REJECTED: 'muted' };

interface RequestCardProps {
  title: string;
  lines: string[];
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: string;
  canDecide: boolean;
  onApprove: () => void;
  onReject: () => void;
}

/** One join or representation request in the workspace, with 通过 / 不通过 when the viewer may decide. */
export function RequestCard({ title, lines, status, reason, createdAt, canDecide, onApprove, onReject }: RequestCardProps) {
  return (
    <View className="request-card">
      <View className="request-card__head">
        <Text className="request-card__title">{title}</Text>
        <StatusTag text={JOIN_REQUEST_STATUS_LABELS[status]} tone={TONES[status]} />
      </View>
      {lines.map((line) => (
        <Text key={line} className="request-card__line">
          {line}
        </Text>
      ))}
      <Text className="request-card__line">申请时间：{formatDateTime(createdAt)}</Text>
      {reason ? <Text className="request-card__reason">原因：{reason}</Text> : null}
      {canDecide ? (
        <View className="request-card__actions">
          <Button className="request-card__button" shape="round" fill="outline" type="primary" onClick={onReject}>
            不通过
          </Button>
          <Button className="request-card__button" shape="round" type="primary" onClick={onApprove}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  );
}
