import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingActivityItem, type MeetingKind } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { createMeeting, listMeetingActivities } from '@/features/org-life/api';
import { formatDateTime } from '@/lib/datetime';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/** 新建记录: the kind first, then a blank record or one made from a finished activity of the branch. */
export default function NewMeetingPage() {
  const signedIn = useRequireSession();
  const { params } = useRouter();
  const orgId = params.orgId ?? '';
  const [kind, setKind] = useState<MeetingKind | undefined>(() => MEETING_KINDS.find((value) => value === params.kind));
  const [missingKind, setMissingKind] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);
  // Never cached: an activity turned into a record leaves the list.
  const activities = useQuery(() => listMeetingActivities(orgId), { enabled: signedIn && orgId !== '' });

  const chosen = (): MeetingKind | undefined => {
    setMissingKind(!kind);
    return kind;
  };

  const handleBlank = () => {
    const picked = chosen();
    if (picked) void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeEditor, { orgId, kind: picked }) });
  };

  const handleFromActivity = async (activity: MeetingActivityItem) => {
    const picked = chosen();
    if (!picked) return;
    setCreating(activity.id);
    try {
      const meeting = await createMeeting(orgId, { kind: picked, startsAt: activity.startsAt, topic: activity.title, fromActivityId: activity.id });
      void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeEditor, { id: meeting.id }) });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setCreating(null);
    }
  };

  return (
    <PageShell className="new-meeting-page">
      <View className={`new-meeting-page__card${missingKind ? ' new-meeting-page__card--invalid' : ''}`}>
        <Text className="new-meeting-page__step">第一步：选择会议类型</Text>
        <View className="new-meeting-page__kinds">
          {MEETING_KINDS.map((value) => (
            <Text
              key={value}
              className={`new-meeting-page__kind${kind === value ? ' new-meeting-page__kind--active' : ''}`}
              onClick={() => {
                setKind(value);
                setMissingKind(false);
              }}
            >
              {MEETING_KIND_LABELS[value]}
            </Text>
          ))}
        </View>
        {missingKind ? <Text className="new-meeting-page__error">请先选择会议类型</Text> : null}
      </View>

      <View className="new-meeting-page__card">
        <Text className="new-meeting-page__step">第二步：填写记录</Text>
        <Button className="new-meeting-page__blank" shape="round" size="large" type="primary" block onClick={handleBlank}>
          填写空白记录
        </Button>
      </View>

      <View className="new-meeting-page__card">
        <Text className="new-meeting-page__step">或：从已结束的活动生成</Text>
        <Text className="new-meeting-page__hint">签到的同志记为出席，活动中请假的记为请假，本支部其余成员记为缺席；活动照片一并带入，生成后仍可修改。</Text>
        <QueryView
          query={activities}
          loadingCards={1}
          empty={<Text className="new-meeting-page__none">暂无可生成记录的活动。本支部已结束、且尚未生成记录的活动会出现在这里。</Text>}
        >
          {(items) =>
            items.map((activity) => (
              <View key={activity.id} className="new-meeting-page__activity" data-activity={activity.id}>
                <View className="new-meeting-page__activity-text">
                  <Text className="new-meeting-page__activity-title">{activity.title}</Text>
                  <Text className="new-meeting-page__activity-meta">
                    {formatDateTime(activity.startsAt)} · 签到 {activity.checkedInCount} 人
                  </Text>
                </View>
                <Button
                  className="new-meeting-page__generate"
                  shape="round"
                  fill="outline"
                  type="primary"
                  loading={creating === activity.id}
                  disabled={creating !== null}
                  onClick={() => void handleFromActivity(activity)}
                >
                  生成记录
                </Button>
              </View>
            ))
          }
        </QueryView>
      </View>
    </PageShell>
  );
}
