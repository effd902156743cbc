import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { people, TENANT } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { phishingForm } from '../support/incident-samples.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

const { lars, anna, erik } = people;

/** 2026-11-30 10:00 in Stockholm. */
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };

/** The value of one sample in Prometheus' text format, or 0 when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.split(' ').at(-1));
  }
  return 0;
}

for (const engine of engines) {
  describe(`refused clicks on the record, and /metrics (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, anna, erik] });

    async function metrics(): Promise<string> {
      const response = await fetch(`${app().running.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      return response.text();
    }

    it('records a click someone may not make as action.refused, with no free text, and counts it', async () => {
      const [form] = await app().as(anna).say('incident');
      await app().as(anna).click(form!, 'Skicka rapporten', phishingForm);
      const [incident] = await app().query.incidentsOf(anna);
      const before = sample(await metrics(), 'itsak_actions_refused_total', {
        verb: 'incident.take',
        reason: 'forbidden',
      });

      // Erik is not the coordinator: taking Anna's incident is refused, and so is a forged id.
      const answer = await app().invoke(erik, 'incident.take', {
        incidentId: incident!.id,
        version: 1,
      });
      expect(JSON.stringify(answer.value)).not.toContain(incident!.number);
      const events = await app().running.audit.forObject('incident', incident!.id);
      const refused = events.filter((e) => e.action === 'action.refused');
      expect(refused).toHaveLength(1);
      expect(refused[0]!.actor).toBe(erik.aadObjectId.toLowerCase());
      expect(refused[0]!.details).toEqual({ verb: 'incident.take', reason: 'forbidden' });

      const after = await metrics();
      expect(
        sample(after, 'itsak_actions_refused_total', {
          verb: 'incident.take',
          reason: 'forbidden',
        }),
      ).toBe(before + 1);
      // The incident itself did not change.
      expect((await app().query.incidentsOf(anna))[0]!.status).toBe(incident!.status);
    });

    it('keeps what a forged click carried out of the record: an id of another shape, a made-up verb', async () => {
      const junk = 'x"; DROP TABLE incident; -- ' + 'å'.repeat(300);
      await app().invoke(erik, 'incident.take', { incidentId: junk, version: 1 });
      await app().invoke(erik, 'incident.nonsense', { incidentId: randomUUID(), note: junk });
      const mine = await app().query.auditByActor(erik);
      // The two refusals just made; an earlier test may have left others.
      const refused = mine.filter((e) => e.action === 'action.refused').slice(-2);
      expect(refused.map((e) => e.details)).toEqual([
        { verb: 'incident.take', reason: 'invalid-data' },
        { verb: 'unknown', reason: 'unknown-verb' },
      ]);
      expect(JSON.stringify(mine)).not.toContain('DROP');
      expect(refused[0]).toMatchObject({ objectType: 'card-action', objectId: 'incident.take' });
    });

    it('does not count a click that was allowed as refused', async () => {
      const [form] = await app().as(anna).say('incident');
      await app().as(anna).click(form!, 'Skicka rapporten', phishingForm);
      const mine = await app().query.auditByActor(anna);
      expect(mine.map((e) => e.action)).not.toContain('action.refused');
    });

    it('serves turns, the outbox by status and its oldest waiting message in /metrics', async () => {
      await app().as(anna).say('hjälp');
      const text = await metrics();
      expect(sample(text, 'itsak_turns_total', { type: 'message' })).toBeGreaterThan(0);
      expect(text).toContain('itsak_turn_duration_seconds_bucket');
      expect(text).toMatch(/itsak_outbox_messages\{status="sent"\} [1-9]/);
      expect(sample(text, 'itsak_outbox_attempts_total', { outcome: 'sent' })).toBeGreaterThan(0);
      expect(text).toContain('itsak_outbox_oldest_waiting_seconds 0');
      expect(text).toContain('process_resident_memory_bytes');
    });
  });
}

for (const engine of engines) {
  describe(`a flood of forged clicks (${engine.name})`, () => {
    let now = new Date('2026-11-30T09:00:00Z');
    const app = useTestApp({ engine, clock: { now: () => now }, introduce: [erik] });

    it("keeps at most 20 of one person's refusals a minute in the audit log, and counts them all", async () => {
      const refusedOnRecord = async () =>
        (await app().query.auditByActor(erik)).filter((e) => e.action === 'action.refused').length;
      for (let i = 0; i < 30; i++)
        await app().invoke(erik, 'incident.take', { incidentId: randomUUID(), version: 1 });
      expect(await refusedOnRecord()).toBe(20);
      const response = await fetch(`${app().running.url}/metrics`);
      expect(
        sample(await response.text(), 'itsak_actions_refused_total', { verb: 'incident.take' }),
      ).toBe(30);
      // A minute later the next one is on the record again.
      now = new Date(now.getTime() + 61_000);
      await app().invoke(erik, 'incident.take', { incidentId: randomUUID(), version: 1 });
      expect(await refusedOnRecord()).toBe(21);
    });
  });
}

describe('/metrics in production mode', () => {
  const production = {
    MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
    MicrosoftAppPassword: 'x',
    MicrosoftAppTenantId: TENANT,
    ORG_FILE: 'config/org.example.yaml',
  };

  it('answers 404 without a configured token, and with a wrong one; serves it with the token', async () => {
    const token = 'metrics-token-0123456789';
    const withToken = await startTestApp({
      env: { ...production, METRICS_TOKEN: token },
    });
    const without = await startTestApp({ env: production });
    try {
      expect((await fetch(`${without.running.url}/metrics`)).status).toBe(404);
      const auth = (value: string) => ({ headers: { authorization: `Bearer ${value}` } });
      expect((await fetch(`${without.running.url}/metrics`, auth(token))).status).toBe(404);
      expect((await fetch(`${withToken.running.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${withToken.running.url}/metrics`, auth(`${token}x`))).status).toBe(404);
      const served = await fetch(`${withToken.running.url}/metrics`, auth(token));
      expect(served.status).toBe(200);
      expect(await served.text()).toContain('itsak_turns_total');
    } finally {
      await withToken.stop();
      await without.stop();
    }
  });
});
