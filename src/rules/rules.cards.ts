import type { Attachment } from 'botbuilder';
import type { RulesStrings } from './rules.strings.js';
import type { AreaId, KnowledgeBase, Rule } from './domain/rule.js';
import type { RulesFeedback, RulesQuestion } from './domain/rules-question.js';
import { userText, renderCard, type Notice, type NoticeStyle } from '../platform/teams/render.js';

/** Typed data for the rules templates in cards/rules-*.json. Text from people goes into TextRuns (userText). */

export interface RuleLink {
  ruleId: string;
  title: string;
}

export interface RulesAreasCardData {
  title: string;
  draftNote: string;
  intro: string;
  areas: {
    areaId: AreaId;
    title: string;
    section: string;
    /** "Avsnitt 2": where the area is in the instruction. */
    sectionLabel: string;
    description: string;
  }[];
}

export interface RulesAreaCardData {
  instructionTitle: string;
  areaTitle: string;
  sectionLabel: string;
  description: string;
  countLine: string;
  rules: RuleLink[];
  allAreas: string;
}

type FeedbackState = 'none' | 'ask' | 'comment' | 'thanks';
type ForwardState = 'none' | 'offer' | 'done';

interface ForwardSection {
  state: ForwardState;
  questionId: string;
  intro: string;
  button: string;
  doneText: string;
}

export interface RulesAnswerCardData {
  /** "Din fråga: …", or '' when the rule is shown while browsing. */
  question: string;
  areaTitle: string;
  ruleTitle: string;
  text: string;
  reference: string;
  languageNote: string;
  relatedHeading: string;
  related: RuleLink[];
  /** '' except in the IT-incidenthantering area. */
  incidentButton: string;
  back: { title: string; areaId: string };
  feedback: {
    state: FeedbackState;
    questionId: string;
    prompt: string;
    yes: string;
    no: string;
    commentLabel: string;
    commentPlaceholder: string;
    send: string;
    thanks: string;
  };
  forward: ForwardSection;
}

export interface RulesNoMatchCardData {
  question: string;
  title: string;
  suggestionsIntro: string;
  suggestions: (RuleLink & { areaTitle: string })[];
  forward: ForwardSection;
}

export interface RulesCoordinatorCardData {
  questionId: string;
  title: string;
  asker: string;
  question: string;
  askedAt: string;
  botNote: string;
  notice: string;
  noticeStyle: NoticeStyle;
  state: 'open' | 'answered';
  replyLabel: string;
  replyPlaceholder: string;
  replyRequired: string;
  sendReply: string;
  answeredBy: string;
  answer: string;
}

export interface RulesReplyCardData {
  title: string;
  question: string;
  answer: string;
  from: string;
  footer: string;
}

const link = (rule: Rule): RuleLink => ({ ruleId: rule.id, title: `${rule.id} ${rule.title}` });

export function rulesAreasCardData(s: RulesStrings, kb: KnowledgeBase): RulesAreasCardData {
  return {
    title: s.instructionTitle,
    draftNote: s.draftNote,
    intro: s.areasIntro,
    areas: kb.areas.map((a) => ({
      areaId: a.id,
      title: a.title,
      section: a.section,
      sectionLabel: s.sectionLabel(a.section),
      description: a.description,
    })),
  };
}

export function rulesAreaCardData(
  s: RulesStrings,
  kb: KnowledgeBase,
  areaId: AreaId,
): RulesAreaCardData {
  const area = kb.area(areaId);
  const rules = kb.rulesOf(areaId);
  return {
    instructionTitle: s.instructionTitle,
    areaTitle: area.title,
    sectionLabel: s.sectionLabel(area.section),
    description: area.description,
    countLine: s.rulesInArea(rules.length),
    rules: rules.map((r) => ({ ruleId: r.id, title: r.title })),
    allAreas: s.allAreas,
  };
}

function forwardSection(
  s: RulesStrings,
  question: RulesQuestion | undefined,
  offer: boolean,
): ForwardSection {
  const state: ForwardState = !question
    ? 'none'
    : question.forwardedAt
      ? 'done'
      : offer
        ? 'offer'
        : 'none';
  return {
    state,
    questionId: question?.id ?? '',
    intro: s.forwardIntro,
    button: s.forwardButton,
    doneText: s.forwarded,
  };
}

/**
 * A rule on a card: as the answer to a question (with feedback and, after a "Nej",
 * the offer to ask the coordinator) or while browsing (with a way back to its area).
 */
