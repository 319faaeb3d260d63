import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { FormField } from '@torch-red/shared';
import { nextFieldKey, parseOptions } from '../form-fields';
import { FormFieldBuilder } from './form-field-builder';

/** The builder is controlled: hold its fields the way the activity editor does, and record every change. */
function Harness({ initial = [], onChange }: { initial?: FormField[]; onChange: (fields: FormField[]) => void }) {
  const [fields, setFields] = useState<FormField[]>(initial);
  return (
    <FormFieldBuilder
      fields={fields}
      onChange={(next) => {
        setFields(next);
        onChange(next);
      }}
    />
  );
}

function clickButton(text: string) {
  const button = screen.getByText(text).closest('.nut-button');
  if (!(button instanceof HTMLElement)) {
    throw new Error(`no button ${text}`);
  }
  fireEvent.click(button);
}

function fieldBox(key: string): HTMLElement {
  const box = document.querySelector(`[data-key="${key}"]`);
  if (!(box instanceof HTMLElement)) {
    throw new Error(`no field ${key}`);
  }
  return box;
}

function lastFields(spy: jest.Mock): FormField[] {
  const calls = spy.mock.calls;
  if (calls.length === 0) {
    throw new Error('onChange was never called');
  }
  return calls[calls.length - 1][0] as FormField[];
}

describe('FormFieldBuilder', () => {
  it('adds fields with generated keys f1, f2', () => {
    const handleChange = jest.fn();
    render(<Harness onChange={handleChange} />);
    expect(screen.getByText('暂无报名项：报名时只需确认，无需填写信息')).toBeTruthy();

    clickButton('+ 添加报名项');
    clickButton('+ 添加报名项');

    expect(lastFields(handleChange)).toEqual([
      { key: 'f1', label: '', type: 'text', required: false },
      { key: 'f2', label: '', type: 'text', required: false },
    ]);
    expect(screen.getByText('报名项 2')).toBeTruthy();
  });

  it('edits the label, the type and the options of a field', () => {
    const handleChange = jest.fn();
    render(<Harness onChange={handleChange} />);
    clickButton('+ 添加报名项');

    const box = fieldBox('f1');
    fireEvent.change(within(box).getByPlaceholderText('名称，如：单位名称'), { target: { value: '单位名称' } });
    fireEvent.click(within(box).getByText('多选'));
    fireEvent.change(within(fieldBox('f1')).getByPlaceholderText('选项，用逗号分隔，如：党建，技术，市场'), { target: { value: '融资，用工、审批,' } });

    expect(lastFields(handleChange)).toEqual([{ key: 'f1', label: '单位名称', type: 'multiselect', required: false, options: ['融资', '用工', '审批'] }]);

    fireEvent.click(within(fieldBox('f1')).getByText('文本'));
    expect(lastFields(handleChange)[0]).toEqual({ key: 'f1', label: '单位名称', type: 'text', required: false });
  });

  it('removes a field; new keys follow the highest one', () => {
    const handleChange = jest.fn();
    render(<Harness onChange={handleChange} />);
    clickButton('+ 添加报名项');
    clickButton('+ 添加报名项');

    fireEvent.click(within(fieldBox('f1')).getByText('删除'));
    expect(lastFields(handleChange).map((field) => field.key)).toEqual(['f2']);
    expect(document.querySelector('[data-key="f1"]')).toBeNull();

    clickButton('+ 添加报名项');
    expect(lastFields(handleChange).map((field) => field.key)).toEqual(['f2', 'f3']);
  });

  it('keeps existing keys of a published form and numbers after them', () => {
    const handleChange = jest.fn();
    render(<Harness initial={[{ key: 'company', label: '单位', type: 'text', required: true }, { key: 'f4', label: '职务', type: 'text', required: false }]} onChange={handleChange} />);

    clickButton('+ 添加报名项');

    expect(lastFields(handleChange).map((field) => field.key)).toEqual(['company', 'f4', 'f5']);
  });
});

describe('form field helpers', () => {
  it('generates the next free key', () => {
    expect(nextFieldKey([])).toBe('f1');
    expect(nextFieldKey([{ key: 'f1' }, { key: 'f3' }, { key: 'company' }])).toBe('f4');
  });

  it('splits options on the separators people type and drops blanks and repeats', () => {
    expect(parseOptions('党建，技术、市场;党建,, ')).toEqual(['党建', '技术', '市场']);
  });
});
