import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { AttendeeMark } from '../meeting-draft';
import { AttendeePicker } from './attendee-picker';

const people = [
  { userId: '1', name: '张伟' },
  { userId: '2', name: '王芳' },
  { userId: '3', name: '刘洋' },
];

function Harness({ initial = {} }: { initial?: Record<string, AttendeeMark> }) {
  const [marks, setMarks] = useState(initial);
  return <AttendeePicker people={people} marks={marks} onChange={setMarks} />;
}

const row = (name: string) => document.querySelector(`[data-person="${name}"]`) as HTMLElement;
const option = (name: string, label: string) => [...row(name).querySelectorAll('.attendee-picker__option')].find((el) => el.textContent === label) as HTMLElement;

describe('AttendeePicker', () => {
  it('counts who is not yet marked, and 全部出席 marks everyone present except those on leave', () => {
    render(<Harness initial={{ '2': { status: 'LEAVE', reason: '出差' } }} />);
    expect(screen.getByText('出席 0 · 请假 1 · 缺席 0 · 未登记 2')).toBeTruthy();

    fireEvent.click(screen.getByText('全部出席'));

    expect(screen.getByText('出席 2 · 请假 1 · 缺席 0')).toBeTruthy();
    expect(option('王芳', '请假').className).toContain('--active');
    expect(option('张伟', '出席').className).toContain('--active');
  });

  it('asks for a reason when someone is on leave, and a second tap takes them off the list', () => {
    render(<Harness />);
    fireEvent.click(option('刘洋', '请假'));
    const reason = row('刘洋').querySelector('input') as HTMLInputElement;
    expect(reason.placeholder).toContain('请假原因');
    expect(reason.className).toContain('--missing');
    fireEvent.change(reason, { target: { value: '住院' } });
    expect((row('刘洋').querySelector('input') as HTMLInputElement).className).not.toContain('--missing');

    fireEvent.click(option('刘洋', '请假'));
    expect(row('刘洋').querySelector('input')).toBeNull();
    expect(screen.getByText('出席 0 · 请假 0 · 缺席 0 · 未登记 3')).toBeTruthy();
  });
});
