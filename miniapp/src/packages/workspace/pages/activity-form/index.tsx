import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { ActivityDetailResponse, MeResponse, OrgTreeNode } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { getActivity } from '@/features/activity/api';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { useMe } from '@/features/profile/hooks/use-me';
import { draftFromActivity, emptyDraft, toActivityRequest, type ActivityDraft } from '@/features/workspace/activity-draft';
import { createActivity, publishActivity, updateActivity } from '@/features/workspace/api';
import { ActivityEditor } from '@/features/workspace/components/activity-editor';
import { orgOptionsFor, useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { combineQueries, useQuery } from '@/hooks/use-query';
import './index.scss';

export default function WorkspaceActivityFormPage() {
  const { params } = useRouter();
  const id = params.id;
  const signedIn = useRequireSession();
  const me = useMe(signedIn);
  const tree = useOrgTree(signedIn);
  // Never cached: the editor starts from it.
  const existing = useQuery(() => getActivity(id ?? ''), { enabled: signedIn && id !== undefined });

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

  // A new activity has nothing to load.
  const activity = id === undefined ? { ...existing, data: null } : existing;

  const renderEditor = ([meData, treeData, current]: [MeResponse, OrgTreeNode[], ActivityDetailResponse | null]) => {
    const orgOptions = orgOptionsFor(meData, treeData);
    return (
      <ActivityEditor
        initial={current ? draftFromActivity(current) : emptyDraft(orgOptions[0]?.id ?? '')}
        orgOptions={current ? [{ id: current.orgId, name: current.orgName }] : orgOptions}
        orgLocked={current !== null}
        canPublish={!current || current.status === 'DRAFT'}
        onSave={handleSave}
      />
    );
  };

  return (
    <PageShell className="activity-form-page">
      <QueryView query={combineQueries<[MeResponse, OrgTreeNode[], ActivityDetailResponse | null]>(me, tree, activity)} stateClassName="activity-form-page__state">
        {renderEditor}
      </QueryView>
    </PageShell>
  );
}
