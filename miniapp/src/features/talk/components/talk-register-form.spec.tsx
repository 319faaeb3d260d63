import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildChain, buildEnterprise } from '@test/factories/chain.factory';
import { ApiError } from '@/services/http';
import { TalkRegisterForm } from './talk-register-form';

const chains = [
  buildChain({
    name: '绿色化工产业链',
    enterprises: [buildEnterprise({ id: 'ent-yixin', name: '亿鑫化工', chainRole: 'CORE' }), buildEnterprise({ id: 'ent-gaoxin', name: '高新塑业', chainRole: 'MEMBER' })],
  }),
  buildChain({ name: '风电装备产业链', enterprises: [buildEnterprise({ id: 'ent-mingyang', name: '明阳风电', chainRole: 'LEADER' })] }),
];

function box(key: string): HTMLElement {
  const element = document.querySelector(`[data-field="${key}"]`);
  if (!(element instanceof HTMLElement)) throw new Error(`no field ${key}`);
  return element;
}

function typeInto(element: Element | null, value: string) {
  if (!element) throw new Error('no input');
  fireEvent.change(element, { target: { value } });
}

function fillTheRest() {
  typeInto(box('position').querySelector('input'), ' 总经理 ');
  typeInto(box('phone').querySelector('input'), '13800000006');
  fireEvent.click(within(box('category')).getByText('原料供应'));
  typeInto(box('appeal').querySelector('input'), '希望协调园区内丙烯原料的稳定供应');
}

async function submit() {
  const button = screen.getByText('提交报名').closest('.nut-button');
  if (!(button instanceof HTMLElement)) throw new Error('no submit button');
  await act(async () => {
    fireEvent.click(button);
  });
}

describe('TalkRegisterForm', () => {
  it('sends the enterprise picked from the chain map by id', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<TalkRegisterForm chains={chains} onSubmit={handleSubmit} />);

    typeInto(box('enterprise').querySelector('.enterprise-picker__search input'), '亿鑫');
    expect(box('enterprise').querySelectorAll('.enterprise-picker__option')).toHaveLength(1);
    fireEvent.click(within(box('enterprise')).getByText('亿鑫化工'));
    expect(box('enterprise').querySelector('.enterprise-picker__picked-name')?.textContent).toBe('亿鑫化工');
    fillTheRest();
    await submit();

    expect(handleSubmit).toHaveBeenCalledWith({
      enterpriseId: 'ent-yixin',
      position: '总经理',
      phone: '13800000006',
      category: 'RAW_MATERIALS',
      appeal: '希望协调园区内丙烯原料的稳定供应',
    });
  });

  it('sends a typed name when the enterprise is not on the chain map', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<TalkRegisterForm chains={chains} onSubmit={handleSubmit} />);

    typeInto(box('enterprise').querySelector('.enterprise-picker__search input'), '大庆新材');
    expect(within(box('enterprise')).getByText('产业链图谱中没有找到“大庆新材”')).toBeTruthy();
    fireEvent.click(within(box('enterprise')).getByText('企业不在列表中？直接填写企业名称'));
    typeInto(box('enterprise').querySelector('.enterprise-picker__typed input'), '大庆新材料科技有限公司');
    fillTheRest();
    await submit();

    expect(handleSubmit).toHaveBeenCalledTimes(1);
    const body = (handleSubmit.mock.calls[0] as unknown[])[0] as Record<string, unknown>;
    expect(body.enterpriseName).toBe('大庆新材料科技有限公司');
    expect(body).not.toHaveProperty('enterpriseId');
  });

  it('starts from the enterprise of the person’s profile', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<TalkRegisterForm chains={chains} initialEnterprise={{ kind: 'listed', id: 'ent-mingyang', name: '明阳风电' }} onSubmit={handleSubmit} />);

    expect(box('enterprise').querySelector('.enterprise-picker__picked-chain')?.textContent).toBe('风电装备产业链 · 链长企业');
    fillTheRest();
    await submit();

    expect(handleSubmit).toHaveBeenCalledWith(expect.objectContaining({ enterpriseId: 'ent-mingyang' }));
  });

  it('checks the fields before sending', async () => {
    const handleSubmit = jest.fn(() => Promise.resolve());
    render(<TalkRegisterForm chains={chains} onSubmit={handleSubmit} />);

    typeInto(box('phone').querySelector('input'), '12345');
    await submit();

    expect(handleSubmit).not.toHaveBeenCalled();
    expect(within(box('enterprise')).getByText('请选择或填写企业名称')).toBeTruthy();
    expect(within(box('phone')).getByText('请填写 11 位手机号')).toBeTruthy();
    expect(within(box('category')).getByText('请选择诉求类别')).toBeTruthy();
    expect(within(box('appeal')).getByText('请填写诉求内容')).toBeTruthy();
  });

  it('shows the server’s per-field errors next to their fields', async () => {
    const handleSubmit = jest.fn(() =>
      Promise.reject(
        new ApiError(400, 'VALIDATION_FAILED', '请求参数不正确', [
          { field: 'enterpriseId', message: '所选企业不存在' },
          { field: 'appeal', message: '诉求内容不超过 500 字' },
        ]),
      ),
    );
    render(<TalkRegisterForm chains={chains} onSubmit={handleSubmit} />);
    fireEvent.click(within(box('enterprise')).getByText('明阳风电'));
    fillTheRest();

    await submit();

    await waitFor(() => expect(within(box('enterprise')).getByText('所选企业不存在')).toBeTruthy());
    expect(within(box('appeal')).getByText('诉求内容不超过 500 字')).toBeTruthy();
    expect(box('appeal').className).toContain('talk-form__field--invalid');
    expect(box('position').querySelector('.talk-form__error')).toBeNull();
  });
});
