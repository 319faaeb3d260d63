import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BrandWorkspaceResponse, OrgTreeNode, PostResponse, SaveBrandRequest } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { ReasonDialog } from '@/components/reason-dialog';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { brandOrgIds } from '@/features/brand/access';
import { addPostReview, deletePost, getWorkspaceBrand, saveWorkspaceBrand, submitWorkspaceBrand } from '@/features/brand/workspace-api';
import { BrandEditor, type BrandEditorInitial } from '@/features/brand/components/brand-editor';
import { BrandStatusBanner } from '@/features/brand/components/brand-status-banner';
import { PostCard } from '@/features/brand/components/post-card';
import { chinaToday } from '@/features/brand/format';
import { pickAndUploadImage } from '@/features/brand/upload-image';
import { useMe } from '@/features/profile/hooks/use-me';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { combineQueries, useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

function findOrg(nodes: OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findOrg(node.children, id);
    if (found) return found;
  }
  return undefined;
}

function initialOf(brand: BrandWorkspaceResponse | null, orgName: string): BrandEditorInitial {
  if (brand) {
    return { content: brand.content, cover: brand.cover, gallery: brand.gallery, storyImages: brand.storyImages };
  }
  return { content: { name: orgName, slogan: '', story: [], coverImageId: null, galleryImageIds: [], honours: [] }, cover: null, gallery: [], storyImages: [] };
}

