import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AnswerInput, DailyQuizResponse, QuizResult } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getDailyQuiz, submitDailyQuiz } from '@/features/study/api';
import { AnswerSheet } from '@/features/study/components/answer-sheet';
import { QuizScore } from '@/features/study/components/quiz-score';
import { useQuery } from '@/hooks/use-query';
import { ApiError } from '@/services/http';
import './index.scss';

export default function DailyQuizPage() {
  const signedIn = useRequireSession();
  // Never cached: the answer sheet is built from it.
  const quiz = useQuery(getDailyQuiz, { enabled: signedIn });
  const [submitted, setSubmitted] = useState<QuizResult>();
  const result = submitted ?? quiz.data?.result ?? undefined;

  const handleSubmit = async (answers: AnswerInput[]) => {
    try {
      setSubmitted(await submitDailyQuiz({ answers }));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DAILY_QUIZ_DONE') {
        // Answered elsewhere today: show that result.
        void Taro.showToast({ title: error.message, icon: 'none' });
        await quiz.reload();
        return;
      }
      if (error instanceof ApiError && error.statusCode === 409) {
        void Taro.showToast({ title: error.message, icon: 'none' });
      }
    }
  };

  const renderQuiz = (data: DailyQuizResponse) => (
    <>
      {result ? (
        <QuizScore result={result} />
      ) : (
        <View className="daily-quiz-page__intro">
          <Text className="daily-quiz-page__intro-title">今日 {data.questions.length} 题</Text>
          <Text className="daily-quiz-page__intro-text">每天一次，全部答对得 2 分，其余得 1 分。提交后可查看正确答案与解析。</Text>
        </View>
      )}
      <AnswerSheet questions={data.questions} results={result?.items} submitText="提交答案" onSubmit={handleSubmit} />
      {result ? <Text className="daily-quiz-page__tomorrow">今日答题已完成，明天再来吧</Text> : null}
    </>
  );

  return (
    <PageShell className="daily-quiz-page">
      <View className="daily-quiz-page__body">
        <QueryView query={quiz}>{renderQuiz}</QueryView>
      </View>
    </PageShell>
  );
}
