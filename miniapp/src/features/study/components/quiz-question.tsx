import { Text, View } from '@tarojs/components';
import { QUESTION_TYPE_LABELS, type AnswerResult, type QuizQuestion as Question } from '@torch-red/shared';
import './quiz-question.scss';

interface QuizQuestionProps {
  question: Question;
  /** 1-based number shown before the stem. */
  number: number;
  choice: number[];
  onChange?: (choice: number[]) => void;
  /** After submitting: the correct answer and the explanation. */
  result?: AnswerResult;
}

const LETTERS = 'ABCDEF';

/** Single and true/false questions take one choice; multiple-choice questions toggle. */
export function nextChoice(type: Question['type'], choice: number[], index: number): number[] {
  if (type !== 'MULTIPLE') {
    return [index];
  }
  return choice.includes(index) ? choice.filter((picked) => picked !== index) : [...choice, index].sort((a, b) => a - b);
}

function lettersOf(indexes: number[]): string {
  return indexes.length ? indexes.map((index) => LETTERS[index] ?? index + 1).join('、') : '未作答';
}

function optionTone(index: number, choice: number[], result: AnswerResult | undefined): string {
  const picked = choice.includes(index);
  if (!result) {
    return picked ? 'picked' : 'idle';
  }
  if (result.correctAnswer.includes(index)) {
    return 'correct';
  }
  return picked ? 'wrong' : 'idle';
}

export function QuizQuestion({ question, number, choice, onChange, result }: QuizQuestionProps) {
  const multiple = question.type === 'MULTIPLE';
  const locked = result !== undefined || onChange === undefined;

  return (
    <View className={`quiz-question${result ? ` quiz-question--${result.isCorrect ? 'right' : 'missed'}` : ''}`} data-question={question.id}>
      <View className="quiz-question__head">
        <Text className={`quiz-question__type quiz-question__type--${question.type.toLowerCase()}`}>{QUESTION_TYPE_LABELS[question.type]}</Text>
        {multiple && !result ? <Text className="quiz-question__hint">可多选</Text> : null}
        {result ? <Text className={`quiz-question__verdict quiz-question__verdict--${result.isCorrect ? 'right' : 'missed'}`}>{result.isCorrect ? '回答正确' : '回答错误'}</Text> : null}
      </View>
      <Text className="quiz-question__stem">
        {number}. {question.stem}
      </Text>
      <View className="quiz-question__options">
        {question.options.map((option, index) => {
          const tone = optionTone(index, choice, result);
          return (
            <View
              key={index}
              className={`quiz-question__option quiz-question__option--${tone}`}
              data-option={index}
              onClick={locked ? undefined : () => onChange?.(nextChoice(question.type, choice, index))}
            >
              <Text className={`quiz-question__letter${multiple ? ' quiz-question__letter--square' : ''}`}>{LETTERS[index] ?? index + 1}</Text>
              <Text className="quiz-question__option-text">{option}</Text>
              {result && choice.includes(index) ? <Text className={`quiz-question__mine quiz-question__mine--${tone}`}>你的选择</Text> : null}
            </View>
          );
        })}
      </View>
      {result ? (
        <View className="quiz-question__explanation">
          <View className="quiz-question__answers">
            <Text className={`quiz-question__choice quiz-question__choice--${result.isCorrect ? 'right' : 'wrong'}`}>你的选择：{lettersOf(result.choice)}</Text>
            <Text className="quiz-question__answer">正确答案：{lettersOf(result.correctAnswer)}</Text>
          </View>
          <Text className="quiz-question__explanation-text">解析：{result.explanation || '暂无解析'}</Text>
        </View>
      ) : null}
    </View>
  );
}
