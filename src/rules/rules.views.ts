import type { RulesFeatureDeps } from './index.js';
import type { Attachment } from 'botbuilder';
import type { Rule } from './domain/rule.js';
import type { RulesQuestion } from './domain/rules-question.js';
import type { RulesDeps } from './domain/rules-question.service.js';
import { rulesStringsFor, type RulesStrings } from './rules.strings.js';
import type { Locale } from '../platform/strings.js';
import {
  rulesAnswerCard,
  rulesAnswerCardData,
  rulesCoordinatorCard,
  rulesCoordinatorCardData,
  rulesNoMatchCard,
  rulesNoMatchCardData,
  rulesReplyCard,
  rulesReplyCardData,
} from './rules.cards.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import type { Notice } from '../platform/teams/render.js';

/** Cards of the rules Q&A, always drawn from stored state so a re-render shows what is true now. */

export function rulesStrings(ctx: HandlerContext<RulesFeatureDeps>): RulesStrings {
  return rulesStringsFor(ctx.actor.locale);
}

/** The asker's card for a question: the answer with its feedback, or the honest no-match card. */
export async function questionCard(
  ctx: HandlerContext<RulesFeatureDeps>,
  question: RulesQuestion,
): Promise<Attachment> {
  const deps = ctx.deps.rules;
  const s = rulesStrings(ctx);
  const rule = question.matchedRuleId ? deps.knowledgeBase.rule(question.matchedRuleId) : undefined;
  if (rule) {
    const feedback = await deps.questions.feedback(question.id, question.askerAadObjectId);
    return rulesAnswerCard(
      rulesAnswerCardData(s, deps.knowledgeBase, rule, deps.search.related(rule.id), {
        question,
        feedback,
      }),
    );
  }
  const suggestions = deps.search.ask(question.text).suggestions.map((m) => m.rule);
  return rulesNoMatchCard(rulesNoMatchCardData(s, deps.knowledgeBase, question, suggestions));
}

export function browsedRuleCard(
  ctx: HandlerContext<RulesFeatureDeps>,
  rule: Rule,
  browsing: boolean,
): Attachment {
  const deps = ctx.deps.rules;
  return rulesAnswerCard(
    rulesAnswerCardData(rulesStrings(ctx), deps.knowledgeBase, rule, deps.search.related(rule.id), {
      browsing,
    }),
  );
}

function timeFormatter(org: RulesDeps['org'], locale: Locale): (at: Date) => string {
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: org.organisation.timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (at) => format.format(at);
}

/** The card a säkerhetssamordnare sees for a forwarded question, open or answered. */
export async function coordinatorCard(
  deps: Pick<RulesDeps, 'org' | 'knowledgeBase' | 'questions'>,
  question: RulesQuestion,
  locale: Locale,
  notice: (s: RulesStrings) => Notice | undefined = () => undefined,
): Promise<Attachment> {
  const s = rulesStringsFor(locale);
  const askerPerson = deps.org.personByAadObjectId(question.askerAadObjectId);
  const matchedRule = question.matchedRuleId
    ? deps.knowledgeBase.rule(question.matchedRuleId)
    : undefined;
  const feedback = matchedRule
    ? await deps.questions.feedback(question.id, question.askerAadObjectId)
    : undefined;
  return rulesCoordinatorCard(
    rulesCoordinatorCardData(s, question, {
      askerTitle: askerPerson?.title,
      matchedRule,
      feedback,
      notice: notice(s),
      formatTime: timeFormatter(deps.org, locale),
    }),
  );
}

export function replyCard(question: RulesQuestion): Attachment {
  return rulesReplyCard(rulesReplyCardData(rulesStringsFor(question.locale), question));
}
