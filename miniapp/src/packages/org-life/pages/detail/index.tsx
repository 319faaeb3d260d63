import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { MeetingDetail } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { isAdmin } from '@/features/admin/access';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { getMeeting } from '@/features/org-life/api';
import { MeetingView } from '@/features/org-life/components/meeting-view';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/**
 * 会议记录: one record, read-only (a draft offers 继续编辑 to its secretary; an archived one offers 更正记录 to an
 * admin). Not yours reads as not found.
 */
export default function MeetingDetailPage() {
  const signedIn = useRequireSession();
  const { user } = useSession();
  const { params } = useRouter();
  const id = params.id ?? '';
  // Reloaded on show: back from the editor.
  const meeting = useQuery(() => getMeeting(id), { key: `org-life:meeting:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  usePullToRefresh(meeting.reload);

  return (
    <PageShell className="meeting-detail-page">
      <QueryView query={meeting} loadingCards={3}>
        {(data: MeetingDetail) => (
          <>
            <MeetingView meeting={data} myUserId={user?.id} />
            {data.canEdit ? (
              <View className="meeting-detail-page__actions">
                <Button className="meeting-detail-page__edit" shape="round" size="large" type="primary" block onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.orgLifeEditor, { id: data.id }) })}>
                  继续编辑
                </Button>
              </View>
            ) : null}
            {data.canCorrect && isAdmin(user) ? (
              <View className="meeting-detail-page__actions">
                <Button
                  className="meeting-detail-page__correct"
                  shape="round"
                  size="large"
                  fill="outline"
                  type="primary"
                  block
                  onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.orgLifeEditor, { id: data.id, mode: 'correct' }) })}
                >
                  更正记录
                </Button>
                <Text className="meeting-detail-page__note">管理员可更正已归档的记录，更正记入审计日志</Text>
              </View>
            ) : null}
          </>
        )}
      </QueryView>
    </PageShell>
  );
}
