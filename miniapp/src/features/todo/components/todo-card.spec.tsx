import { fireEvent, render, screen } from '@testing-library/react';
import { TODO_KINDS } from '@torch-red/shared';
import { TODO_ENTRIES, TodoCard } from './todo-card';

describe('TodoCard', () => {
  it('shows nothing for a plain member', () => {
    const { container } = render(<TodoCard items={[]} onOpen={jest.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows each kind with its count and opens its list', () => {
    const onOpen = jest.fn();
    render(
      <TodoCard
        items={[
          { kind: 'NEEDS_TO_DISPATCH', count: 4 },
          { kind: 'BRANDS_TO_REVIEW', count: 0 },
          { kind: 'NEEDS_OVERDUE', count: 1 },
        ]}
        onOpen={onOpen}
      />,
    );
    expect(screen.getByText('共 5 项')).toBeTruthy();
    const tiles = Array.from(document.querySelectorAll('.todo-card__item'));
    expect(tiles.map((t) => t.textContent)).toEqual(['4待派单', '0待审核品牌', '1超期需求']);
    expect(tiles.map((t) => t.classList.contains('todo-card__item--due'))).toEqual([true, false, true]);
    fireEvent.click(screen.getByText('待派单'));
    expect(onOpen).toHaveBeenCalledWith('/packages/workspace/pages/needs-ledger/index?status=SUBMITTED');
    fireEvent.click(screen.getByText('超期需求'));
    expect(onOpen).toHaveBeenLastCalledWith('/packages/workspace/pages/needs-ledger/index?overdue=1');
  });

  it('a secretary’s 组织生活 still to hold this period opens the 组织生活 calendar', () => {
    const onOpen = jest.fn();
    render(<TodoCard items={[{ kind: 'REGISTRATIONS_TO_REVIEW', count: 0 }, { kind: 'CHECKINS_TODAY', count: 0 }, { kind: 'MEETINGS_DUE', count: 3 }]} onOpen={onOpen} />);
    expect(screen.getByText('共 3 项')).toBeTruthy();
    const tile = document.querySelector('.todo-card__item--meetings_due')!;
    expect(tile.textContent).toBe('3本期待开组织生活');
    expect(tile.classList.contains('todo-card__item--due')).toBe(true);
    fireEvent.click(screen.getByText('本期待开组织生活'));
    expect(onOpen).toHaveBeenCalledWith('/packages/org-life/pages/calendar/index');
  });

  it('says so when every count is zero', () => {
    render(<TodoCard items={[{ kind: 'ASSIGNMENTS_TO_ACCEPT', count: 0 }]} onOpen={jest.fn()} />);
    expect(screen.getByText('暂无待办')).toBeTruthy();
  });

  it('has a label and a list for every kind the server sends', () => {
    for (const kind of TODO_KINDS) expect(TODO_ENTRIES[kind].label.length).toBeGreaterThan(0);
  });
});
