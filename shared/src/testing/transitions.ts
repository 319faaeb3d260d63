/**
 * Test support (excluded from the build): checks a transition table against an expectation written
 * independently, one allowed step per line as "FROM event TO". Every state × every event is compared, so a
 * step that is missing from either side, or leads elsewhere, fails with its state and event in the message.
 */
export function expectTransitions<S extends string, E extends string>(
  states: readonly S[],
  events: readonly E[],
  machine: { next: (state: S, event: E) => S | null; can: (state: S, event: E) => boolean },
  expected: string,
): void {
  const steps = new Map<string, string>();
  for (const line of expected.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [from, event, to, ...rest] = line.split(/\s+/);
    expect({ line, from: states.includes(from as S), event: events.includes(event as E), to: states.includes(to as S), rest }).toEqual({ line, from: true, event: true, to: true, rest: [] });
    expect({ line, duplicate: steps.has(`${from} ${event}`) }).toEqual({ line, duplicate: false });
    steps.set(`${from} ${event}`, to);
  }
  for (const state of states) {
    for (const event of events) {
      const want = steps.get(`${state} ${event}`) ?? null;
      expect({ state, event, next: machine.next(state, event) }).toEqual({ state, event, next: want });
      expect({ state, event, can: machine.can(state, event) }).toEqual({ state, event, can: want !== null });
    }
  }
}

/** Every combination of boolean flags named in `keys`. */
export function everyCombination<K extends string>(keys: readonly K[]): Array<Record<K, boolean>> {
  return keys.reduce<Array<Record<K, boolean>>>((acc, key) => acc.flatMap((c) => [{ ...c, [key]: false }, { ...c, [key]: true }]), [{} as Record<K, boolean>]);
}
