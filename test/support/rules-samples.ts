import { loadKnowledgeBase } from '../../src/rules/domain/rules.load.js';
import { createRuleSearch } from '../../src/rules/domain/rules.search.js';
import type { RulesFeedback, RulesQuestion } from '../../src/rules/domain/rules-question.js';
import { rulesStringsFor } from '../../src/rules/rules.strings.js';
import { fromRoot } from '../../src/platform/paths.js';
import {
  rulesAnswerCard,
  rulesAnswerCardData,
  rulesAreaCard,
  rulesAreaCardData,
  rulesAreasCard,
  rulesAreasCardData,
  rulesCoordinatorCard,
  rulesCoordinatorCardData,
  rulesNoMatchCard,
  rulesNoMatchCardData,
  rulesReplyCard,
  rulesReplyCardData,
} from '../../src/rules/rules.cards.js';
import type { CardJson, Notice } from '../../src/platform/teams/render.js';

export const knowledgeBase = loadKnowledgeBase(fromRoot('content', 'anvandare'));
export const ruleSearch = createRuleSearch(knowledgeBase);

/** A question with markdown in it, to show that it is shown as text on every card. */
export function sampleQuestion(overrides: Partial<RulesQuestion> = {}): RulesQuestion {
  return {
    id: '6f1c1e9a-1111-4222-8333-444455556666',
    askerAadObjectId: '00000000-0000-0000-0000-0000000000a8',
    askerName: 'Anna Andersson',
    tenantId: '00000000-0000-0000-0000-000000000001',
    locale: 'sv',
    text: 'Får jag [klicka](https://evil.example) på **allt**?',
    matchedRuleId: 'IH-03',
    createdAt: new Date('2026-11-29T09:15:00Z'),
    forwardedAt: null,
    answer: null,
    ...overrides,
  };
}

const card = (attachment: { content?: unknown }): CardJson => attachment.content as CardJson;

/** Every rules card in each of its states, for the template checks. */
export function rulesCardVariants(locale: 'sv' | 'en' = 'sv'): Record<string, CardJson> {
  const s = rulesStringsFor(locale);
  const kb = knowledgeBase;
  const rule = kb.rule('IH-03')!;
  const related = ruleSearch.related(rule.id);
  const answer = (feedback: RulesFeedback | undefined, forwarded = false) =>
    card(
      rulesAnswerCard(
        rulesAnswerCardData(s, kb, rule, related, {
          question: sampleQuestion({ forwardedAt: forwarded ? new Date() : null }),
          feedback,
        }),
      ),
    );
  const noMatch = (forwarded: boolean, suggestions = related) =>
    card(
      rulesNoMatchCard(
        rulesNoMatchCardData(
          s,
          kb,
          sampleQuestion({ matchedRuleId: null, forwardedAt: forwarded ? new Date() : null }),
          suggestions,
        ),
      ),
    );
  const answered = sampleQuestion({
    forwardedAt: new Date(),
    answer: { text: 'Ring **IT**', byAadObjectId: 'x', byName: 'Lars Berg', at: new Date() },
  });
  const coordinator = (question: RulesQuestion, notice: Notice | undefined) =>
    card(
      rulesCoordinatorCard(
        rulesCoordinatorCardData(s, question, {
          askerTitle: 'Handläggare',
          matchedRule: rule,
          feedback: { helpful: false, comment: 'Saknar _telefonnummer_' },
          notice,
          formatTime: (at) => at.toISOString(),
        }),
      ),
    );
  return {
    'rules-areas': card(rulesAreasCard(rulesAreasCardData(s, kb))),
    'rules-area': card(rulesAreaCard(rulesAreaCardData(s, kb, 'distansarbete'))),
    'rules-answer ask': answer(undefined),
    'rules-answer comment': answer({ helpful: false, comment: null }),
    'rules-answer thanks': answer({ helpful: true, comment: null }),
    'rules-answer forwarded': answer({ helpful: false, comment: 'x' }, true),
    'rules-answer browsing': card(
      rulesAnswerCard(rulesAnswerCardData(s, kb, kb.rule('DA-01')!, [], { browsing: true })),
    ),
    'rules-no-match': noMatch(false),
    'rules-no-match forwarded, no suggestions': noMatch(true, []),
    'rules-coordinator open': coordinator(sampleQuestion({ forwardedAt: new Date() }), undefined),
    'rules-coordinator answered': coordinator(answered, {
      text: s.alreadyAnswered('Lars Berg'),
      style: 'warning',
    }),
    'rules-coordinator answered by you': coordinator(answered, {
      text: s.answeredByYou('Anna Andersson'),
      style: 'good',
    }),
    'rules-reply': card(rulesReplyCard(rulesReplyCardData(s, answered))),
  };
}

/** One sample per template, for test/cards.test.ts. */
export const rulesCardSamples = {
  'rules-areas': () => rulesCardVariants()['rules-areas']!,
  'rules-area': () => rulesCardVariants()['rules-area']!,
  'rules-answer': () => rulesCardVariants()['rules-answer comment']!,
  'rules-no-match': () => rulesCardVariants()['rules-no-match']!,
  'rules-coordinator': () => rulesCardVariants()['rules-coordinator open']!,
  'rules-reply': () => rulesCardVariants()['rules-reply']!,
} satisfies Record<string, () => CardJson>;
