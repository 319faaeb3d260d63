import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACTIVITY_LIMITS, type ActivityResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { ReasonDialog } from '@/components/reason-dialog';
import { ActivityCard } from '@/features/activity/components/activity-card';
import { isAdmin } from '@/features/admin/access';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useSession } from '@/features/auth/session';
import { canKeepMeetings, canSeeCompliance } from '@/features/org-life/access';
import { useMe } from '@/features/profile/hooks/use-me';
import { workspaceScope } from '@/features/profile/workspace-access';
import { cancelActivity, listWorkspaceActivities, publishActivity } from '@/features/workspace/api';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function WorkspaceActivitiesPage() {
  const signedIn = useRequireSession();
  // Admins see every org's activities and committee staff their committee's: the title says whose these are.
  const { user } = useSession();
  const me = useMe(signedIn);
  const scope = workspaceScope(me.data ?? user);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: scope.entry });
  }, [scope.entry]);
  // Reloaded on show: back from the editor or a registrations page, show what changed.
  const list = usePagedList((cursor) => listWorkspaceActivities({ limit: 20, cursor }), { key: 'workspace:activities', enabled: signedIn, refreshOnShow: true });
  const [cancelling, setCancelling] = useState<ActivityResponse | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const open = (route: typeof ROUTES.workspaceActivityForm | typeof ROUTES.workspaceRegistrations | typeof ROUTES.workspaceCheckin, id?: string) => {
    void Taro.navigateTo({ url: withQuery(route, { id }) });
  };

  const handlePublish = async (activity: ActivityResponse) => {
    const { confirm } = await Taro.showModal({ title: '发布活动', content: `发布后成员即可看到「${activity.title}」并报名，确定发布吗？`, confirmText: '发布', confirmColor: '#c8102e' });
    if (!confirm) {
      return;
    }
    setBusyId(activity.id);
    try {
      await publishActivity(activity.id);
      void Taro.showToast({ title: '已发布', icon: 'success' });
      await list.reload();
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusyId(null);
    }
  };

  const handleCancel = async (reason: string) => {
    if (!cancelling) {
      return;
    }
    await cancelActivity(cancelling.id, { reason: reason || undefined });
    void Taro.showToast({ title: '活动已取消，已通知报名者', icon: 'none' });
    await list.reload();
  };

  const renderItems = (items: ActivityResponse[]) =>
    items.map((activity) => (
      <ActivityCard
        key={activity.id}
        activity={activity}
        showStatus
        onClick={() => open(activity.status === 'DRAFT' ? ROUTES.workspaceActivityForm : ROUTES.workspaceRegistrations, activity.id)}
        footer={
          <View className="workspace-page__actions" onClick={(event) => event.stopPropagation()}>
            {activity.status !== 'CANCELLED' ? (
              <Button className="workspace-page__edit" size="small" shape="round" fill="outline" onClick={() => open(ROUTES.workspaceActivityForm, activity.id)}>
                编辑
              </Button>
            ) : null}
            {activity.status === 'DRAFT' ? (
              <Button className="workspace-page__publish" size="small" shape="round" type="primary" loading={busyId === activity.id} onClick={() => void handlePublish(activity)}>
                发布
              </Button>
            ) : null}
            {activity.status === 'PUBLISHED' ? (
              <>
                <Button className="workspace-page__registrations" size="small" shape="round" type="primary" onClick={() => open(ROUTES.workspaceRegistrations, activity.id)}>
                  报名名单{activity.pendingCount > 0 ? ` · ${activity.pendingCount} 待审` : ''}
                </Button>
                <Button className="workspace-page__checkin" size="small" shape="round" type="primary" fill="outline" onClick={() => open(ROUTES.workspaceCheckin, activity.id)}>
                  签到码
                </Button>
              </>
            ) : null}
            {activity.status !== 'CANCELLED' ? (
              <Button className="workspace-page__cancel" size="small" shape="round" fill="outline" type="primary" onClick={() => setCancelling(activity)}>
                取消活动
              </Button>
            ) : null}
          </View>
        }
      />
    ));

  return (
    <PageShell className="workspace-page">
      <View className="workspace-page__header">
        <View className="workspace-page__heading">
          <Text className="workspace-page__title">{scope.title}</Text>
          <Text className="workspace-page__subtitle">{scope.subtitle}</Text>
          <View className="workspace-page__links">
            <Text className="workspace-page__link workspace-page__roster" onClick={() => void Taro.navigateTo({ url: ROUTES.workspaceRoster })}>
              花名册 ›
            </Text>
            {canKeepMeetings(user) ? (
              <Text className="workspace-page__link workspace-page__org-life" onClick={() => void Taro.navigateTo({ url: ROUTES.orgLife })}>
                组织生活 ›
              </Text>
            ) : null}
            {canSeeCompliance(user) ? (
              <Text className="workspace-page__link workspace-page__compliance" onClick={() => void Taro.navigateTo({ url: ROUTES.orgLifeCompliance })}>
                组织生活合规 ›
              </Text>
            ) : null}
            {isAdmin(me.data ?? user) ? (
              <Text className="workspace-page__link workspace-page__admin" onClick={() => void Taro.navigateTo({ url: ROUTES.admin })}>
                管理后台 ›
              </Text>
            ) : null}
          </View>
        </View>
        <Button className="workspace-page__create" shape="round" onClick={() => open(ROUTES.workspaceActivityForm)}>
          发布新活动
        </Button>
      </View>
      <View className="workspace-page__list">
        <PagedList list={list} empty={<EmptyState icon="activity" title="还没有活动" description="点击上方「发布新活动」，为本组织组织一场主题党日或座谈吧" />}>
          {renderItems}
        </PagedList>
      </View>
      <ReasonDialog
        visible={cancelling !== null}
        title="取消活动"
        placeholder="取消原因（选填），将通知所有报名者"
        maxLength={ACTIVITY_LIMITS.reasonMaxLength}
        confirmText="确认取消活动"
        cancelText="不取消了"
        onConfirm={handleCancel}
        onClose={() => setCancelling(null)}
      />
    </PageShell>
  );
}
