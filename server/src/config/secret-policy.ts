/**
 * Strength rules for secrets and passwords. Length alone lets `aaaaaaaaaaaaaaaa` or `1234567890123456`
 * through, so these also look at variety, character classes, repetition and simple sequences.
 * Each function returns null when the value is acceptable, else a short English reason (boot messages);
 * `passwordProblemZh` gives the same verdict in Chinese for API answers.
 */

const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin',
  'admin123',
  'admin@123',
  'administrator',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  '1qaz2wsx',
  '1q2w3e4r',
  'abc123',
  'abcd1234',
  'iloveyou',
  'welcome',
  'welcome1',
  'letmein',
  'changeme',
  'root',
  'toor',
  'secret',
  'torchred',
  'torchred-admin',
  'torch-red',
  'huojuhong',
]);

/** Shannon entropy of the character distribution, times the length: a rough upper bound on the bits. */
export function estimatedBits(value: string): number {
  const chars = [...value];
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** A short pattern repeated (`abcabcabc`), or steps of a fixed size (`123456789`, `abcdefgh`, `98765`). */
export function isSimplePattern(value: string): boolean {
  const codes = [...value].map((c) => c.codePointAt(0)!);
  if (codes.length < 2) return true;
  for (let period = 1; period <= Math.floor(codes.length / 2); period++) {
    if (codes.every((c, i) => c === codes[i % period])) return true;
  }
  // Sequences, also wrapping (…7890123…): every step the same modulo the digit or letter range.
  const steps = codes.slice(1).map((c, i) => c - codes[i]);
  if (steps.every((s) => s === steps[0])) return true;
  const digits = /^[0-9]+$/.test(value);
  if (digits) {
    const wrapped = steps.map((s) => ((s % 10) + 10) % 10);
    if (wrapped.every((s) => s === wrapped[0])) return true;
  }
  return false;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(value)).length;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'few-classes' | 'common' | 'repetitive';

export const PASSWORD_RULE = { minLength: 12, maxLength: 200, minClasses: 3 } as const;

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_RULE.minLength) return 'too-short';
  if (password.length > PASSWORD_RULE.maxLength) return 'too-long';
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^a-z0-9]/g, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || COMMON_PASSWORDS.has(stripped.replace(/[0-9]+$/, ''))) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'common';
  if (isSimplePattern(password) || (stripped.length >= 6 && isSimplePattern(stripped)) || new Set(password).size < 5) return 'repetitive';
  if (characterClasses(password) < PASSWORD_RULE.minClasses) return 'few-classes';
  return null;
}

const PASSWORD_PROBLEM_EN: Record<PasswordProblem, string> = {
  'too-short': `at least ${PASSWORD_RULE.minLength} characters`,
  'too-long': `at most ${PASSWORD_RULE.maxLength} characters`,
  'few-classes': `at least ${PASSWORD_RULE.minClasses} of: lower-case letters, upper-case letters, digits, symbols`,
  common: 'not a common password and not containing the username',
  repetitive: 'not a repetition or a simple sequence',
};

const PASSWORD_PROBLEM_ZH: Record<PasswordProblem, string> = {
  'too-short': `密码至少 ${PASSWORD_RULE.minLength} 位`,
  'too-long': `密码最多 ${PASSWORD_RULE.maxLength} 位`,
  'few-classes': '密码需包含小写字母、大写字母、数字、符号中的至少 3 类',
  common: '密码太常见或包含用户名，请换一个',
  repetitive: '密码不能是重复字符或简单序列（如 123456、abcdef）',
};

export function passwordProblemEn(problem: PasswordProblem): string {
  return PASSWORD_PROBLEM_EN[problem];
}

export function passwordProblemZh(problem: PasswordProblem): string {
  return PASSWORD_PROBLEM_ZH[problem];
}

const PLACEHOLDERS = ['changeme', 'change-me', 'secret', 'placeholder', 'dev', 'development', 'test', 'please-change'];

/** JWT_SECRET: at least 16 characters, varied enough to carry ~64 bits, no placeholder or pattern. */
export function secretProblem(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (v.length < 16) return 'must be at least 16 characters';
  if (PLACEHOLDERS.includes(v.toLowerCase())) return 'is a placeholder';
  if (isSimplePattern(v) || new Set(v).size < 8) return 'is a repetition or a simple sequence';
  if (estimatedBits(v) < 64) return 'is not random enough (use e.g. `openssl rand -base64 32`)';
  return null;
}

/** DATA_KEY bytes: 32 of them, not all alike, not a short pattern, with enough distinct values. */
export function dataKeyProblem(key: Buffer): string | null {
  if (key.length !== 32) return 'must be 32 bytes, as 64 hex characters or base64';
  const distinct = new Set(key).size;
  const bytes = [...key];
  const steps = bytes.slice(1).map((b, i) => (b - bytes[i] + 256) % 256);
  if (distinct < 16 || steps.every((s) => s === steps[0])) return 'is not random (use e.g. `openssl rand -hex 32`)';
  return null;
}
