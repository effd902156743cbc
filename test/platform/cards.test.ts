import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { userText, renderCardJson } from '../../src/platform/teams/render.js';
import { cardProblems } from '../support/card-validator.js';
import { cardSamples as samples, helpData } from '../support/card-samples.js';

describe('card templates', () => {
  const templates = readdirSync(fromRoot('src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(path.dirname(file)) === 'cards' && file.endsWith('.json'))
    .map((file) => path.basename(file, '.json'));

  it('has sample data for every template in src/<feature>/cards/', () => {
    expect(templates.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(templates)(
    '%s renders to a card the official parser accepts without warnings',
    (name) => {
      const card = samples[name]!();
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
  it('is inserted as text, never evaluated as a template expression', () => {
    const card = renderCardJson('help/help', { ...helpData, greeting: '${title} ${string(1+1)}' });
    expect(JSON.stringify(card)).toContain('${title} ${string(1+1)}');
  });

  it('drops control characters and keeps line breaks', () => {
    expect(userText('a\u0000b\u0007c\r\nd')).toBe('abc\nd');
  });
});
