import { describe, expect, it } from 'vitest';
import { cleanStrings, cleanText } from '../../src/platform/text.js';

describe('cleanText', () => {
  it.each([
    [
      'keeps Swedish text, emoji and line breaks',
      'Åsa på väg 🚲\nrad två\tflik\r\n',
      'Åsa på väg 🚲\nrad två\tflik\r\n',
    ],
    ['drops NUL and other control characters', 'a\u0000b\u0007c\u001bd\u007fe\u0085f', 'abcdef'],
    [
      'drops bidi overrides, isolates and marks',
      '\u202egnissöl\u202c \u2066x\u2069 \u200ey\u200f\u061c',
      'gnissöl x y',
    ],
    ['composes decomposed letters (NFC)', 'a\u030ar', 'år'],
    ['replaces a lone surrogate', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
    ['keeps a surrogate pair', '\ud83d\ude80', '🚀'],
    ['keeps zero-width joiners in emoji', '👩\u200d💻', '👩\u200d💻'],
  ])('%s', (_case, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cleanStrings', () => {
  it('cleans every string in a card value, and leaves the rest as it is', () => {
    const value = { title: 'x\u0000', nested: { list: ['\u202ey', 3, true, null] }, n: 1 };
    expect(cleanStrings(value)).toEqual({
      title: 'x',
      nested: { list: ['y', 3, true, null] },
      n: 1,
    });
  });
});