export default function WorkspaceBrandPage() {
  const { params } = useRouter();
  const signedIn = useRequireSession();
  const me = useMe(signedIn);
  const tree = useOrgTree(signedIn);
  const orgIds = brandOrgIds(me.data);
  const [picked, setPicked] = useState<string | undefined>(params.orgId);
  const orgId = picked ?? orgIds[0];
  // Never cached (the editor starts from it); reloaded on show: back from the post form, show the new post.
  const brand = useQuery(() => getWorkspaceBrand(orgId ?? ''), { enabled: orgId !== undefined, refreshOnShow: true });
  const [reviewing, setReviewing] = useState<PostResponse | null>(null);
  usePullToRefresh(brand.reload);

  if (me.data && orgIds.length === 0) {
    return (
      <PageShell className="workspace-brand-page">
        <EmptyState icon="brand" title="你还不是支部书记" description="党建品牌由本组织的支部书记编辑和提交" />
      </PageShell>
    );
  }

  const handleSave = async (request: SaveBrandRequest) => {
    if (!orgId) return;
    await saveWorkspaceBrand(orgId, request);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    await brand.reload();
  };
  const handleSubmit = async (request: SaveBrandRequest) => {
    if (!orgId) return;
    await saveWorkspaceBrand(orgId, request);
    await submitWorkspaceBrand(orgId);
    void Taro.showToast({ title: '已提交审核', icon: 'success' });
    await brand.reload();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const handleDelete = async (post: PostResponse) => {
    const { confirm } = await Taro.showModal({ title: '删除岗位', content: `确定删除「${post.name}」吗？删除后立即从品牌页撤下，无需审核。`, confirmText: '删除', confirmColor: '#c8102e' });
    if (!confirm) return;
    try {
      await deletePost(post.id);
      await brand.reload();
    } catch {
      // Toasted by the HTTP client.
    }
  };
  const handleReview = async (note: string) => {
    if (!reviewing) return;
    await addPostReview(reviewing.id, { reviewedOn: chinaToday(), note });
    void Taro.showToast({ title: '已记录点评', icon: 'success' });
    await brand.reload();
  };
  const openPost = (id?: string) => void Taro.navigateTo({ url: withQuery(ROUTES.workspaceBrandPost, { orgId, id }) });

  const renderWorkspace = ([, current, treeData]: [unknown, BrandWorkspaceResponse | null, OrgTreeNode[]]) => {
    const orgName = current?.orgName ?? (orgId ? findOrg(treeData, orgId)?.name : undefined) ?? '本组织';
    // The server says whether the brand may change now (not while it waits for review). Saving an
    // approved brand makes it a draft again, so the editor's 保存并提交审核 is offered whenever it may change.
    const locked = current !== null && !current.canEdit;
    return (
      <>
        <View className="workspace-brand-page__header">
          <Text className="workspace-brand-page__title">{orgName}</Text>
          <Text className="workspace-brand-page__subtitle">一企一品牌：编辑后提交产业党委审核，通过后向成员展示</Text>
          {orgIds.length > 1 ? (
            <View className="workspace-brand-page__orgs">
              {orgIds.map((id) => (
                <Text key={id} className={`workspace-brand-page__org${id === orgId ? ' workspace-brand-page__org--active' : ''}`} onClick={() => setPicked(id)}>
                  {findOrg(treeData, id)?.name ?? id}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
        <View className="workspace-brand-page__body">
          {current ? (
            <BrandStatusBanner brand={current} />
          ) : (
            <View className="workspace-brand-page__new">
              <Text className="workspace-brand-page__new-text">本组织还没有党建品牌，填写下方内容创建第一版。</Text>
            </View>
          )}
          <View className="workspace-brand-page__section-title">
            <Text>品牌内容</Text>
          </View>
          <BrandEditor key={orgId} initial={initialOf(current, orgName)} disabled={locked} onPickImage={pickAndUploadImage} onSave={handleSave} onSubmit={handleSubmit} />

          <View className="workspace-brand-page__section-title">
            <Text>党员先锋岗 · 责任区</Text>
            {current && !locked ? (
              <Text className="workspace-brand-page__add-post" onClick={() => openPost()}>
                + 新增
              </Text>
            ) : null}
          </View>
          <Text className="workspace-brand-page__post-rules">
            新增或修改岗位后，品牌回到草稿，需在上方“保存并提交审核”，审核通过后才向成员展示（此前成员看到的仍是上一版）；删除岗位立即从品牌页撤下，无需审核；点评随时记录，无需审核。品牌审核期间不能修改岗位。
          </Text>
          <View className="workspace-brand-page__posts">
            {!current ? <Text className="workspace-brand-page__none">先保存品牌，再设立先锋岗和责任区</Text> : null}
            {current && current.posts.length === 0 ? <Text className="workspace-brand-page__none">暂未设立，点击「+ 新增」添加</Text> : null}
            {current?.posts.map((post) => (
              <PostCard
                key={post.id}
                post={post}
                reviews={3}
                footer={
                  <>
                    {post.published ? null : <Text className="workspace-brand-page__unpublished">待审核发布</Text>}
                    <Button className="workspace-brand-page__review" size="small" shape="round" fill="outline" type="primary" onClick={() => setReviewing(post)}>
                      点评
                    </Button>
                    {locked ? null : (
                      <>
                        <Button className="workspace-brand-page__edit-post" size="small" shape="round" fill="outline" onClick={() => openPost(post.id)}>
                          编辑
                        </Button>
                        <Text className="workspace-brand-page__delete-post" onClick={() => void handleDelete(post)}>
                          删除
                        </Text>
                      </>
                    )}
                  </>
                }
              />
            ))}
          </View>
        </View>
      </>
    );
  };

  return (
    <PageShell className="workspace-brand-page">
      <QueryView query={combineQueries<[unknown, BrandWorkspaceResponse | null, OrgTreeNode[]]>(me, brand, tree)} stateClassName="workspace-brand-page__state">
        {renderWorkspace}
      </QueryView>
      <ReasonDialog
        visible={reviewing !== null}
        title={`点评 · ${reviewing?.name ?? ''}`}
        placeholder="本期履职情况、承诺完成情况"
        required
        maxLength={500}
        confirmText="记录点评"
        onConfirm={handleReview}
        onClose={() => setReviewing(null)}
      />
    </PageShell>
  );
}
