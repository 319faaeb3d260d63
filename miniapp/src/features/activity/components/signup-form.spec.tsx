import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FormField } from '@torch-red/shared';
import { resetTaroMock } from '@test/__mocks__/taro';
import { buildField } from '@test/factories/activity.factory';
import { ApiError } from '@/services/http';
import { SignupForm } from './signup-form';

const fields: FormField[] = [
  buildField({ key: 'company', label: '单位名称', type: 'text', required: true }),
  buildField({ key: 'mobile', label: '手机号码', type: 'phone', required: false }),
  buildField({ key: 'people', label: '参加人数', type: 'number', required: false }),
  buildField({ key: 'size', label: '团队规模', type: 'select', required: false, options: ['10 人以下', '10-30 人'] }),
  buildField({ key: 'topics', label: '关注议题', type: 'multiselect', required: false, options: ['融资', '用工', '审批'] }),
];

function fieldBox(key: string): HTMLElement {
  const box = document.querySelector(`[data-field="${key}"]`);
  if (!(box instanceof HTMLElement)) {
    throw new Error(`no field ${key}`);
  }
  return box;
}

function typeInto(key: string, value: string) {
  const input = fieldBox(key).querySelector('input');
  if (!input) {
    throw new Error(`no input in ${key}`);
  }
  fireEvent.change(input, { target: { value } });
}

async function submit() {
  const button = screen.getByText('提交报名').closest('.nut-button');
  if (!(button instanceof HTMLElement)) {
    throw new Error('no submit button');
  }
  await act(async () => {
    fireEvent.click(button);
  });
}

beforeEach(() => {
  resetTaroMock();
});

describe('SignupForm', () => {
  it('renders one control per form field, with required marks and the choices', () => {
    render(<SignupForm fields={fields} onSubmit={jest.fn()} />);

    expect(Array.from(document.querySelectorAll('.signup-form__label')).map((label) => label.textContent)).toEqual([
      '单位名称',
      '手机号码',
      '参加人数',
      '团队规模',
      '关注议题',
    ]);
    expect(fieldBox('company').querySelector('.signup-form__required')).not.toBeNull();
    expect(fieldBox('mobile').querySelector('.signup-form__required')).toBeNull();
    expect(fieldBox('company').querySelector('input')).not.toBeNull();
    expect(within(fieldBox('size')).getByText('10-30 人')).toBeTruthy();
    expect(fieldBox('size').querySelectorAll('.nut-radio')).toHaveLength(2);
    expect(fieldBox('topics').querySelectorAll('.nut-checkbox')).toHaveLength(3);
    expect(within(fieldBox('topics')).getByText('可多选')).toBeTruthy();
  });

  it('sends trimmed answers, numbers as numbers and choices as picked', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<SignupForm fields={fields} onSubmit={handleSubmit} />);

    typeInto('company', '  明阳风电  ');
    typeInto('people', '3');
    fireEvent.click(within(fieldBox('size')).getByText('10-30 人'));
    fireEvent.click(within(fieldBox('topics')).getByText('用工'));
    fireEvent.click(within(fieldBox('topics')).getByText('融资'));
    await submit();

    expect(handleSubmit).toHaveBeenCalledTimes(1);
    expect(handleSubmit).toHaveBeenCalledWith({ company: '明阳风电', people: 3, size: '10-30 人', topics: ['用工', '融资'] });
  });

  it('stops before sending when a required field is empty', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<SignupForm fields={fields} onSubmit={handleSubmit} />);

    await submit();

    expect(handleSubmit).not.toHaveBeenCalled();
    expect(within(fieldBox('company')).getByText('请填写“单位名称”')).toBeTruthy();
  });

  it('shows the server’s per-field errors next to their fields', async () => {
    const handleSubmit = jest.fn(() =>
      Promise.reject(
        new ApiError(400, 'FORM_ANSWER_INVALID', '报名信息填写有误', [
          { field: 'mobile', message: '“手机号码”应为 11 位手机号' },
          { field: 'company', message: '“单位名称”不超过 500 字' },
        ]),
      ),
    );
    render(<SignupForm fields={fields} onSubmit={handleSubmit} />);
    typeInto('company', '明阳风电');
    typeInto('mobile', '13800000001');

    await submit();

    await waitFor(() => expect(within(fieldBox('mobile')).getByText('“手机号码”应为 11 位手机号')).toBeTruthy());
    expect(within(fieldBox('company')).getByText('“单位名称”不超过 500 字')).toBeTruthy();
    expect(fieldBox('mobile').className).toContain('signup-form__field--invalid');
    expect(within(fieldBox('people')).queryByText(/应为/)).toBeNull();
  });

  it('clears a field’s error once the person edits it', async () => {
    const handleSubmit = jest.fn(() => Promise.reject(new ApiError(400, 'FORM_ANSWER_INVALID', '报名信息填写有误', [{ field: 'company', message: '请填写“单位名称”' }])));
    render(<SignupForm fields={fields} onSubmit={handleSubmit} />);
    typeInto('company', '明阳风电');
    await submit();
    await waitFor(() => expect(within(fieldBox('company')).getByText('请填写“单位名称”')).toBeTruthy());

    typeInto('company', '明阳风电集团');

    expect(within(fieldBox('company')).queryByText('请填写“单位名称”')).toBeNull();
  });

  it('asks only for confirmation when the activity has no form', () => {
    render(<SignupForm fields={[]} onSubmit={jest.fn()} />);

    expect(screen.getByText('本活动无需填写报名信息，确认后即可报名。')).toBeTruthy();
  });
});
