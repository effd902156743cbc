import MiniSearch, { type SearchResult } from 'minisearch';
import type { AreaId, KnowledgeBase, Rule } from './rule.js';
import { contentWords, termOf } from './rules.text.js';

export interface RuleMatch {
  rule: Rule;
  /** MiniSearch relevance (BM25+ with the field boosts); larger is better. */
  score: number;
}

export interface RulesAnswer {
  /** The rule that answers the question, or null when no rule does so with confidence. */
  answer: RuleMatch | null;
  /** The next closest rules (the closest ones when there is no answer). */
  suggestions: RuleMatch[];
}

/**
 * When an answer counts as confident. Tuned on the whole evaluation set
 * (`npm run eval:qa -- --sweep`), never on single questions.
 */
export interface Confidence {
  /** The best match must score at least this. */
  minScore: number;
  /** Share of the question's meaningful words the best match must contain. */
  minCoverage: number;
}

export const DEFAULT_CONFIDENCE: Confidence = { minScore: 13, minCoverage: 0.34 };

export const MAX_SUGGESTIONS = 3;

export interface RuleSearch {
  ask(question: string): RulesAnswer;
  /** Rules to offer beside `ruleId`: its "Se även" first, then the closest by content. */
  related(ruleId: string, limit?: number): Rule[];
}

interface RuleDocument {
  id: string;
  area: AreaId;
  title: string;
  keywords: string;
  synonyms: string;
  text: string;
}

const BOOST = { title: 2, keywords: 3, synonyms: 2.5, text: 1 };

// Typos: one edit from five letters, two from eight. Prefixes from four letters (compounds).
const fuzzy = (term: string): number | false =>
  term.length >= 8 ? 2 : term.length >= 5 ? 1 : false;
const prefix = (term: string): boolean => term.length >= 4;

export function createRuleSearch(
  kb: KnowledgeBase,
  confidence: Confidence = DEFAULT_CONFIDENCE,
): RuleSearch {
  const index = new MiniSearch<RuleDocument>({
    fields: ['title', 'keywords', 'synonyms', 'text'],
    processTerm: (term) => termOf(term),
    searchOptions: { boost: BOOST, fuzzy, prefix, combineWith: 'OR' },
  });
  index.addAll(
    kb.rules.map((r) => ({
      id: r.id,
      area: r.area,
      title: r.title,
      keywords: r.keywords.join(', '),
      synonyms: r.synonyms.join(', '),
      text: r.text,
    })),
  );

  const toMatch = (result: SearchResult): RuleMatch | undefined => {
    const rule = kb.rule(String(result.id));
    return rule ? { rule, score: Math.round(result.score * 100) / 100 } : undefined;
  };

  function ask(question: string): RulesAnswer {
    const words = contentWords(question);
    if (words.length === 0) return { answer: null, suggestions: [] };
    const results = index.search(words.join(' '));
    const matches = results.flatMap((r) => toMatch(r) ?? []);
    const best = results[0];
    if (!best) return { answer: null, suggestions: [] };
    const matched = new Set(best.queryTerms);
    const covered = words.filter((w) => matched.has(termOf(w) ?? '')).length;
    const confident =
      best.score >= confidence.minScore && covered / words.length >= confidence.minCoverage;
    return confident
      ? { answer: matches[0] ?? null, suggestions: matches.slice(1, 1 + MAX_SUGGESTIONS) }
      : { answer: null, suggestions: matches.slice(0, MAX_SUGGESTIONS) };
  }

  const relatedCache = new Map<string, Rule[]>();
  function related(ruleId: string, limit = MAX_SUGGESTIONS): Rule[] {
    const key = `${ruleId}:${limit}`;
    const cached = relatedCache.get(key);
    if (cached) return cached;
    const rule = kb.rule(ruleId);
    if (!rule) return [];
    const chosen = rule.seeAlso.flatMap((id) => kb.rule(id) ?? []);
    if (chosen.length < limit) {
      const query = [rule.title, ...rule.keywords].join(' ');
      for (const result of index.search(query)) {
        const other = kb.rule(String(result.id));
        if (other && other.id !== rule.id && !chosen.includes(other)) chosen.push(other);
        if (chosen.length >= limit) break;
      }
    }
    const list = chosen.slice(0, limit);
    relatedCache.set(key, list);
    return list;
  }

  return { ask, related };
}
