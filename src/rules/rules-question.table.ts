import type { Selectable } from 'kysely';

export interface RulesQuestionTable {
  id: string;
  asker_aad_object_id: string;
  asker_name: string;
  tenant_id: string;
  /** 'sv' or 'en': the language the answer from the coordinator is delivered in. */
  locale: string;
  text: string;
  /** Null when no rule answered the question with confidence. */
  matched_rule_id: string | null;
  created_at: string;
  forwarded_at: string | null;
  answer: string | null;
  /** aadObjectId of the säkerhetssamordnare who answered. */
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: string | null;
}

export interface RulesFeedbackTable {
  id: string;
  question_id: string;
  aad_object_id: string;
  /** 1 for "Ja", 0 for "Nej". */
  helpful: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface RulesQaTables {
  rules_question: RulesQuestionTable;
  rules_feedback: RulesFeedbackTable;
}

export type RulesQuestionRow = Selectable<RulesQuestionTable>;
