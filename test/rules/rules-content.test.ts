import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/rules/index.js';
import { fromRoot } from '../../src/platform/paths.js';

/**
 * The draft instruction read as a user reads it: rules that send staff two ways, or
 * say what the law does not, are mistakes in the content (the rules Q&A issue).
 */
const kb = loadKnowledgeBase(fromRoot('content', 'anvandare'));

/** Every sentence of every rule's text, with the rule it is in. */
const sentences = kb.rules.flatMap((rule) =>
  rule.text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((sentence) => ({ id: rule.id, sentence: sentence.trim() }))
    .filter((s) => s.sentence !== ''),
);

const saying = (pattern: RegExp) =>
  sentences.filter((s) => pattern.test(s.sentence)).map((s) => `${s.id}: ${s.sentence}`);

describe('the draft instruction does not contradict itself', () => {
  it('never tells anyone to delete a suspicious mail: it is evidence (IH-03, IH-08)', () => {
    const deleting = saying(/radera/i).filter((s) => /mejl|det sedan/i.test(s));
    expect(deleting.filter((s) => !/\binte\b|\baldrig\b/i.test(s))).toEqual([]);
  });

  it('asks for a screenshot, never for a photo of the screen with the phone (SK-08)', () => {
    const photos = saying(/foto|fotografera/i).filter((s) => /skärm/i.test(s));
    expect(photos.filter((s) => !/\binte\b|\baldrig\b/i.test(s))).toEqual([]);
  });

  it('puts ordinary personal data at K2 and sensitive or secret personal data at K3', () => {
    const sensitive = saying(/känsliga personuppgifter/i).filter((s) => /\bK[0-3]\b/.test(s));
    expect(sensitive.length).toBeGreaterThan(0);
    for (const s of sensitive) expect(s).toMatch(/K3/);
    expect(saying(/känsliga personuppgifter.*minst K2/i)).toEqual([]);
  });

  it('speaks of EU/EES, where the data protection rules apply, not only of the EU', () => {
    expect(saying(/utanför EU(?!\/EES)/)).toEqual([]);
  });

  it('says that keeping quiet about incidents does not limit meddelarfriheten (IH-10)', () => {
    expect(kb.rule('IH-10')!.text).toMatch(/meddelarfrihet/i);
  });
});
