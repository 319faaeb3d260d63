import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AnswerInput, QuizResult } from '@torch-red/shared';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getDailyQuiz, submitDailyQuiz } from '@/features/study/api';
import { AnswerSheet } from '@/features/study/components/answer-sheet';
import { QuizScore } from '@/features/study/components/quiz-score';
import { useQuery } from '@/hooks/use-query';
import { ApiError } from '@/services/http';
import './index.scss';

export default function DailyQuizPage() {
  const signedIn = useRequireSession();
  const quiz = useQuery(getDailyQuiz, signedIn);
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

  let content;
  if (quiz.data) {
    content = (
      <>
        {result ? (
          <QuizScore result={result} />
        ) : (
          <View className="daily-quiz-page__intro">
            <Text className="daily-quiz-page__intro-title">今日 {quiz.data.questions.length} 题</Text>
            <Text className="daily-quiz-page__intro-text">每天一次，全部答对得 2 分，其余得 1 分。提交后可查看正确答案与解析。</Text>
          </View>
        )}
        <AnswerSheet questions={quiz.data.questions} results={result?.items} submitText="提交答案" onSubmit={handleSubmit} />
        {result ? <Text className="daily-quiz-page__tomorrow">今日答题已完成，明天再来吧</Text> : null}
      </>
    );
  } else if (quiz.error) {
    content = <ErrorState message={quiz.error.message} onRetry={() => void quiz.reload()} />;
  } else {
    content = <LoadingState cards={3} />;
  }

  return (
    <PageShell className="daily-quiz-page">
      <View className="daily-quiz-page__body">{content}</View>
    </PageShell>
  );
}
