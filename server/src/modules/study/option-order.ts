import { seededRandom } from './question-rules';
import type { QuestionEntity, StoredAnswer } from './question.entity';

/**
 * The order a person sees a question's options in, for one daily quiz or paper attempt.
 *
 * Derived (not stored) from the attempt and question ids, so a reload shows the same order and two people or two
 * attempts see different ones. `order[shown] = original`. Judge questions keep 正确 / 错误 in place. The key itself is
 * never sent before submit; the order only stops "always tap the first option" from passing a paper.
 */
export function optionOrder(seed: string, q: Pick<QuestionEntity, 'id' | 'type' | 'options'>): number[] {
  const order = q.options.map((_, i) => i);
  if (q.type === 'JUDGE') return order;
  const random = seededRandom(`${seed}:q${q.id}`);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The question as shown: options reordered, the key expressed in shown positions (stays on the server until submit). */
export function presentQuestion(seed: string, q: QuestionEntity): { question: QuestionEntity; order: number[] } {
  const order = optionOrder(seed, q);
  const shownOf = invert(order);
  return {
    order,
    question: { ...q, options: order.map((o) => q.options[o]), answer: q.answer.map((a) => shownOf[a]).sort((x, y) => x - y) },
  };
}

/** Stored answers keep original option indexes (stable if the attempt is re-shown); these convert both ways. */
export function toOriginal(order: number[], shown: number[]): number[] {
  return shown.map((s) => order[s]).sort((x, y) => x - y);
}

export function toShown(order: number[], original: number[]): number[] {
  const shownOf = invert(order);
  return original.map((o) => shownOf[o]).filter((s) => s !== undefined).sort((x, y) => x - y);
}

export function storedToShown(order: number[], a: StoredAnswer): StoredAnswer {
  return { ...a, choice: toShown(order, a.choice) };
}

function invert(order: number[]): number[] {
  const out: number[] = [];
  order.forEach((original, shown) => (out[original] = shown));
  return out;
}
