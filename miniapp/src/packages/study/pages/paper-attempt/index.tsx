import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AnswerInput, PaperAttemptResponse } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getPaperAttempt, listPapers, submitPaperAttempt } from '@/features/study/api';
import { AnswerSheet } from '@/features/study/components/answer-sheet';
import { QuizScore } from '@/features/study/components/quiz-score';
import { formatClock } from '@/features/study/format';
import { useQuery } from '@/hooks/use-query';
import { ApiError } from '@/services/http';
import './index.scss';

/** Seconds left until the server's deadline, ticking every second while unanswered. */
function useCountdown(deadlineAt: string | undefined, running: boolean): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) {
      return undefined;
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return deadlineAt ? Math.max(0, (new Date(deadlineAt).getTime() - now) / 1000) : undefined;
}

export default function PaperAttemptPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const paperId = params.paperId ?? '';
  const signedIn = useRequireSession();
  // Never cached: the answer sheet is built from it.
  const attempt = useQuery(() => getPaperAttempt(id), { enabled: signedIn && id !== '' });
  const papers = useQuery(listPapers, { key: 'study:papers', enabled: signedIn });
  const paper = papers.data?.find((item) => item.id === (attempt.data?.paperId ?? paperId));
  const [finished, setFinished] = useState<PaperAttemptResponse>();
  const [timeUp, setTimeUp] = useState(false);
  const view = finished ?? attempt.data;
  const answering = view !== undefined && !view.submitted && !timeUp;
  const left = useCountdown(view?.deadlineAt, answering);

  const handleSubmit = async (answers: AnswerInput[]) => {
    try {
      setFinished(await submitPaperAttempt(id, { answers }));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 409) {
        void Taro.showModal({ title: '无法提交', content: error.message, showCancel: false, confirmColor: '#c8102e' });
        if (error.code === 'PAPER_TIME_UP') {
          setTimeUp(true);
        }
      }
    }
  };

  useEffect(() => {
    if (answering && left === 0) {
      setTimeUp(true);
      void Taro.showModal({ title: '时间到', content: '本次测试的作答时间已用完，未提交的作答不计成绩。', showCancel: false, confirmColor: '#c8102e' });
    }
  }, [answering, left]);

  const renderAttempt = (current: PaperAttemptResponse) => {
    const result = current.result;
    return (
      <>
        {result ? (
          <QuizScore result={result} paper={{ score: result.score, passed: result.passed, passScore: paper?.passScore ?? 0 }} />
        ) : (
          <View className={`paper-attempt-page__timer${left !== undefined && left < 60 ? ' paper-attempt-page__timer--urgent' : ''}`}>
            <Text className="paper-attempt-page__timer-label">{timeUp ? '作答时间已到' : `第 ${current.attemptNo} 次作答 · 剩余时间`}</Text>
            <Text className="paper-attempt-page__timer-clock">{left === undefined ? '--:--' : formatClock(left)}</Text>
          </View>
        )}
        {paper ? <Text className="paper-attempt-page__title">{paper.title}</Text> : null}
        <AnswerSheet questions={current.questions} results={result?.items} submitText="交卷" onSubmit={timeUp ? undefined : handleSubmit} />
      </>
    );
  };

  return (
    <PageShell className="paper-attempt-page">
      <View className="paper-attempt-page__body">
        <QueryView query={{ ...attempt, data: view }}>{renderAttempt}</QueryView>
      </View>
    </PageShell>
  );
}
