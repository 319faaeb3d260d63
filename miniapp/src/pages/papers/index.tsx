import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { PaperResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listPapers, startPaperAttempt } from '@/features/study/api';
import { PaperCard } from '@/features/study/components/paper-card';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function PapersPage() {
  const signedIn = useRequireSession();
  const papers = useQuery(listPapers, signedIn);
  const [busyId, setBusyId] = useState<string | null>(null);
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (shownBefore.current) {
      void papers.reload();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void papers.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const handleStart = async (paper: PaperResponse) => {
    const { confirm } = await Taro.showModal({
      title: paper.title,
      content: `共 ${paper.questionCount} 题，限时 ${paper.timeLimitMinutes} 分钟，开始后计时不会暂停。确定开始吗？`,
      confirmText: '开始',
      confirmColor: '#c8102e',
    });
    if (!confirm) {
      return;
    }
    setBusyId(paper.id);
    try {
      const attempt = await startPaperAttempt(paper.id);
      void Taro.navigateTo({ url: withQuery(ROUTES.paperAttempt, { id: attempt.id, paperId: paper.id }) });
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusyId(null);
    }
  };

  let content;
  if (papers.data && papers.data.length === 0) {
    content = <EmptyState title="暂无专题测试" description="发布新的专题测试后会出现在这里" />;
  } else if (papers.data) {
    content = papers.data.map((paper) => <PaperCard key={paper.id} paper={paper} busy={busyId === paper.id} onStart={(item) => void handleStart(item)} />);
  } else if (papers.error) {
    content = <ErrorState message={papers.error.message} onRetry={() => void papers.reload()} />;
  } else {
    content = <LoadingState cards={2} />;
  }

  return (
    <PageShell className="papers-page">
      <View className="papers-page__list">{content}</View>
    </PageShell>
  );
}
