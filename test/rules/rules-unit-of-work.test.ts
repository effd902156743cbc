import { domainDepsOf } from '../support/domain-deps.js';
import { describe, expect, it } from 'vitest';
import {
  askRules,
  forwardQuestion,
  replyToQuestion,
} from '../../src/rules/domain/rules-question.service.js';
import { people, personalConversationId, TENANT } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { failInsertsInto } from '../support/failures.js';
import { useTestApp } from '../support/test-app.js';

const { lars, sara, anna } = people;
const now = new Date('2026-11-30T09:00:00Z');

for (const engine of engines) {
  describe(`a rules question's unit of work (${engine.name})`, () => {
    const app = useTestApp({ engine, clock: { now: () => now }, introduce: [lars, sara, anna] });

    const ask = async () =>
      (
        await askRules(
          (await domainDepsOf(app().running)).rules,
          { ...anna, tenantId: TENANT, locale: 'sv' },
          'Får jag ta med min privata hårddisk till jobbet och koppla in den?',
          now,
        )
      ).question;
    const forward = async (questionId: string) =>
      forwardQuestion(
        (await domainDepsOf(app().running)).rules,
        { questionId, aadObjectId: anna.aadObjectId },
        now,
      );
    const reply = async (questionId: string) =>
      replyToQuestion(
        (await domainDepsOf(app().running)).rules,
        { questionId, aadObjectId: lars.aadObjectId, reply: 'Nej, använd en krypterad från IT.' },
        now,
      );
    const messagesAbout = async (questionId: string) =>
      (
        await app()
          .running.db.kysely.selectFrom('outbox')
          .select('dedupe_key')
          .where('dedupe_key', 'like', `rules-question:${questionId}:%`)
          .execute()
      ).map((r) => r.dedupe_key);
    const auditOf = async (questionId: string) =>
      (await app().running.audit.forObject('rules-question', questionId)).map((e) => e.action);

    it('When a coordinator’s card cannot be queued, then the question is not marked forwarded, not audited and sends nothing', async () => {
      const question = await ask();
      const restore = await failInsertsInto(app().running.db, 'outbox');
      await expect(forward(question.id)).rejects.toThrow(/injected failure/);
      await restore();

      const stored = await (await domainDepsOf(app().running)).rules.questions.find(question.id);
      expect(stored?.forwardedAt).toBeNull();
      expect(await auditOf(question.id)).toEqual([]);
      expect(await messagesAbout(question.id)).toEqual([]);

      expect((await forward(question.id)).kind).toBe('forwarded');
      await app().running.sender.drain();
      expect(app().connector.deliveredTo(personalConversationId(lars))).toHaveLength(1);
      expect(app().connector.deliveredTo(personalConversationId(sara))).toHaveLength(1);
    });

    it('When the reply to the asker cannot be queued, then the question stays unanswered and unaudited, and nothing is sent', async () => {
      const question = await ask();
      expect((await forward(question.id)).kind).toBe('forwarded');
      await app().running.sender.drain();
      app().connector.reset();

      const restore = await failInsertsInto(app().running.db, 'outbox');
      await expect(reply(question.id)).rejects.toThrow(/injected failure/);
      await restore();

      const stored = await (await domainDepsOf(app().running)).rules.questions.find(question.id);
      expect(stored?.answer).toBeNull();
      expect(await auditOf(question.id)).toEqual(['rules.question.forwarded']);
      expect(await messagesAbout(question.id)).not.toContain(
        `rules-question:${question.id}:answer`,
      );

      // The coordinator's second try is the first answer, not "already answered".
      expect((await reply(question.id)).kind).toBe('answered');
      await app().running.sender.drain();
      expect(app().connector.deliveredTo(personalConversationId(anna))).toHaveLength(1);
    });
  });
}
