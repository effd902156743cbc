import type { Locale } from '../platform/locale.js';
import { AREA_TITLES, createRuleSearch, type KnowledgeBase, type Rule } from '../rules/index.js';

export interface RuleView {
  id: string;
  area: string;
  title: string;
  /** The rule's text as the coordinator wrote it (shown as text). */
  text: string;
  reference: string;
}

export type RulesView =
  | { kind: 'browse'; areas: { id: string; title: string; rules: RuleView[] }[] }
  | { kind: 'search'; answer: RuleView | null; suggestions: RuleView[] };

export interface TabRules {
  /** Every rule by area for an empty query; otherwise the chat's own search. */
  answer(query: string, locale: Locale): RulesView;
}

export function createTabRules(kb: KnowledgeBase): TabRules {
  // The same search, and confidence, as a question in the chat.
  const search = createRuleSearch(kb);
  const view = (rule: Rule): RuleView => ({
    id: rule.id,
    area: AREA_TITLES[rule.area],
    title: rule.title,
    text: rule.text,
    reference: rule.reference,
  });
  return {
    answer(query) {
      if (query === '') {
        return {
          kind: 'browse',
          areas: kb.areas.map((area) => ({
            id: area.id,
            title: AREA_TITLES[area.id],
            rules: kb.rulesOf(area.id).map(view),
          })),
        };
      }
      const found = search.ask(query);
      return {
        kind: 'search',
        answer: found.answer ? view(found.answer.rule) : null,
        suggestions: found.suggestions.map((m) => view(m.rule)),
      };
    },
  };
}
