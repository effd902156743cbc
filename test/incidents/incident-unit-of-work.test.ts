import { domainDepsOf } from '../support/domain-deps.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actOnIncident, reportIncident } from '../../src/incidents/domain/incident.service.js';
import type { IncidentReportInput } from '../../src/incidents/domain/incident.js';
import { people, personalConversationId, TENANT } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { failInsertsInto } from '../support/failures.js';
import { textOf } from '../support/fake-connector.js';
import { useTestApp } from '../support/test-app.js';

const { lars, sara, anna } = people;
const now = new Date('2026-11-30T09:00:00Z');
const reporter = { ...anna, tenantId: TENANT };
const report: IncidentReportInput = {
  title: 'Förlorad mobiltelefon',
  category: 'forlorad-utrustning',
  systemId: null,
  startedAt: null,
  supplier: null,
  discoveredAt: new Date('2026-11-30T08:00:00Z'),
  description: 'Telefonen glömdes på bussen.',
  personalData: 'nej',
  severity: 'lag',
};

for (const engine of engines) {
  describe(`an incident's unit of work (${engine.name})`, () => {
    const app = useTestApp({ engine, clock: { now: () => now }, introduce: [lars, sara, anna] });

    const db = () => app().running.db;
    const incidentMessages = async (id = '') =>
      (
        await db()
          .kysely.selectFrom('outbox')
          .select('dedupe_key')
          .where('dedupe_key', 'like', `incident:${id}%`)
          .execute()
      ).length;
    const auditOf = async (id: string) =>
      (await app().running.audit.forObject('incident', id)).map((e) => e.action);

    it('When the routing message cannot be queued, then neither the incident, its number, its audit event nor a message is stored', async () => {
      const services = await domainDepsOf(app().running);
      const submissionId = randomUUID();
      const restore = await failInsertsInto(db(), 'outbox');
      await expect(
        reportIncident(services.incidents, reporter, submissionId, report),
      ).rejects.toThrow(/injected failure/);
      await restore();

      expect(await db().kysely.selectFrom('incident').selectAll().execute()).toEqual([]);
      const audited = await db()
        .kysely.selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'incident')
        .execute();
      expect(audited).toEqual([]);
      expect(await incidentMessages()).toBe(0);

      // Sent again, the same report gets the first number of the year: the failed one was given back.
      const outcome = await reportIncident(services.incidents, reporter, submissionId, report);
      if (outcome.kind !== 'reported') throw new Error(`not reported: ${outcome.kind}`);
      const { incident, created } = outcome;
      expect([created, incident.number]).toEqual([true, 'INC-2026-0001']);
      expect(await auditOf(incident.id)).toEqual(['incident.reported']);
      await app().running.sender.drain();
      expect(app().connector.deliveredTo(personalConversationId(lars))).toHaveLength(1);
    });

    it('When the reporter’s message cannot be queued, then taking the incident leaves it untaken, unaudited and unannounced', async () => {
      const services = await domainDepsOf(app().running);
      const outcome = await reportIncident(services.incidents, reporter, randomUUID(), report);
      if (outcome.kind !== 'reported') throw new Error(`not reported: ${outcome.kind}`);
      const { incident } = outcome;
      await app().running.sender.drain();
      app().connector.reset();

      const take = () => actOnIncident(services.incidents, lars, incident.id, 1, { type: 'take' });
      const restore = await failInsertsInto(db(), 'outbox');
      await expect(take()).rejects.toThrow(/injected failure/);
      await restore();

      const stored = await services.incidents.incidents.get(incident.id);
      expect(stored).toMatchObject({ version: 1, status: 'ny', assigneeAadObjectId: null });
      expect(await auditOf(incident.id)).toEqual(['incident.reported']);
      expect(await incidentMessages(`${incident.id}:status`)).toBe(0);

      // Nothing is half done, so the same click works when tried again.
      expect((await take()).kind).toBe('ok');
      await app().running.sender.drain();
      expect(app().connector.deliveredTo(personalConversationId(anna)).map(textOf)).toEqual([
        expect.stringContaining('har fått status: Mottagen'),
      ]);
    });
  });
}
