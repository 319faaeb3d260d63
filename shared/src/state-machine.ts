/**
 * A transition table: for each state, the events it accepts and the state each one leads to. A missing
 * event means "not allowed from this state". The tables themselves live beside their domain
 * (registration-state.ts, need-state.ts, brand-state.ts, appeal-state.ts); these helpers only read them.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Readonly<Partial<Record<E, S>>>>>;

/** A point in time as the server (Date) or the mini-program (ISO string) holds it. */
export type Instant = Date | string | number;

export function toMillis(t: Instant): number {
  return t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Where `event` leads from `state`, or null when the table does not allow it (unknown states and events included). */
export function nextState<S extends string, E extends string>(table: TransitionTable<S, E>, state: S, event: E): S | null {
  if (!own(table, state)) return null;
  const row: Partial<Record<E, S>> = table[state];
  return own(row, event) ? (row[event] ?? null) : null;
}

/** The states from which `event` is allowed, in the table's order (what a compare-and-set UPDATE may match). */
export function statesAccepting<S extends string, E extends string>(table: TransitionTable<S, E>, event: E): S[] {
  return (Object.keys(table) as S[]).filter((s) => nextState(table, s, event) !== null);
}

/** The states that `event` really changes (allowed, and leading somewhere else). */
export function statesChangedBy<S extends string, E extends string>(table: TransitionTable<S, E>, event: E): S[] {
  return (Object.keys(table) as S[]).filter((s) => {
    const to = nextState(table, s, event);
    return to !== null && to !== s;
  });
}
