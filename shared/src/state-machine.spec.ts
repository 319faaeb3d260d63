import { nextState, statesAccepting, statesChangedBy, toMillis, type TransitionTable } from './state-machine';

type S = 'A' | 'B';
type E = 'go' | 'stay';
const TABLE: TransitionTable<S, E> = { A: { go: 'B', stay: 'A' }, B: {} };

describe('transition table helpers', () => {
  it('reads the target, or null when the table does not allow the step', () => {
    expect(nextState(TABLE, 'A', 'go')).toBe('B');
    expect(nextState(TABLE, 'A', 'stay')).toBe('A');
    expect(nextState(TABLE, 'B', 'go')).toBeNull();
  });

  it('answers null for values that are not in the table, inherited object keys included', () => {
    expect(nextState(TABLE, 'C' as S, 'go')).toBeNull();
    expect(nextState(TABLE, 'A', 'fly' as E)).toBeNull();
    expect(nextState(TABLE, 'constructor' as S, 'go')).toBeNull();
    expect(nextState(TABLE, 'A', 'toString' as E)).toBeNull();
  });

  it('lists the states accepting an event and the ones it really changes', () => {
    expect(statesAccepting(TABLE, 'stay')).toEqual(['A']);
    expect(statesChangedBy(TABLE, 'stay')).toEqual([]);
    expect(statesChangedBy(TABLE, 'go')).toEqual(['A']);
  });

  it('reads instants as dates, ISO strings or milliseconds', () => {
    const iso = '2026-12-01T02:00:00.000Z';
    expect(toMillis(new Date(iso))).toBe(Date.parse(iso));
    expect(toMillis(iso)).toBe(Date.parse(iso));
    expect(toMillis(5)).toBe(5);
  });
});
