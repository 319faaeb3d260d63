import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PaperResponse } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listPapers, startPaperAttempt } from '@/features/study/api';
import { PaperCard } from '@/features/study/components/paper-card';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function PapersPage() {
  const signedIn = useRequireSession();
  // Reloaded on show: back from an attempt, its score and the attempts left have changed.
  const papers = useQuery(listPapers, { key: 'study:papers', enabled: signedIn, refreshOnShow: true });
  const [busyId, setBusyId] = useState<string | null>(null);
  usePullToRefresh(papers.reload);

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

  return (
    <PageShell className="papers-page">
      <View className="papers-page__list">
        <QueryView query={papers} loadingCards={2} empty={<EmptyState icon="document" title="暂无专题测试" description="发布新的专题测试后会出现在这里" />}>
          {(data) => data.map((paper) => <PaperCard key={paper.id} paper={paper} busy={busyId === paper.id} onStart={(item) => void handleStart(item)} />)}
        </QueryView>
      </View>
    </PageShell>
  );
}
