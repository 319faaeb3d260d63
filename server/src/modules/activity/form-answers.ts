import { ACTIVITY_LIMITS, type FieldError, type FormAnswers, type FormField } from '@torch-red/shared';

const PHONE = /^1[3-9][0-9]{9}$/;

/**
 * Checks answers against an activity's form fields and returns the cleaned answers (trimmed, only known
 * keys, numbers as numbers) or the list of problems, each with the field's key and a Chinese message.
 */
export function validateAnswers(fields: FormField[], raw: unknown): { answers: FormAnswers } | { errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { errors: [{ field: 'answers', message: '报名信息格式不正确' }] };
  }
  const input = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const answers: FormAnswers = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: key, message: `没有名为“${key}”的报名项` });
  }
  for (const field of fields) {
    const value = input[field.key];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (field.required) errors.push({ field: field.key, message: `请填写“${field.label}”` });
      continue;
    }
    switch (field.type) {
      case 'text': {
        if (typeof value !== 'string') errors.push({ field: field.key, message: `“${field.label}”应为文字` });
        else if (value.trim().length > ACTIVITY_LIMITS.answerTextMaxLength) errors.push({ field: field.key, message: `“${field.label}”不超过 ${ACTIVITY_LIMITS.answerTextMaxLength} 字` });
        else answers[field.key] = value.trim();
        break;
      }
      case 'phone': {
        const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
        if (!PHONE.test(text)) errors.push({ field: field.key, message: `“${field.label}”应为 11 位手机号` });
        else answers[field.key] = text;
        break;
      }
      case 'number': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
        if (!Number.isFinite(n) || Math.abs(n) > 1e12) errors.push({ field: field.key, message: `“${field.label}”应为数字` });
        else answers[field.key] = n;
        break;
      }
      case 'select': {
        if (typeof value !== 'string' || !(field.options ?? []).includes(value)) errors.push({ field: field.key, message: `请从选项中选择“${field.label}”` });
        else answers[field.key] = value;
        break;
      }
      case 'multiselect': {
        const options = field.options ?? [];
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !options.includes(v))) {
          errors.push({ field: field.key, message: `请从选项中选择“${field.label}”` });
        } else {
          answers[field.key] = [...new Set(value as string[])];
        }
        break;
      }
    }
  }
  return errors.length ? { errors } : { answers };
}

/** Problems with a form definition itself: duplicate keys, choices without options. */
export function checkFormFields(fields: FormField[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (seen.has(field.key)) errors.push({ field: `formFields.${i}.key`, message: `报名项 key “${field.key}”重复` });
    seen.add(field.key);
    const choice = field.type === 'select' || field.type === 'multiselect';
    if (choice && (!field.options || field.options.length < 1)) errors.push({ field: `formFields.${i}.options`, message: `“${field.label}”需要至少一个选项` });
    if (choice && field.options && new Set(field.options).size !== field.options.length) errors.push({ field: `formFields.${i}.options`, message: `“${field.label}”的选项重复` });
    if (!choice && field.options?.length) errors.push({ field: `formFields.${i}.options`, message: `“${field.label}”不是选择题，不能设置选项` });
  });
  return errors;
}

/**
 * Once people have answered, the form may grow but not lose what they answered: every existing field
 * keeps its key and type, keeps its options, and new fields must be optional.
 */
export function checkFormEvolution(before: FormField[], after: FormField[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const old of before) {
    const next = after.find((f) => f.key === old.key);
    if (!next) {
      errors.push({ field: old.key, message: `已有人报名，不能删除报名项“${old.label}”` });
      continue;
    }
    if (next.type !== old.type) errors.push({ field: old.key, message: `已有人报名，不能修改报名项“${old.label}”的类型` });
    const dropped = (old.options ?? []).filter((o) => !(next.options ?? []).includes(o));
    if (dropped.length) errors.push({ field: old.key, message: `已有人报名，不能删除“${old.label}”的选项：${dropped.join('、')}` });
    if (next.required && !old.required) errors.push({ field: old.key, message: `已有人报名，不能把“${old.label}”改为必填` });
  }
  for (const added of after.filter((f) => !before.some((b) => b.key === f.key))) {
    if (added.required) errors.push({ field: added.key, message: `已有人报名，新增的报名项“${added.label}”只能设为选填` });
  }
  return errors;
}
