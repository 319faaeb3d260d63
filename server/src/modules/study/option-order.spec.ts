import { optionOrder, presentQuestion, toOriginal, toShown } from './option-order';
import type { QuestionEntity } from './question.entity';

const question = (id: number, type: QuestionEntity['type'] = 'SINGLE', answer = [1]): QuestionEntity =>
  ({ id, type, stem: '题干', options: ['甲', '乙', '丙', '丁'], answer, explanation: '', enabled: true, isSample: false }) as QuestionEntity;

describe('option order', () => {
  it('is a permutation, the same for the same attempt and question', () => {
    const order = optionOrder('daily:7', question(3));
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(optionOrder('daily:7', question(3))).toEqual(order);
  });

  it('differs between attempts for most questions', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => optionOrder(`attempt:${i}`, question(3)).join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('keeps 正确 / 错误 in place', () => {
    expect(optionOrder('daily:1', { id: 1, type: 'JUDGE', options: ['正确', '错误'] })).toEqual([0, 1]);
  });

  it('moves the key with its option, and maps choices both ways', () => {
    for (let seed = 0; seed < 10; seed++) {
      const q = question(5, 'MULTIPLE', [0, 2]);
      const { question: shown, order } = presentQuestion(`attempt:${seed}`, q);
      expect(new Set(shown.answer.map((i) => shown.options[i]))).toEqual(new Set(['甲', '丙']));
      expect(toOriginal(order, shown.answer)).toEqual([0, 2]);
      expect(toShown(order, [0, 2])).toEqual(shown.answer);
    }
  });
});
