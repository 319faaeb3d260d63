import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, NEED_URGENCY_LABELS, type NeedSummary } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { NEED_STATUS_TONES, URGENCY_TONES } from '../format';
import './need-card.scss';

interface NeedCardProps {
  need: NeedSummary;
  /** The ledger names the enterprise; 我的需求 does not need to. */
  showEnterprise?: boolean;
  onClick?: (need: NeedSummary) => void;
  /** A line between the need and the buttons (a department's own deadline). */
  extra?: ReactNode;
  /** Buttons under the card (dispatch, answer …). */
  actions?: ReactNode;
  /** The caller shows the status itself (部门报到: 本部门 · 整体 in one line). */
  hideStatus?: boolean;
}

/** One need (需求) in a list: category, urgency, status, departments and whether anything is overdue. */
export function NeedCard({ need, showEnterprise = false, onClick, extra, actions, hideStatus = false }: NeedCardProps) {
  return (
    <View className={`need-card${need.overdue ? ' need-card--overdue' : ''}`} data-need-id={need.id}>
      <View className="need-card__main" onClick={() => onClick?.(need)}>
        <View className="need-card__top">
          <StatusTag text={NEED_CATEGORY_LABELS[need.category]} tone="brand" />
          {need.urgency !== 'NORMAL' ? <StatusTag className="need-card__urgency" text={NEED_URGENCY_LABELS[need.urgency]} tone={URGENCY_TONES[need.urgency]} /> : null}
          {need.overdue ? <StatusTag className="need-card__overdue" text="已超期" tone="danger" /> : null}
          {need.isSample ? <StatusTag className="need-card__sample" text="示例" tone="muted" /> : null}
          {hideStatus ? null : <StatusTag className="need-card__status" text={NEED_STATUS_LABELS[need.status]} tone={NEED_STATUS_TONES[need.status]} />}
        </View>
        <Text className="need-card__title">{need.title}</Text>
        <Text className="need-card__meta">
          {showEnterprise ? `${need.enterpriseName} · ${need.raisedByName} · ` : ''}
          {formatDateTime(need.createdAt)} 提出
        </Text>
        {need.departments.length > 0 ? <Text className="need-card__departments">承办：{need.departments.join('、')}</Text> : null}
        {need.rating !== null ? <Text className="need-card__rating">{'★'.repeat(need.rating)}{'☆'.repeat(5 - need.rating)}</Text> : null}
      </View>
      {extra}
      {actions ? <View className="need-card__actions">{actions}</View> : null}
    </View>
  );
}
