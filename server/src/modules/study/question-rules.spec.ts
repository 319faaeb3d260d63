import { checkQuestion, drawQuestions, isCorrect, parseImportRow } from './question-rules';

describe('question rules', () => {
  it('normalises a valid multiple-choice question', () => {
    const out = checkQuestion({ type: 'MULTIPLE', stem: ' 题 ', options: ['甲', '乙', '丙'], answer: [2, 0, 2], explanation: '因为' });
    expect(out).toEqual({ question: { type: 'MULTIPLE', stem: '题', options: ['甲', '乙', '丙'], answer: [0, 2], explanation: '因为' } });
  });

  it('refuses answers out of range, single with two answers and empty explanations', () => {
    expect(checkQuestion({ type: 'SINGLE', stem: '题', options: ['甲', '乙'], answer: [2], explanation: 'x' })).toEqual({ error: '正确答案不在选项范围内', part: 'answer' });
    expect(checkQuestion({ type: 'SINGLE', stem: '题', options: ['甲', '乙'], answer: [0, 1], explanation: 'x' })).toHaveProperty('error');
    expect(checkQuestion({ type: 'MULTIPLE', stem: '题', options: ['甲', '乙'], answer: [0], explanation: 'x' })).toHaveProperty('error');
    expect(checkQuestion({ type: 'SINGLE', stem: '题', options: ['甲', '乙'], answer: [0], explanation: ' ' })).toEqual({ error: '请填写解析', part: 'explanation' });
  });

  it('parses spreadsheet rows', () => {
    expect(parseImportRow(['判断', '题干', '', '', '', '', '', '', '错误', '解析'])).toEqual({
      question: { type: 'JUDGE', stem: '题干', options: ['正确', '错误'], answer: [1], explanation: '解析' },
    });
    expect(parseImportRow(['多选', '题干', '甲', '乙', '丙', '', '', '', 'A、C', '解析'])).toMatchObject({ question: { answer: [0, 2], options: ['甲', '乙', '丙'] } });
    expect(parseImportRow(['填空', '题干', '甲', '乙', '', '', '', '', 'A', '解析'])).toHaveProperty('error');
    expect(parseImportRow(['单选', '题干', '甲', '乙', '', '', '', '', 'D', '解析'])).toEqual({ error: '正确答案不在选项范围内', column: '答案' });
  });

  it('names the column of a bad cell', () => {
    expect(parseImportRow(['填空', '题干', '甲', '乙', '', '', '', '', 'A', '解析'])).toMatchObject({ column: '题型' });
    expect(parseImportRow(['单选', ' ', '甲', '乙', '', '', '', '', 'A', '解析'])).toMatchObject({ column: '题干' });
    expect(parseImportRow(['单选', '题干', '甲', '', '丙', '', '', '', 'A', '解析'])).toEqual({ error: '选项不能为空，且不超过 200 字', column: '选项B' });
    expect(parseImportRow(['单选', '题干', '甲', '乙', '甲', '', '', '', 'A', '解析'])).toMatchObject({ column: '选项C' });
    expect(parseImportRow(['单选', '题干', '甲', '', '', '', '', '', 'A', '解析'])).toMatchObject({ column: '选项' });
    expect(parseImportRow(['判断', '题干', '', '', '', '', '', '', '也许', '解析'])).toMatchObject({ column: '答案' });
    expect(parseImportRow(['单选', '题干', '甲', '乙', '', '', '', '', 'A', ''])).toMatchObject({ column: '解析' });
  });

  it('checks answers as sets', () => {
    expect(isCorrect([0, 2], [2, 0])).toBe(true);
    expect(isCorrect([0, 2], [0])).toBe(false);
    expect(isCorrect([1], [1, 1])).toBe(true);
  });

  it('draws repeatably per seed, differently across seeds, fresh questions first', () => {
    const ids = Array.from({ length: 40 }, (_, i) => i + 1);
    const a = drawQuestions(ids, new Set(), 5, 'u1:2026-12-01');
    expect(drawQuestions(ids, new Set(), 5, 'u1:2026-12-01')).toEqual(a);
    expect(drawQuestions(ids, new Set(), 5, 'u2:2026-12-01')).not.toEqual(a);
    const recent = new Set(ids.slice(0, 37));
    expect(drawQuestions(ids, recent, 5, 'x').slice(0, 3).sort()).toEqual([38, 39, 40]);
  });
});
