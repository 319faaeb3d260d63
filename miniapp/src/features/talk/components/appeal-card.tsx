import { Text, View } from '@tarojs/components';
import { APPEAL_CATEGORY_LABELS, APPEAL_PROGRESS_LABELS, type AppealResponse } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/lib/datetime';
import { APPEAL_PROGRESS_TONES } from '../format';
import './appeal-card.scss';

interface AppealCardProps {
  appeal: AppealResponse;
  /** 我的诉求 lists appeals of several sessions: name the session. */
  showTalk?: boolean;
  onClick?: (appeal: AppealResponse) => void;
}

/** One appeal (诉求) with where it stands and the department's answer. */
export function AppealCard({ appeal, showTalk = false, onClick }: AppealCardProps) {
  return (
    <View className="appeal-card" onClick={() => onClick?.(appeal)}>
      <View className="appeal-card__top">
        <StatusTag text={APPEAL_CATEGORY_LABELS[appeal.category]} tone="brand" />
        <StatusTag className="appeal-card__status" text={APPEAL_PROGRESS_LABELS[appeal.progress]} tone={APPEAL_PROGRESS_TONES[appeal.progress]} />
      </View>
      {showTalk ? <Text className="appeal-card__talk">企业家月月谈 · {appeal.talkTheme}</Text> : null}
      <Text className="appeal-card__content">{appeal.content}</Text>
      <Text className="appeal-card__meta">
        {appeal.enterpriseName} · {appeal.position} · {formatDateTime(appeal.createdAt)} 提交
      </Text>
      {appeal.answer ? (
        <View className="appeal-card__answer">
          <Text className="appeal-card__answer-label">答复{appeal.answeredAt ? ` · ${formatDateTime(appeal.answeredAt)}` : ''}</Text>
          <Text className="appeal-card__answer-text">{appeal.answer}</Text>
        </View>
      ) : (
        <Text className="appeal-card__waiting">承办部门将在会上或会后答复，答复后会显示在这里</Text>
      )}
    </View>
  );
}
