import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { NEED_LIMITS, type DeadlineRunResult } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import { runDeadlineChecks } from '../api';
import { useSave } from '../save';
import { Refusal } from './org-panel';
import './deadline-checks.scss';

/** What one run did, in the words of the 需求台账. */
export function deadlineRunText(result: DeadlineRunResult): string {
  if (result.reminded + result.overdue + result.escalated === 0) return '检查完成：没有需要提醒、标记超期或催办的需求。';
  return `检查完成：提醒即将到期 ${result.reminded} 件，标记超期并上报 ${result.overdue} 件，催办长期无人处理 ${result.escalated} 件。`;
}

/** 概览: run the needs' deadline checks now instead of waiting for the next scheduled run. */
export function DeadlineChecks() {
  const run = useSave();
  const [last, setLast] = useState<{ result: DeadlineRunResult; at: string }>();

  const handleRun = async () => {
    const { confirm } = await Taro.showModal({
      title: '运行期限检查',
      content: `立即检查需求承办期限：提醒 ${NEED_LIMITS.reminderHoursBefore} 小时内到期的承办部门，标记超期并上报管理员，催办 ${NEED_LIMITS.staleDays} 天无人处理的需求。相关人员会收到通知，确定运行吗？`,
      confirmText: '运行',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    const result = await run.run(runDeadlineChecks, '检查完成');
    if (result) setLast({ result, at: new Date().toISOString() });
  };

  return (
    <View className="deadline-checks">
      <View className="deadline-checks__text">
        <Text className="deadline-checks__title">需求期限检查</Text>
        <Text className="deadline-checks__note">系统每 5 分钟自动检查一次；需要时可立即运行，每件只提醒一次。</Text>
        {last ? (
          <Text className="deadline-checks__result">
            {deadlineRunText(last.result)}（{formatDateTime(last.at)}）
          </Text>
        ) : null}
        <Refusal text={run.error} />
      </View>
      <Button className="deadline-checks__run" type="primary" shape="round" loading={run.busy} onClick={() => void handleRun()}>
        运行期限检查
      </Button>
    </View>
  );
}
