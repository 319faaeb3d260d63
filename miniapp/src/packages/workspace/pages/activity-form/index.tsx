import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { getActivity } from '@/features/activity/api';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useMe } from '@/features/profile/hooks/use-me';
import { draftFromActivity, emptyDraft, toActivityRequest, type ActivityDraft } from '@/features/workspace/activity-draft';
import { createActivity, publishActivity, updateActivity } from '@/features/workspace/api';
import { ActivityEditor } from '@/features/workspace/components/activity-editor';
import { orgOptionsFor, useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function WorkspaceActivityFormPage() {
  const { params } = useRouter();
  const id = params.id;
  const signedIn = useRequireSession();
  const me = useMe(signedIn);
  const tree = useOrgTree(signedIn);
  const existing = useQuery(() => getActivity(id ?? ''), signedIn && id !== undefined);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '发布新活动' });
  }, [id]);

  const handleSave = async (draft: ActivityDraft, publish: boolean) => {
    const { orgId, ...changes } = toActivityRequest(draft);
    const saved = id ? await updateActivity(id, changes) : await createActivity({ orgId, ...changes });
    if (publish) {
      try {
        await publishActivity(saved.id);
      } catch (error) {
        if (id) {
          throw error;
        }
        // The draft exists now (the reason was toasted): back to the list, where it can be fixed and published.
        setTimeout(() => void Taro.navigateBack(), 1500);
        return;
      }
    }
    await Taro.showToast({ title: publish ? '活动已发布' : '已保存', icon: 'success', duration: 1200 });
    setTimeout(() => void Taro.navigateBack(), 600);
  };

  const error = me.error ?? tree.error ?? existing.error;
  if (error || !me.data || !tree.data || (id !== undefined && !existing.data)) {
    return (
      <PageShell className="activity-form-page">
        <View className="activity-form-page__state">{error ? <ErrorState message={error.message} /> : <LoadingState cards={3} />}</View>
      </PageShell>
    );
  }

  const orgOptions = orgOptionsFor(me.data, tree.data);
  const activity = existing.data;
  const initial = activity ? draftFromActivity(activity) : emptyDraft(orgOptions[0]?.id ?? '');
  return (
    <PageShell className="activity-form-page">
      <ActivityEditor
        initial={initial}
        orgOptions={activity ? [{ id: activity.orgId, name: activity.orgName }] : orgOptions}
        orgLocked={activity !== undefined}
        canPublish={!activity || activity.status === 'DRAFT'}
        onSave={handleSave}
      />
    </PageShell>
  );
}
