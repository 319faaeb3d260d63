import { normalizePhone, parseDay, parseRosterRow, type RosterLookups } from './roster-rows';

const lookups: RosterLookups = {
  orgsByName: new Map([
    ['第一支部', [{ id: 4, type: 'BRANCH' }]],
    ['别人的支部', [{ id: 6, type: 'BRANCH' }]],
    ['重名支部', [{ id: 7, type: 'BRANCH' }, { id: 8, type: 'BRANCH' }]],
  ]),
  enterprisesByName: new Map([['明阳风电', [100]]]),
  allowedOrgIds: new Set([4, 7, 8]),
  today: '2026-11-30',
};

describe('roster rows', () => {
  it('reads a full row', () => {
    expect(parseRosterRow(2, ['张三', '138 0013 8000', '第一支部', '正式党员', '明阳风电', '书记', '2010/7/1'], lookups)).toEqual({
      row: 2,
      name: '张三',
      phone: '13800138000',
      orgId: 4,
      orgType: 'BRANCH',
      enterpriseId: 100,
      politicalStatus: 'FULL_MEMBER',
      partyPost: 'SECRETARY',
      partyJoinedAt: '2010-07-01',
    });
  });

  it('reports every bad cell of a row with its column', () => {
    const errors = parseRosterRow(5, ['', '12345', '别人的支部', '党员', '无此企业', '主席', '2027-01-01'], lookups);
    expect(Array.isArray(errors) && errors.map((e) => [e.row, e.column])).toEqual([
      [5, '姓名'],
      [5, '手机号'],
      [5, '所在党组织'],
      [5, '政治面貌'],
      [5, '所在企业'],
      [5, '党内职务'],
      [5, '入党日期'],
    ]);
  });

  it('refuses ambiguous org names and posts for non-members', () => {
    expect(parseRosterRow(3, ['李四', '13800138001', '重名支部', '正式党员'], lookups)).toEqual([expect.objectContaining({ column: '所在党组织', message: expect.stringContaining('多个') })]);
    expect(parseRosterRow(3, ['李四', '13800138001', '第一支部', '群众', '', '组织委员'], lookups)).toEqual([expect.objectContaining({ column: '党内职务' })]);
  });

  it('normalises phones and dates', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('0086 13800138000')).toBe('13800138000');
    expect(normalizePhone('12345')).toBe('12345');
    expect(parseDay('2010-07-01T00:00:00.000Z')).toBe('2010-07-01');
    expect(parseDay('2010年7月1日')).toBe('2010-07-01');
    expect(parseDay('2010-02-30')).toBeNull();
    expect(parseDay('七月一日')).toBeNull();
  });
});
