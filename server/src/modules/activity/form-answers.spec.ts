import type { FormField } from '@torch-red/shared';
import { checkFormEvolution, checkFormFields, validateAnswers } from './form-answers';

const fields: FormField[] = [
  { key: 'company', label: '单位', type: 'text', required: true },
  { key: 'mobile', label: '手机', type: 'phone', required: false },
  { key: 'people', label: '人数', type: 'number', required: false },
  { key: 'meal', label: '用餐', type: 'select', required: true, options: ['是', '否'] },
  { key: 'topics', label: '议题', type: 'multiselect', required: false, options: ['融资', '人才', '用地'] },
];

describe('validateAnswers', () => {
  it('accepts and cleans valid answers', () => {
    expect(validateAnswers(fields, { company: '  明阳风电 ', mobile: '13800000001', people: '3', meal: '是', topics: ['人才', '人才'] })).toEqual({
      answers: { company: '明阳风电', mobile: '13800000001', people: 3, meal: '是', topics: ['人才'] },
    });
  });

  it('reports each missing required field and each malformed answer', () => {
    const result = validateAnswers(fields, { mobile: '123', people: 'many', topics: ['旅游'], extra: 1 });
    expect('errors' in result && result.errors.map((e) => e.field).sort()).toEqual(['company', 'extra', 'meal', 'mobile', 'people', 'topics']);
  });

  it('rejects a non-object', () => {
    expect(validateAnswers(fields, 'x')).toHaveProperty('errors');
    expect(validateAnswers(fields, [1])).toHaveProperty('errors');
  });

  it('rejects an option that is not offered', () => {
    expect(validateAnswers(fields, { company: 'a', meal: '也许' })).toHaveProperty('errors');
  });
});

describe('checkFormFields', () => {
  it('finds duplicate keys and choices without options', () => {
    const errors = checkFormFields([
      { key: 'a', label: 'A', type: 'text', required: true },
      { key: 'a', label: 'B', type: 'select', required: true },
    ]);
    expect(errors).toHaveLength(2);
  });
});

describe('checkFormEvolution', () => {
  it('lets the form grow with optional fields only', () => {
    expect(checkFormEvolution(fields, [...fields, { key: 'note', label: '备注', type: 'text', required: false }])).toEqual([]);
    expect(checkFormEvolution(fields, [...fields, { key: 'note', label: '备注', type: 'text', required: true }])).toHaveLength(1);
  });

  it('refuses to drop fields, change types or drop options', () => {
    const changed: FormField[] = [
      { key: 'company', label: '单位', type: 'number', required: true },
      { key: 'meal', label: '用餐', type: 'select', required: true, options: ['是'] },
    ];
    expect(checkFormEvolution(fields, changed).map((e) => e.field).sort()).toEqual(['company', 'meal', 'mobile', 'people', 'topics']);
  });
});
