import type { FieldError } from '@torch-red/shared';

/** Control characters other than tab and line feed (C0, DEL, C1); a carriage return becomes a line feed first. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL_IN_KEY = /\p{Cc}/u;

function cleanString(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return null;
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
}

/**
 * Normalises every string of a request body or query once, before validation: NFC, CR/CRLF to LF,
 * control characters removed (a NUL or a vertical tab is never meant as text). A lone UTF-16 surrogate
 * cannot be stored as UTF-8, so it is refused; the returned list names each field that had one.
 * Strings are replaced in place; nesting is bounded by the body-depth hook.
 */
export function normaliseTextInput(value: unknown): { value: unknown; invalid: FieldError[] } {
  const invalid: FieldError[] = [];
  const visit = (current: unknown, path: string): unknown => {
    if (typeof current === 'string') {
      const cleaned = cleanString(current);
      if (cleaned === null) {
        invalid.push({ field: path || 'body', message: `${path || '内容'} 含有无效字符` });
        return current;
      }
      return cleaned;
    }
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) current[i] = visit(current[i], `${path}[${i}]`);
      return current;
    }
    if (typeof current === 'object' && current !== null && !Buffer.isBuffer(current)) {
      const record = current as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const field = path ? `${path}.${key}` : key;
        if (LONE_SURROGATE.test(key) || CONTROL_IN_KEY.test(key)) invalid.push({ field, message: `字段名 ${JSON.stringify(key)} 含有无效字符` });
        record[key] = visit(record[key], field);
      }
    }
    return current;
  };
  return { value: visit(value, ''), invalid };
}
