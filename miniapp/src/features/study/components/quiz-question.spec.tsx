import { useState } from 'react';
import { fireEvent, render } from '@testing-library/react';
import type { AnswerResult, QuizQuestion as Question } from '@torch-red/shared';
import { QuizQuestion } from './quiz-question';

const single: Question = { id: '1', type: 'SINGLE', stem: '专精特新中的“新”指什么？', options: ['新颖', '新潮', '新鲜', '新式'] };
const multiple: Question = { id: '2', type: 'MULTIPLE', stem: '“三会一课”包括哪些？', options: ['支部党员大会', '支部委员会', '党小组会', '茶话会'] };

/** The question as a page uses it: the choice lives in the parent. */
function Harness({ question, onChange }: { question: Question; onChange: (choice: number[]) => void }) {
  const [choice, setChoice] = useState<number[]>([]);
  return (
    <QuizQuestion
      question={question}
      number={1}
      choice={choice}
      onChange={(next) => {
        setChoice(next);
        onChange(next);
      }}
    />
  );
}

const option = (index: number) => document.querySelector(`[data-option="${index}"]`) as HTMLElement;
const picked = () => Array.from(document.querySelectorAll('.quiz-question__option--picked')).map((element) => Number(element.getAttribute('data-option')));

describe('QuizQuestion', () => {
  it('keeps one choice for a single-choice question', () => {
    const onChange = jest.fn();
    render(<Harness question={single} onChange={onChange} />);

    fireEvent.click(option(0));
    fireEvent.click(option(2));

    expect(onChange).toHaveBeenLastCalledWith([2]);
    expect(picked()).toEqual([2]);
  });

  it('toggles several choices for a multiple-choice question', () => {
    const onChange = jest.fn();
    render(<Harness question={multiple} onChange={onChange} />);

    fireEvent.click(option(2));
    fireEvent.click(option(0));
    fireEvent.click(option(1));
    fireEvent.click(option(2));

    expect(onChange).toHaveBeenLastCalledWith([0, 1]);
    expect(picked()).toEqual([0, 1]);
    expect(document.querySelector('.quiz-question__hint')?.textContent).toBe('可多选');
  });

  it('shows the correct answer and explanation only once a result is given', () => {
    const result: AnswerResult = {
      questionId: '1',
      type: 'SINGLE',
      stem: single.stem,
      options: single.options,
      choice: [1],
      correctAnswer: [0],
      isCorrect: false,
      explanation: '“新”指新颖化，即产品和技术的创新性。',
    };
    const { rerender } = render(<QuizQuestion question={single} number={1} choice={[1]} onChange={jest.fn()} />);
    expect(document.querySelector('.quiz-question__explanation')).toBeNull();
    expect(document.body.textContent).not.toContain('解析');

    rerender(<QuizQuestion question={single} number={1} choice={[1]} result={result} />);

    expect(document.querySelector('.quiz-question__explanation-text')?.textContent).toBe('解析：“新”指新颖化，即产品和技术的创新性。');
    expect(document.querySelector('.quiz-question__answer')?.textContent).toBe('正确答案：A');
    expect(option(0).className).toContain('quiz-question__option--correct');
    expect(option(1).className).toContain('quiz-question__option--wrong');
    expect(document.querySelector('.quiz-question__verdict')?.textContent).toBe('回答错误');
  });

  it('cannot be changed after submitting', () => {
    const onChange = jest.fn();
    const result: AnswerResult = { questionId: '1', type: 'SINGLE', stem: single.stem, options: single.options, choice: [0], correctAnswer: [0], isCorrect: true, explanation: '' };
    render(<QuizQuestion question={single} number={1} choice={[0]} onChange={onChange} result={result} />);

    fireEvent.click(option(3));

    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows my choice beside the right answer after submitting, a wrong pick in red', () => {
    const result: AnswerResult = { questionId: '1', type: 'SINGLE', stem: single.stem, options: single.options, choice: [2], correctAnswer: [0], isCorrect: false, explanation: '“新”指新颖化。' };
    render(<QuizQuestion question={single} number={1} choice={result.choice} result={result} />);

    expect(document.querySelector('.quiz-question__choice--wrong')?.textContent).toBe('你的选择：C');
    expect(document.querySelector('.quiz-question__answer')?.textContent).toBe('正确答案：A');
    expect(option(2).className).toContain('quiz-question__option--wrong');
    expect(option(2).querySelector('.quiz-question__mine')?.textContent).toBe('你的选择');
    expect(option(0).className).toContain('quiz-question__option--correct');
  });
});
