import type { FormField, FormFieldType } from '@torch-red/shared';

/** The next free generated key: f1, f2, … (keys the person never sees, stable once answered). */
export function nextFieldKey(fields: Pick<FormField, 'key'>[]): string {
  const taken = fields.map((field) => /^f(\d+)$/.exec(field.key)).map((match) => (match ? Number(match[1]) : 0));
  return `f${Math.max(0, ...taken) + 1}`;
}

export function newField(fields: FormField[]): FormField {
  return { key: nextFieldKey(fields), label: '', type: 'text', required: false };
}

export function isChoice(type: FormFieldType): boolean {
  return type === 'select' || type === 'multiselect';
}

/** `党建，技术、市场` → ['党建', '技术', '市场']: the separators people actually type. */
export function parseOptions(text: string): string[] {
  return Array.from(new Set(text.split(/[,，、;；\n]/).map((option) => option.trim()).filter((option) => option !== '')));
}

/** Options belong only to choice fields: switching a field to text drops them. */
export function withType(field: FormField, type: FormFieldType): FormField {
  if (isChoice(type)) {
    return { ...field, type, options: field.options ?? [] };
  }
  const { options: _dropped, ...rest } = field;
  return { ...rest, type };
}
