import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrgTreeNode, SavePostRequest } from '@torch-red/shared';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { createPost, getWorkspaceBrand, listOrgMembers, updatePost } from '@/features/brand/api';
import { PostForm } from '@/features/brand/components/post-form';
import { useOrgTree } from '@/features/workspace/hooks/use-org-options';
import { useQuery } from '@/hooks/use-query';
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
  const brand = useQuery(() => getWorkspaceBrand(orgId), signedIn && orgId !== '');
  const members = useQuery(() => listOrgMembers(orgId), signedIn && orgId !== '');
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

  const error = brand.error ?? members.error;
  let content;
  if (error) {
    content = <ErrorState message={error.message} onRetry={() => void Promise.all([brand.reload(), members.reload()])} />;
  } else if (brand.data === undefined || !members.data || !tree.data) {
    content = <LoadingState cards={3} />;
  } else {
    const post = postId ? (brand.data?.posts.find((item) => item.id === postId) ?? null) : null;
    content = <PostForm post={post} members={members.data.items} enterpriseId={enterpriseOf(tree.data, orgId)} onSubmit={handleSubmit} />;
  }

  return (
    <PageShell className="workspace-brand-post-page">
      <View className="workspace-brand-post-page__body">{content}</View>
    </PageShell>
  );
}
