import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AnswerInput, AnswerResult, QuizQuestion as Question } from '@torch-red/shared';
import { QuizQuestion } from './quiz-question';
import './answer-sheet.scss';

interface AnswerSheetProps {
  questions: Question[];
  /** After submitting: results by question, shown in place of the choices. */
  results?: AnswerResult[];
  submitText: string;
  onSubmit?: (answers: AnswerInput[]) => Promise<void>;
}

/** A list of questions answered together (daily quiz, papers), then the results in place. */
export function AnswerSheet({ questions, results, submitText, onSubmit }: AnswerSheetProps) {
  const [choices, setChoices] = useState<Record<string, number[]>>({});
  const [submitting, setSubmitting] = useState(false);
  const answered = questions.filter((question) => (choices[question.id] ?? []).length > 0).length;
  const resultOf = (id: string) => results?.find((result) => result.questionId === id);

  const handleSubmit = async () => {
    if (!onSubmit || submitting) {
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(questions.map((question) => ({ questionId: question.id, choice: choices[question.id] ?? [] })));
    } finally {
      setSubmitting(false);
    }
  };

  const showBar = !results && onSubmit !== undefined;

  return (
    <View className={`answer-sheet${showBar ? ' answer-sheet--with-bar' : ''}`}>
      {questions.map((question, index) => {
        const result = resultOf(question.id);
        return (
          <QuizQuestion
            key={question.id}
            question={question}
            number={index + 1}
            choice={result ? result.choice : (choices[question.id] ?? [])}
            result={result}
            onChange={results ? undefined : (choice) => setChoices((previous) => ({ ...previous, [question.id]: choice }))}
          />
        );
      })}
      {!showBar ? null : (
        <View className="answer-sheet__bar">
          <Text className="answer-sheet__progress">
            已答 {answered}/{questions.length}
          </Text>
          <Button className="answer-sheet__submit" type="primary" shape="round" disabled={answered < questions.length} loading={submitting} onClick={() => void handleSubmit()}>
            {answered < questions.length ? `还有 ${questions.length - answered} 题未答` : submitText}
          </Button>
        </View>
      )}
    </View>
  );
}
