import type { QuestionType } from '@torch-red/shared';
import { QUESTION_TYPE_LABELS, STUDY_LIMITS } from '@torch-red/shared';

export interface QuestionInput {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

export const JUDGE_OPTIONS = ['正确', '错误'];

/** The part of a question a problem is about (an import row names its column from it). */
export type QuestionPart = 'stem' | 'options' | 'answer' | 'explanation';
export type QuestionProblem = { error: string; part: QuestionPart; optionIndex?: number };

/** Checks one question (from the API or a spreadsheet row); returns it normalised, or the first problem in Chinese. */
export function checkQuestion(q: QuestionInput): { question: QuestionInput } | QuestionProblem {
  const stem = q.stem.trim();
  if (!stem) return { error: '题干不能为空', part: 'stem' };
  if (stem.length > 500) return { error: '题干不超过 500 字', part: 'stem' };
  const options = q.type === 'JUDGE' ? JUDGE_OPTIONS : q.options.map((o) => o.trim());
  if (q.type !== 'JUDGE') {
    if (options.length < 2 || options.length > STUDY_LIMITS.optionsMax) return { error: `${QUESTION_TYPE_LABELS[q.type]}需要 2 到 ${STUDY_LIMITS.optionsMax} 个选项`, part: 'options' };
    const bad = options.findIndex((o) => !o || o.length > 200);
    if (bad >= 0) return { error: '选项不能为空，且不超过 200 字', part: 'options', optionIndex: bad };
    const repeated = options.findIndex((o, i) => options.indexOf(o) !== i);
    if (repeated >= 0) return { error: '选项不能重复', part: 'options', optionIndex: repeated };
  }
  const answer = [...new Set(q.answer)].sort((a, b) => a - b);
  if (answer.length === 0) return { error: '请填写正确答案', part: 'answer' };
  if (answer.some((i) => !Number.isInteger(i) || i < 0 || i >= options.length)) return { error: '正确答案不在选项范围内', part: 'answer' };
  if (q.type !== 'MULTIPLE' && answer.length !== 1) return { error: `${QUESTION_TYPE_LABELS[q.type]}只能有一个正确答案`, part: 'answer' };
  if (q.type === 'MULTIPLE' && answer.length < 2) return { error: '多选题至少有两个正确答案', part: 'answer' };
  const explanation = q.explanation.trim();
  if (!explanation) return { error: '请填写解析', part: 'explanation' };
  if (explanation.length > STUDY_LIMITS.textMaxLength) return { error: `解析不超过 ${STUDY_LIMITS.textMaxLength} 字`, part: 'explanation' };
  return { question: { type: q.type, stem, options, answer, explanation } };
}

export function isCorrect(answer: number[], choice: number[]): boolean {
  const picked = [...new Set(choice)].sort((a, b) => a - b);
  return picked.length === answer.length && picked.every((v, i) => v === answer[i]);
}

/** A small seeded PRNG (mulberry32) so a draw is repeatable for one person and day, and differs between them. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `count` ids, preferring ones not seen recently: a shared answer list goes stale day by day. */
export function drawQuestions(ids: number[], recent: Set<number>, count: number, seed: string): number[] {
  const random = seededRandom(seed);
  const shuffle = (list: number[]) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const fresh = shuffle(ids.filter((id) => !recent.has(id)));
  const seen = shuffle(ids.filter((id) => recent.has(id)));
  return [...fresh, ...seen].slice(0, count);
}

const TYPE_BY_LABEL: Record<string, QuestionType> = { 单选: 'SINGLE', 单选题: 'SINGLE', 多选: 'MULTIPLE', 多选题: 'MULTIPLE', 判断: 'JUDGE', 判断题: 'JUDGE' };

/** The import template's columns, in order. */
export const IMPORT_HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'] as const;

const COLUMN_OF_PART: Record<QuestionPart, string> = { stem: '题干', options: '选项', answer: '答案', explanation: '解析' };

/** One spreadsheet row (题型, 题干, 选项A–F, 答案, 解析) to a question, or what is wrong with it and in which column. */
export function parseImportRow(cells: string[]): { question: QuestionInput } | { error: string; column: string } {
  const [typeLabel, stem, a, b, c, d, e, f, answerText, explanation] = cells.map((x) => (x ?? '').trim());
  const type = TYPE_BY_LABEL[typeLabel];
  if (!type) return { error: `题型“${typeLabel || '（空）'}”不正确，应为 单选 / 多选 / 判断`, column: '题型' };
  const options = [a, b, c, d, e, f];
  while (options.length && !options[options.length - 1]) options.pop();
  let answer: number[];
  if (type === 'JUDGE') {
    const truthy = ['正确', '对', '√', 'A', 'T', 'TRUE'];
    const falsy = ['错误', '错', '×', 'B', 'F', 'FALSE'];
    const upper = answerText.toUpperCase();
    if (truthy.includes(upper)) answer = [0];
    else if (falsy.includes(upper)) answer = [1];
    else return { error: `判断题答案“${answerText || '（空）'}”应为 正确 或 错误`, column: '答案' };
  } else {
    const letters = answerText.toUpperCase().replace(/[\s,，、]/g, '');
    if (!/^[A-F]+$/.test(letters)) return { error: `答案“${answerText || '（空）'}”应为选项字母，如 A 或 ACD`, column: '答案' };
    answer = [...letters].map((ch) => ch.charCodeAt(0) - 65);
  }
  const checked = checkQuestion({ type, stem, options, answer, explanation });
  if ('question' in checked) return checked;
  const column = checked.optionIndex !== undefined ? IMPORT_HEADER[2 + checked.optionIndex] : COLUMN_OF_PART[checked.part];
  return { error: checked.error, column };
}
