import { hasVisibleText } from './decorators';
import { normaliseTextInput } from './text-input';

describe('normaliseTextInput', () => {
  it('normalises strings at any depth: NFC, LF line ends, no control characters', () => {
    const body = { title: 'Cafe\u0301', lines: ['a\r\nb\rc', { deep: 'x\u0000y\u0007z\u0085\ttab\nok' }], n: 1, none: null };
    expect(normaliseTextInput(body)).toEqual({
      value: { title: 'Caf\u00e9', lines: ['a\nb\nc', { deep: 'xyz\ttab\nok' }], n: 1, none: null },
      invalid: [],
    });
  });

  it('names each field that holds a lone surrogate, and keeps well-formed pairs', () => {
    const { invalid } = normaliseTextInput({ ok: '😀', name: '\ud800', list: ['a', 'b\udc00'], ['k\ud800']: 1 });
    expect(invalid.map((e) => e.field)).toEqual(['name', 'list[1]', 'k\ud800']);
  });
});

describe('hasVisibleText', () => {
  it('needs a character a person can see', () => {
    for (const blank of ['', ' ', '\u200b\u200c\u200d\u2060\ufeff', '\u3164', '\u2800', '\u00ad', '\u0301', '\t\n']) expect(hasVisibleText(blank)).toBe(false);
    for (const text of ['张', 'a', '😀', 'e\u0301', ' x ', '1']) expect(hasVisibleText(text)).toBe(true);
    expect(hasVisibleText(null)).toBe(false);
  });
});
