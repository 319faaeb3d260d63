import { render } from '@testing-library/react';
import type { MyPointsResponse } from '@torch-red/shared';
import { RuleProgress, ruleShare } from './rule-progress';

const rules: MyPointsResponse['rules'] = [
  { rule: 'LESSON_READ', label: '阅读文章', description: '每学完一篇文章或视频得 1 分，每日上限 6 分', today: 3, dailyCap: 6 },
  { rule: 'STUDY_TIME', label: '学习时长', description: '有效学习每 4 分钟得 1 分，每日上限 8 分', today: 8, dailyCap: 8 },
  { rule: 'DAILY_QUIZ', label: '每日答题', description: '每日答题全对得 2 分，其余得 1 分', today: 0, dailyCap: 2 },
  { rule: 'PAPER', label: '专题测试', description: '专题测试满分得 10 分', today: 10, dailyCap: null },
];

const row = (rule: string) => document.querySelector(`[data-rule="${rule}"]`) as HTMLElement;
const barWidth = (rule: string) => row(rule).querySelector('.rule-progress__bar')?.getAttribute('data-percent');

describe('RuleProgress', () => {
  it('shows today against the cap with a bar of that share', () => {
    render(<RuleProgress rules={rules} />);

    expect(row('LESSON_READ').querySelector('.rule-progress__figure')?.textContent).toBe('3/6 分');
    expect(barWidth('LESSON_READ')).toBe('50');
    expect(barWidth('DAILY_QUIZ')).toBe('0');
    expect(row('LESSON_READ').querySelector('.rule-progress__done')).toBeNull();
  });

  it('marks a rule whose cap is reached', () => {
    render(<RuleProgress rules={rules} />);

    expect(barWidth('STUDY_TIME')).toBe('100');
    expect(row('STUDY_TIME').querySelector('.rule-progress__done')?.textContent).toBe('今日已达上限');
  });

  it('shows points without a bar for a rule with no daily cap', () => {
    render(<RuleProgress rules={rules} />);

    expect(row('PAPER').querySelector('.rule-progress__figure')?.textContent).toBe('今日 10 分');
    expect(row('PAPER').querySelector('.rule-progress__track')).toBeNull();
  });

  it('never reports more than the whole cap', () => {
    expect(ruleShare({ today: 9, dailyCap: 6 })).toBe(1);
    expect(ruleShare({ today: 2, dailyCap: 8 })).toBe(0.25);
    expect(ruleShare({ today: 5, dailyCap: null })).toBeNull();
  });
});
