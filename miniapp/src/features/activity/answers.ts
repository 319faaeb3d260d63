import { ACTIVITY_LIMITS, type FormAnswers, type FormField } from '@torch-red/shared';

/** What the form holds while the person types: text for inputs, lists for multiple choice. */
export type DraftAnswers = Record<string, string | string[]>;

const PHONE = /^1[3-9]\d{9}$/;

function isEmpty(value: string | string[] | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** The checks worth making before a round trip; the server checks everything again. */
export function checkDraft(fields: FormField[], draft: DraftAnswers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = draft[field.key];
    if (isEmpty(value)) {
      if (field.required) {
        errors[field.key] = field.type === 'select' || field.type === 'multiselect' ? `请选择“${field.label}”` : `请填写“${field.label}”`;
      }
      continue;
    }
    if (typeof value !== 'string') {
      continue;
    }
    if (field.type === 'phone' && !PHONE.test(value.trim())) {
      errors[field.key] = `“${field.label}”应为 11 位手机号`;
    } else if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value.trim())) {
      errors[field.key] = `“${field.label}”应为数字`;
    } else if (field.type === 'text' && value.trim().length > ACTIVITY_LIMITS.answerTextMaxLength) {
      errors[field.key] = `“${field.label}”不超过 ${ACTIVITY_LIMITS.answerTextMaxLength} 字`;
    }
  }
  return errors;
}

/** The request body: trimmed text, numbers as numbers, unanswered optional fields left out. */
export function toAnswers(fields: FormField[], draft: DraftAnswers): FormAnswers {
  const answers: FormAnswers = {};
  for (const field of fields) {
    const value = draft[field.key];
    if (isEmpty(value) || value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      answers[field.key] = value;
    } else if (field.type === 'number' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
      answers[field.key] = Number(value.trim());
    } else {
      answers[field.key] = value.trim();
    }
  }
  return answers;
}
