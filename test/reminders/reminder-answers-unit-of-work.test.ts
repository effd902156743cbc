import { domainDepsOf } from '../support/domain-deps.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFollowUp } from '../../src/reminders/domain/goal.service.js';
import { confirmThreatReview } from '../../src/reminders/domain/reminder-answers.js';
import { people } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { failInsertsInto } from '../support/failures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { lars, maria } = people;
const now = new Date('2026-09-02T07:30:00Z');

for (const engine of engines) {
  describe(`the unit of work of an answer to a reminder (${engine.name})`, () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ engine, clock: { now: () => now } });
    });
    afterAll(async () => {
      await app?.stop();
    });

    const auditOf = async (objectType: string, id: string) =>
      (await app.running.audit.forObject(objectType, id)).map((e) => e.action);

    it('When the audit event cannot be written, then the threat review is not stored either', async () => {
      const { db } = app.running;
      const services = await domainDepsOf(app.running);
      const recipient = { key: 'maria', aadObjectId: maria.aadObjectId, name: maria.name };
      await services.reminders.run.occurrences.record(
        [
          {
            occurrence: {
              reminderId: 'threat-analysis:vard',
              subject: { kind: 'threat-analysis', systemId: 'vard' },
              recipient,
              localDate: '2026-09-01',
              dueAt: new Date('2026-09-01T06:00:00Z'),
              sendAt: new Date('2026-09-01T06:00:00Z'),
              expiresAt: undefined,
            },
            late: false,
          },
        ],
        now,
      );
      const confirm = () =>
        confirmThreatReview(services.reminders.answers, maria, {
          systemId: 'vard',
          checkpoint: '2026-09-01',
          comment: 'Ny leverantör',
        });

      const restore = await failInsertsInto(db, 'audit_log');
      await expect(confirm()).rejects.toThrow(/injected failure/);
      await restore();

      expect(await db.kysely.selectFrom('threat_review').selectAll().execute()).toEqual([]);
      expect(await auditOf('system', 'vard')).toEqual([]);
      // Tried again, it is the first confirmation, not "already confirmed".
      expect((await confirm()).kind).toBe('confirmed');
      expect(await auditOf('system', 'vard')).toEqual(['threat-analysis.confirmed']);
    });

    it('When the audit event cannot be written, then the goal follow-up answer is not stored either', async () => {
      const { db } = app.running;
      const services = await domainDepsOf(app.running);
      const answer = () =>
        answerFollowUp(services.reminders.goals, lars, {
          goalId: 'mal-2026-utbildning',
          checkpoint: '2026-09-15',
          status: 'pagar',
          comment: '80 % har gått utbildningen.',
        });

      const restore = await failInsertsInto(db, 'audit_log');
      await expect(answer()).rejects.toThrow(/injected failure/);
      await restore();

      expect(await db.kysely.selectFrom('goal_follow_up').selectAll().execute()).toEqual([]);
      expect(await auditOf('goal', 'mal-2026-utbildning')).toEqual([]);
      expect((await answer()).kind).toBe('saved');
      expect(await auditOf('goal', 'mal-2026-utbildning')).toEqual(['goal.followed-up']);
    });
  });
}
