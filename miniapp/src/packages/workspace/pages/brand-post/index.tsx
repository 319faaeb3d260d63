import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { BrandWorkspaceResponse, OrgTreeNode, Page, SavePostRequest, UserResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { createPost, getWorkspaceBrand, listOrgMembers, updatePost } from '@/features/brand/workspace-api';
import { PostForm } from '@/features/brand/components/post-form';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { combineQueries, useQuery } from '@/hooks/use-query';
import './index.scss';

function enterpriseOf(nodes: OrgTreeNode[], id: string): string | null {
  for (const node of nodes) {
    if (node.id === id) return node.enterpriseId ?? null;
    const found = enterpriseOf(node.children, id);
    if (found) return found;
  }
  return null;
}

export default function WorkspaceBrandPostPage() {
  const { params } = useRouter();
  const orgId = params.orgId ?? '';
  const postId = params.id;
  const signedIn = useRequireSession();
  // The brand is never cached here: the post form starts from it.
  const brand = useQuery(() => getWorkspaceBrand(orgId), { enabled: signedIn && orgId !== '' });
  const members = useQuery(() => listOrgMembers(orgId), { key: `org:members:${orgId}`, enabled: signedIn && orgId !== '' });
  const tree = useOrgTree(signedIn);

  const handleSubmit = async (request: SavePostRequest) => {
    if (postId) {
      await updatePost(postId, request);
    } else {
      await createPost(orgId, request);
    }
    await Taro.showToast({ title: '已保存', icon: 'success', duration: 1000 });
    void Taro.navigateBack();
  };

  const renderForm = ([current, memberPage, treeData]: [BrandWorkspaceResponse | null, Page<UserResponse>, OrgTreeNode[]]) => {
    const post = postId ? (current?.posts.find((item) => item.id === postId) ?? null) : null;
    return <PostForm post={post} members={memberPage.items} enterpriseId={enterpriseOf(treeData, orgId)} onSubmit={handleSubmit} />;
  };

  return (
    <PageShell className="workspace-brand-post-page">
      <View className="workspace-brand-post-page__body">
        <QueryView query={combineQueries<[BrandWorkspaceResponse | null, Page<UserResponse>, OrgTreeNode[]]>(brand, members, tree)}>{renderForm}</QueryView>
      </View>
    </PageShell>
  );
}
