import { randomUUID } from 'node:crypto';
import type { Executor } from '../platform/db/executor.js';
import type { RulesQuestion, RulesQuestionStore } from './domain/rules-question.js';
import type { RulesQuestionRow } from './rules-question.table.js';

export function rulesQuestionRowToQuestion(row: RulesQuestionRow): RulesQuestion {
  return {
    id: row.id,
    askerAadObjectId: row.asker_aad_object_id,
    askerName: row.asker_name,
    tenantId: row.tenant_id,
    locale: row.locale === 'en' ? 'en' : 'sv',
    text: row.text,
    matchedRuleId: row.matched_rule_id,
    createdAt: new Date(row.created_at),
    forwardedAt: row.forwarded_at ? new Date(row.forwarded_at) : null,
    answer:
      row.answer !== null && row.answered_by && row.answered_at
        ? {
            text: row.answer,
            byAadObjectId: row.answered_by,
            byName: row.answered_by_name ?? '',
            at: new Date(row.answered_at),
          }
        : null,
  };
}

export function createRulesQuestionRepository(db: Executor): RulesQuestionStore {
  return {
    async create(question) {
      await db
        .insertInto('rules_question')
        .values({
          id: question.id,
          asker_aad_object_id: question.askerAadObjectId.toLowerCase(),
          asker_name: question.askerName,
          tenant_id: question.tenantId,
          locale: question.locale,
          text: question.text,
          matched_rule_id: question.matchedRuleId,
          created_at: question.createdAt.toISOString(),
          forwarded_at: null,
          answer: null,
          answered_by: null,
          answered_by_name: null,
          answered_at: null,
        })
        .execute();
    },

    async find(id) {
      const row = await db
        .selectFrom('rules_question')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? rulesQuestionRowToQuestion(row) : undefined;
    },

    // Conditional updates: of two simultaneous clicks (or instances) exactly one wins.
    async markForwarded(id, at) {
      const result = await db
        .updateTable('rules_question')
        .set({ forwarded_at: at.toISOString() })
        .where('id', '=', id)
        .where('forwarded_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async countForwardedSince(asker, since) {
      const row = await db
        .selectFrom('rules_question')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('asker_aad_object_id', '=', asker)
        .where('forwarded_at', '>=', since.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async recordAnswer(id, answer) {
      const result = await db
        .updateTable('rules_question')
        .set({
          answer: answer.text,
          answered_by: answer.byAadObjectId.toLowerCase(),
          answered_by_name: answer.byName,
          answered_at: answer.at.toISOString(),
        })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async saveFeedback(questionId, aadObjectId, feedback, at) {
      const now = at.toISOString();
      const helpful = feedback.helpful ? 1 : 0;
      const comment = feedback.comment ?? null;
      await db
        .insertInto('rules_feedback')
        .values({
          id: randomUUID(),
          question_id: questionId,
          aad_object_id: aadObjectId.toLowerCase(),
          helpful,
          comment,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['question_id', 'aad_object_id']).doUpdateSet({
            helpful,
            updated_at: now,
            ...(feedback.comment !== undefined && { comment }),
          }),
        )
        .execute();
    },

    async feedback(questionId, aadObjectId) {
      const row = await db
        .selectFrom('rules_feedback')
        .select(['helpful', 'comment'])
        .where('question_id', '=', questionId)
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .executeTakeFirst();
      return row ? { helpful: row.helpful === 1, comment: row.comment } : undefined;
    },
  };
}