export function rulesAnswerCardData(
  s: RulesStrings,
  kb: KnowledgeBase,
  rule: Rule,
  related: Rule[],
  context: { question: RulesQuestion; feedback: RulesFeedback | undefined } | { browsing: boolean },
): RulesAnswerCardData {
  const question = 'question' in context ? context.question : undefined;
  const feedback = 'question' in context ? context.feedback : undefined;
  const feedbackState: FeedbackState = !question
    ? 'none'
    : !feedback
      ? 'ask'
      : feedback.helpful || feedback.comment
        ? 'thanks'
        : 'comment';
  const area = kb.area(rule.area);
  return {
    question: question ? s.yourQuestion(userText(question.text)) : '',
    areaTitle: area.title,
    ruleTitle: `${rule.id} ${rule.title}`,
    text: rule.text,
    reference: rule.reference,
    languageNote: s.languageNote,
    relatedHeading: s.relatedHeading,
    related: related.map(link),
    incidentButton: rule.area === 'incidenthantering' ? s.reportIncident : '',
    back:
      'browsing' in context && context.browsing
        ? { title: s.backToArea(area.title), areaId: area.id }
        : { title: '', areaId: '' },
    feedback: {
      state: feedbackState,
      questionId: question?.id ?? '',
      prompt: s.feedbackPrompt,
      yes: s.yes,
      no: s.no,
      commentLabel: s.commentLabel,
      commentPlaceholder: s.commentPlaceholder,
      send: s.sendComment,
      thanks: feedback?.helpful ? s.thanksHelpful : s.thanksNotHelpful,
    },
    forward: forwardSection(s, question, feedback !== undefined && !feedback.helpful),
  };
}

export function rulesNoMatchCardData(
  s: RulesStrings,
  kb: KnowledgeBase,
  question: RulesQuestion,
  suggestions: Rule[],
): RulesNoMatchCardData {
  return {
    question: s.yourQuestion(userText(question.text)),
    title: s.noMatchTitle,
    suggestionsIntro: suggestions.length > 0 ? s.suggestionsIntro : s.noSuggestions,
    suggestions: suggestions.map((r) => ({ ...link(r), areaTitle: kb.area(r.area).title })),
    forward: forwardSection(s, question, true),
  };
}

export function rulesCoordinatorCardData(
  s: RulesStrings,
  question: RulesQuestion,
  context: {
    askerTitle: string | undefined;
    matchedRule: Rule | undefined;
    feedback: RulesFeedback | undefined;
    notice: Notice | undefined;
    formatTime: (at: Date) => string;
  },
): RulesCoordinatorCardData {
  const asker = context.askerTitle
    ? `${userText(question.askerName)} (${userText(context.askerTitle)})`
    : userText(question.askerName);
  const { matchedRule, feedback } = context;
  return {
    questionId: question.id,
    title: s.coordinatorTitle,
    asker: s.coordinatorAsker(asker),
    question: userText(question.text),
    askedAt: s.coordinatorAskedAt(context.formatTime(question.createdAt)),
    botNote: matchedRule
      ? s.coordinatorNotHelpful(
          `${matchedRule.id} ${matchedRule.title}`,
          feedback?.comment ? userText(feedback.comment) : null,
        )
      : s.coordinatorNoMatch,
    notice: context.notice?.text ?? '',
    noticeStyle: context.notice?.style ?? 'emphasis',
    state: question.answer ? 'answered' : 'open',
    replyLabel: s.replyLabel(userText(question.askerName)),
    replyPlaceholder: s.replyPlaceholder,
    replyRequired: s.replyRequired,
    sendReply: s.sendReply,
    answeredBy: question.answer
      ? s.answeredBy(userText(question.answer.byName), context.formatTime(question.answer.at))
      : '',
    answer: question.answer ? userText(question.answer.text) : '',
  };
}

export function rulesReplyCardData(s: RulesStrings, question: RulesQuestion): RulesReplyCardData {
  return {
    title: s.replyTitle,
    question: s.yourQuestion(userText(question.text)),
    answer: userText(question.answer?.text ?? ''),
    from: s.replyFrom(userText(question.answer?.byName ?? '')),
    footer: s.replyFooter,
  };
}

export const rulesAreasCard = (data: RulesAreasCardData): Attachment =>
  renderCard('rules/rules-areas', data);
export const rulesAreaCard = (data: RulesAreaCardData): Attachment =>
  renderCard('rules/rules-area', data);
export const rulesAnswerCard = (data: RulesAnswerCardData): Attachment =>
  renderCard('rules/rules-answer', data);
export const rulesNoMatchCard = (data: RulesNoMatchCardData): Attachment =>
  renderCard('rules/rules-no-match', data);
export const rulesCoordinatorCard = (data: RulesCoordinatorCardData): Attachment =>
  renderCard('rules/rules-coordinator', data);
export const rulesReplyCard = (data: RulesReplyCardData): Attachment =>
  renderCard('rules/rules-reply', data);
