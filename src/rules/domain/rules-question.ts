import type { Locale } from '../../platform/locale.js';

/** A question someone asked the bot, kept so the coordinator can improve the rules. */
export interface RulesQuestion {
  id: string;
  askerAadObjectId: string;
  askerName: string;
  tenantId: string;
  locale: Locale;
  text: string;
  /** The rule the bot answered with; null when no rule answered with confidence. */
  matchedRuleId: string | null;
  createdAt: Date;
  /** When it was sent to the IT-säkerhetssamordnare; null until then. */
  forwardedAt: Date | null;
  answer: RulesAnswerByCoordinator | null;
}

export interface RulesAnswerByCoordinator {
  text: string;
  byAadObjectId: string;
  byName: string;
  at: Date;
}

export interface RulesFeedback {
  helpful: boolean;
  comment: string | null;
}

/** Where questions and feedback are kept (implemented in the store). */
export interface RulesQuestionStore {
  create(question: Omit<RulesQuestion, 'forwardedAt' | 'answer'>): Promise<void>;
  find(id: string): Promise<RulesQuestion | undefined>;
  /** True for the one call that marked it forwarded; false when it already was. */
  markForwarded(id: string, at: Date): Promise<boolean>;
  /** How many of the asker's questions were forwarded since `since`. */
  countForwardedSince(asker: string, since: Date): Promise<number>;
  /** True for the one call that recorded the answer; false when it was already answered. */
  recordAnswer(id: string, answer: RulesAnswerByCoordinator): Promise<boolean>;
  /** One feedback per question and person; a later click updates it. A missing comment keeps the stored one. */
  saveFeedback(
    questionId: string,
    aadObjectId: string,
    feedback: { helpful: boolean; comment?: string },
    at: Date,
  ): Promise<void>;
  feedback(questionId: string, aadObjectId: string): Promise<RulesFeedback | undefined>;
}
