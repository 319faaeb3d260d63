import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { ACTIVITY_STATUS_LABELS, type TalkSummary } from '@torch-red/shared';
import { formatTimeRange } from '@/lib/datetime';
import { ROUTES, withQuery } from '@/services/routes';
import { publishMinutes, publishTalk } from '../api';
import { AdminField } from './admin-panel';

interface TalkPanelProps {
  talk: TalkSummary;
  onEdit: () => void;
  /** The session changed (published, minutes): the list shows it again. */
  onChanged: (talk: TalkSummary) => void;
}

/** One 月月谈 session: where it stands, 发布, its registrations and appeals (their own pages), and the minutes. */
export function TalkPanel({ talk, onEdit, onChanged }: TalkPanelProps) {
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState<'publish' | 'minutes' | null>(null);
  const { activity } = talk;
  const open = (url: string) => () => void Taro.navigateTo({ url });

  const run = async (kind: 'publish' | 'minutes', action: () => Promise<TalkSummary>, done: string) => {
    setBusy(kind);
    try {
      onChanged(await action());
      void Taro.showToast({ title: done, icon: 'none' });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    const { confirm } = await Taro.showModal({ title: '发布月月谈', content: `发布后企业家即可看到「${talk.theme}」并报名，确定发布吗？`, confirmText: '发布', confirmColor: '#c8102e' });
    if (confirm) await run('publish', () => publishTalk(talk.id), '已发布，企业家可以报名了');
  };

  return (
    <View className="talk-panel">
      <AdminField label="状态" name="status">{ACTIVITY_STATUS_LABELS[activity.status]}</AdminField>
      <AdminField label="时间" name="time">{formatTimeRange(activity.startAt, activity.endAt)}</AdminField>
      <AdminField label="地点" name="location">{activity.location}</AdminField>
      <AdminField label="报名" name="registrations">
        {`已确认 ${activity.confirmedCount} / ${activity.capacity ?? '不限'} 席 · 待审核 ${activity.pendingCount} · 候补 ${activity.waitlistCount}`}
      </AdminField>
      <AdminField label="承办部门" name="departments">{talk.hostDepartments.map((d) => d.name).join('、') || '—'}</AdminField>
      <View className="admin-panel__buttons">
        {activity.status === 'DRAFT' ? (
          <Button className="talk-panel__publish" type="primary" shape="round" loading={busy === 'publish'} onClick={() => void publish()}>
            发布
          </Button>
        ) : null}
        {activity.status !== 'CANCELLED' ? (
          <Button className="talk-panel__edit" shape="round" fill="outline" type="primary" onClick={onEdit}>
            编辑
          </Button>
        ) : null}
        <Button className="talk-panel__registrations" shape="round" fill="outline" onClick={open(withQuery(ROUTES.workspaceRegistrations, { id: activity.id }))}>
          报名名单
        </Button>
        <Button className="talk-panel__appeals" shape="round" fill="outline" onClick={open(withQuery(ROUTES.talkAppeals, { talkId: talk.id }))}>
          诉求答复
        </Button>
        <Button className="talk-panel__audit" shape="round" fill="outline" onClick={open(withQuery(ROUTES.adminAudit, { entityType: 'talk', entityId: talk.id }))}>
          审计记录
        </Button>
      </View>
      <Text className="admin-panel__section">会议纪要{talk.minutesPublished ? '（已发布，可重新发布）' : ''}</Text>
      <AdminField label="纪要内容" name="minutes">
        <TextArea className="talk-panel__minutes" value={minutes} placeholder="会上议定的事项、各部门的答复与后续安排" maxLength={20000} rows={4} onChange={setMinutes} />
      </AdminField>
      <View className="admin-panel__buttons">
        <Button
          className="talk-panel__publish-minutes"
          type="primary"
          shape="round"
          loading={busy === 'minutes'}
          onClick={() => (minutes.trim() ? void run('minutes', () => publishMinutes(talk.id, minutes.trim()), '纪要已发布') : void Taro.showToast({ title: '请填写纪要', icon: 'none' }))}
        >
          发布纪要
        </Button>
      </View>
    </View>
  );
}
