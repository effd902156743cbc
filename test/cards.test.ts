import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';
import { helpCardData } from '../src/teams/cards/help.card.js';
import { plainText, renderCardJson, type CardName } from '../src/teams/cards/render.js';
import { stringsFor } from '../src/i18n/strings.js';
import { cardProblems } from './support/card-validator.js';

/** Sample data for every template; a new template without sample data fails the first test. */
const samples: Record<CardName, object> = {
  help: helpCardData(stringsFor('sv'), 'Sjövik kommun', 'Anna Andersson', ['kommunchef']),
};

describe('card templates', () => {
  const templates = readdirSync(fromRoot('cards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it('has sample data for every template in cards/', () => {
    expect(templates.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(templates)(
    '%s renders to a card the official parser accepts without warnings',
    (name) => {
      const card = renderCardJson(name as CardName, samples[name as CardName]);
      expect(card.version).toBe('1.5');
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
    },
  );

  it('the validator does catch an unknown element and duplicate input ids', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }],
    });
    expect(problems.some((p) => p.includes('Bogus'))).toBe(true);
    expect(problems).toContain('duplicate input ids: a');
  });
});

describe('text from people on cards', () => {
  it('cannot become a link, an image or formatting', () => {
    expect(plainText('[x](https://evil.example) ![i](http://t/p.png) **b** _i_ <b>')).toBe(
      '\\[x\\]\\(https://evil\\.example\\) \\!\\[i\\]\\(http://t/p\\.png\\) \\*\\*b\\*\\* \\_i\\_ \\<b\\>',
    );
  });

  it('is inserted as text, never evaluated as a template expression', () => {
    const card = renderCardJson('help', { ...samples.help, greeting: '${title} ${string(1+1)}' });
    expect(JSON.stringify(card)).toContain('${title} ${string(1+1)}');
  });

  it('drops control characters', () => {
    expect(plainText('a\u0000b\u0007c\nd')).toBe('abc\nd');
  });
});
