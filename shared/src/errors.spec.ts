import { ERROR_CODES, ERROR_MESSAGES, isErrorResponse } from './errors';

describe('error codes', () => {
  it('gives every code a Chinese message', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('recognises the error body shape', () => {
    expect(isErrorResponse({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'x' })).toBe(true);
    expect(isErrorResponse({ message: 'x' })).toBe(false);
    expect(isErrorResponse(null)).toBe(false);
  });
});
