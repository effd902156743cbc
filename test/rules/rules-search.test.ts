import { describe, expect, it } from 'vitest';
import { createRuleSearch } from '../../src/rules/domain/rules.search.js';
import { rulesStringsFor } from '../../src/rules/rules.strings.js';
import { cardProblems } from '../support/card-validator.js';
import { knowledgeBase, ruleSearch, rulesCardVariants } from '../support/rules-samples.js';
import { markdownTexts } from '../support/card-text.js';

describe('answering questions about the Användare rules', () => {
  it.each([
    ['får jag använda usb-minne?', 'SK-04'],
    ['jag har klickat på en länk i ett konstigt mejl, vad gör jag nu?', 'IH-03'],
    ['får mina barn låna jobbdatorn?', 'DA-04'],
    ['vem bestämmer hur informationen ska klassas', 'IK-01'],
    ['kan jag vidarebefordra jobbmejlen till min gmail', 'EI-02'],
  ])('answers "%s" with %s', (question, ruleId) => {
    expect(ruleSearch.ask(question).answer?.rule.id).toBe(ruleId);
  });

  it('tolerates typos and missing å, ä and ö', () => {
    expect(ruleSearch.ask('säkerhetskopiring av mina dokumnet').answer?.rule.area).toBe(
      'sakerhetskopiering',
    );
    expect(ruleSearch.ask('vidarebefordra mejl till gmial').answer?.rule.id).toBe('EI-02');
    expect(ruleSearch.ask('far jag anvenda usb-minnet').answer?.rule.id).toBe('SK-04');
    expect(ruleSearch.ask('losenord').answer?.rule.id).toBe('EI-08');
  });

  it('offers the right rule, without claiming it, when the only topic word is misspelt', () => {
    const { answer, suggestions } = ruleSearch.ask('får jag använda dropbx');
    expect(answer).toBeNull();
    expect(suggestions[0]?.rule.id).toBe('SK-03');
  });

  it('understands questions in English', () => {
    expect(ruleSearch.ask('Can I work from home on my personal computer?').answer?.rule.id).toBe(
      'DA-01',
    );
    expect(ruleSearch.ask('how do I restore a deleted file').answer?.rule.id).toBe('SK-05');
    expect(ruleSearch.ask('is hotel wifi safe to use').answer?.rule.id).toBe('DA-05');
  });

  it('refuses questions outside the rules, and questions without content', () => {
    for (const question of [
      'vad blir det för lunch i dag?',
      'hur sjukanmäler jag mig',
      'tack!',
      '???',
      '',
    ]) {
      expect(ruleSearch.ask(question).answer, question).toBeNull();
    }
  });

  it('offers the closest rules when it is not confident', () => {
    const strict = createRuleSearch(knowledgeBase, { minScore: 1e9, minCoverage: 1 });
    const { answer, suggestions } = strict.ask('får jag använda usb-minne?');
    expect(answer).toBeNull();
    expect(suggestions[0]?.rule.id).toBe('SK-04');
    expect(suggestions.length).toBeLessThanOrEqual(3);
  });

  it('relates a rule to its "Se även" first, at most three, never itself', () => {
    const related = ruleSearch.related('DA-01').map((r) => r.id);
    expect(related.slice(0, 2)).toEqual(['DA-02', 'DA-04']);
    expect(related).toHaveLength(3);
    expect(related).not.toContain('DA-01');
  });
});

describe('the rules cards', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`are valid Adaptive Cards in every state (${locale})`, () => {
      for (const [name, card] of Object.entries(rulesCardVariants(locale))) {
        expect(cardProblems(card), name).toEqual([]);
        expect(JSON.stringify(card), name).not.toContain('${');
      }
    });
  }

  it("show people's text as plain text on every card", () => {
    for (const [name, card] of Object.entries(rulesCardVariants())) {
      for (const text of markdownTexts(card)) {
        expect(text, name).not.toContain('[klicka](https://evil.example)');
        expect(text, name).not.toContain('**IT**');
      }
    }
  });

  it('name the area by its Swedish title also in English, and offer the incident form in IT-incidenthantering', () => {
    const card = rulesCardVariants('en')['rules-answer ask']!;
    const json = JSON.stringify(card);
    expect(json).toContain('IT-incidenthantering');
    expect(json).toContain(rulesStringsFor('en').feedbackPrompt);
    const actions = card.actions as { title: string; verb: string; data: unknown }[];
    expect(actions).toContainEqual({
      type: 'Action.Execute',
      title: 'Report incident',
      verb: 'command.run',
      data: { command: 'incident' },
    });
  });
});
