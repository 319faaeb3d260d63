import { nestsDeeperThan } from './body-depth';

describe('nestsDeeperThan', () => {
  it('accepts ordinary bodies', () => {
    expect(nestsDeeperThan({ answers: { a: ['x', 'y'], b: 1 } }, 8)).toBe(false);
    expect(nestsDeeperThan(null, 1)).toBe(false);
  });
  it('catches deep nesting without blowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(nestsDeeperThan(deep, 16)).toBe(true);
    expect(nestsDeeperThan({ a: { b: { c: {} } } }, 3)).toBe(true);
  });
});
