import type { AadObjectId } from '../../platform/identity.js';
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../org/index.js';
import type { OrgDirectory } from '../../org/index.js';
import type { Person } from '../../org/index.js';
import { transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import type { KnowledgeBase } from './rule.js';
import type { RulesQuestion, RulesFeedback, RulesQuestionStore } from './rules-question.js';
import type { RuleSearch, RulesAnswer } from './rules.search.js';

/** The Teams side: a forwarded question and a coordinator's reply as outbox messages. */
export interface RulesNotifier {
  /** The question's card to one säkerhetssamordnare, once per question and coordinator. */
  forwarded(question: RulesQuestion, coordinator: Person): Promise<void>;
  /** The reply to the asker, once per question. */
  answered(question: RulesQuestion): Promise<void>;
  /** Tells the coordinators, once a day per asker, that the asker hit the limit. */
  limitReached(
    asker: { aadObjectId: string; name: string },
    count: number,
    now: Date,
  ): Promise<void>;
}

/** At most `count` questions forwarded per person in `seconds`. */
export const FORWARD_LIMIT = { count: 10, seconds: 60 } as const;

/** What a use case writes through; inside a unit of work all of it is bound to its transaction. */
export interface RulesStore {
  questions: RulesQuestionStore;
  audit: AuditLog;
  notifier: RulesNotifier;
}

/** What the rules Q&A needs; built once at start. */
export interface RulesDeps extends RulesStore {
  knowledgeBase: KnowledgeBase;
  search: RuleSearch;
  org: OrgDirectory;
  /** Marking a question forwarded or answered, its audit event and its messages commit together. */
  unitOfWork: UnitOfWork<RulesStore>;
}

export const MAX_REPLY_LENGTH = 2000;
export const MAX_COMMENT_LENGTH = 1000;

const AUDIT_OBJECT = 'rules-question';

export interface Asker {
  aadObjectId: AadObjectId;
  name: string;
  tenantId: string;
  locale: RulesQuestion['locale'];
}

/** Answers from the rules and keeps the question, answered or not, for the coordinator. */
export async function askRules(
  deps: RulesDeps,
  asker: Asker,
  text: string,
  at: Date,
): Promise<{ question: RulesQuestion; result: RulesAnswer }> {
  const result = deps.search.ask(text);
  const question: RulesQuestion = {
    id: randomUUID(),
    askerAadObjectId: asker.aadObjectId,
    askerName: asker.name,
    tenantId: asker.tenantId,
    locale: asker.locale,
    text,
    matchedRuleId: result.answer?.rule.id ?? null,
    createdAt: at,
    forwardedAt: null,
    answer: null,
  };
  await deps.questions.create(question);
  return { question, result };
}

export type AskerAccess =
  | { kind: 'ok'; question: RulesQuestion }
  | { kind: 'unknown-question' }
  | { kind: 'not-your-question' };

/** The question behind a button on the asker's card, if it is theirs: card ids are only lookups. */
export async function questionOfAsker(
  deps: RulesDeps,
  questionId: string,
  aadObjectId: string | undefined,
): Promise<AskerAccess> {
  const question = await deps.questions.find(questionId);
  if (!question) return { kind: 'unknown-question' };
  if (!aadObjectId || question.askerAadObjectId !== aadObjectId.toLowerCase())
    return { kind: 'not-your-question' };
  return { kind: 'ok', question };
}

export type FeedbackOutcome =
  | Exclude<AskerAccess, { kind: 'ok' }>
  | { kind: 'no-answer-to-rate' }
  | { kind: 'saved'; question: RulesQuestion; feedback: RulesFeedback };

/** "Hjälpte svaret? Ja / Nej": one per question and person; a later click or a comment updates it. */
export async function giveFeedback(
  deps: RulesDeps,
  input: {
    questionId: string;
    aadObjectId: string | undefined;
    helpful: boolean;
    comment?: string;
  },
  at: Date,
): Promise<FeedbackOutcome> {
  const access = await questionOfAsker(deps, input.questionId, input.aadObjectId);
  if (access.kind !== 'ok') return access;
  if (!access.question.matchedRuleId) return { kind: 'no-answer-to-rate' };
  const comment = input.comment?.trim().slice(0, MAX_COMMENT_LENGTH);
  await deps.questions.saveFeedback(
    access.question.id,
    access.question.askerAadObjectId,
    { helpful: input.helpful, ...(comment && { comment }) },
    at,
  );
  const feedback = await deps.questions.feedback(
    access.question.id,
    access.question.askerAadObjectId,
  );
  return {
    kind: 'saved',
    question: access.question,
    feedback: feedback ?? { helpful: input.helpful, comment: null },
  };
}

export type ForwardOutcome =
  | Exclude<AskerAccess, { kind: 'ok' }>
  | { kind: 'no-coordinator' }
  | { kind: 'limited' }
  | { kind: 'forwarded'; question: RulesQuestion; coordinators: Person[]; first: boolean };

/**
 * Sends the question to every säkerhetssamordnare, in the same unit of work as the
 * mark and its audit event. Each coordinator's message has a dedupe key, so a
 * double click sends each coordinator one card.
 */
export const forwardQuestion = transactional(forward);

async function forward(
  deps: RulesDeps,
  input: { questionId: string; aadObjectId: string | undefined },
  at: Date,
): Promise<ForwardOutcome> {
  const access = await questionOfAsker(deps, input.questionId, input.aadObjectId);
  if (access.kind !== 'ok') return access;
  const coordinators = deps.org.sakerhetssamordnare();
  if (coordinators.length === 0) return { kind: 'no-coordinator' };
  // A question already forwarded is pressed again: no new card, so no limit.
  if (!access.question.forwardedAt) {
    const asker = access.question.askerAadObjectId;
    const since = new Date(at.getTime() - FORWARD_LIMIT.seconds * 1000);
    if ((await deps.questions.countForwardedSince(asker, since)) >= FORWARD_LIMIT.count) {
      const name = access.question.askerName;
      await deps.notifier.limitReached({ aadObjectId: asker, name }, FORWARD_LIMIT.count, at);
      return { kind: 'limited' };
    }
  }
  const first = await deps.questions.markForwarded(access.question.id, at);
  if (first) {
    await deps.audit.record({
      at,
      actor: access.question.askerAadObjectId,
      action: 'rules.question.forwarded',
      objectType: AUDIT_OBJECT,
      objectId: access.question.id,
      details: { coordinators: coordinators.length, matchedRuleId: access.question.matchedRuleId },
    });
  }
  const question = (await deps.questions.find(access.question.id)) ?? access.question;
  for (const coordinator of coordinators) await deps.notifier.forwarded(question, coordinator);
  return { kind: 'forwarded', question, coordinators, first };
}

export type CoordinatorAccess =
  | { kind: 'not-coordinator' }
  | { kind: 'unknown-question' }
  | { kind: 'ok'; question: RulesQuestion; coordinator: Person };

/** Only a säkerhetssamordnare in the organisation file, known by the clicker's aadObjectId, may see or answer. */
export async function questionForCoordinator(
  deps: RulesDeps,
  questionId: string,
  aadObjectId: string | undefined,
): Promise<CoordinatorAccess> {
  const person = aadObjectId ? deps.org.personByAadObjectId(aadObjectId) : undefined;
  if (!person || !deps.org.isSakerhetssamordnare(person.id)) return { kind: 'not-coordinator' };
  const question = await deps.questions.find(questionId);
  // A question never forwarded was never shown to a coordinator: an id for it is forged.
  if (!question || !question.forwardedAt) return { kind: 'unknown-question' };
  return { kind: 'ok', question, coordinator: person };
}

export type ReplyOutcome =
  | Exclude<CoordinatorAccess, { kind: 'ok' }>
  | { kind: 'empty-reply' }
  | { kind: 'answered'; question: RulesQuestion }
  | { kind: 'already-answered'; question: RulesQuestion };

/** The first coordinator's reply is the answer; any later one is refused as already answered. */
export const replyToQuestion = transactional(reply);

async function reply(
  deps: RulesDeps,
  input: { questionId: string; aadObjectId: string | undefined; reply: string | undefined },
  at: Date,
): Promise<ReplyOutcome> {
  const access = await questionForCoordinator(deps, input.questionId, input.aadObjectId);
  if (access.kind !== 'ok') return access;
  if (access.question.answer) return { kind: 'already-answered', question: access.question };
  const text = input.reply?.trim() ?? '';
  if (text === '') return { kind: 'empty-reply' };
  const recorded = await deps.questions.recordAnswer(access.question.id, {
    text: text.slice(0, MAX_REPLY_LENGTH),
    byAadObjectId: access.coordinator.aadObjectId,
    byName: access.coordinator.name,
    at,
  });
  const question = (await deps.questions.find(access.question.id)) ?? access.question;
  if (!recorded) return { kind: 'already-answered', question };
  await deps.audit.record({
    at,
    actor: access.coordinator.aadObjectId,
    action: 'rules.question.answered',
    objectType: AUDIT_OBJECT,
    objectId: question.id,
    details: { asker: question.askerAadObjectId },
  });
  await deps.notifier.answered(question);
  return { kind: 'answered', question };
}
