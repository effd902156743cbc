import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewIncident } from '../../src/incidents/domain/incident.service.js';
import { createIncidentRepository } from '../../src/incidents/incident.repository.js';
import { engines, sharedDatabase } from '../support/engines.js';

function newIncident(year: number, submissionId = randomUUID()): NewIncident {
  return {
    title: 'Test',
    category: 'ovrigt',
    systemId: null,
    startedAt: null,
    supplier: null,
    discoveredAt: new Date('2026-11-30T08:00:00Z'),
    description: 'Test',
    personalData: 'nej',
    severity: 'lag',
    reporterAadObjectId: '00000000-0000-0000-0000-0000000000a8',
    reporterName: 'Anna Andersson',
    tenantId: 't',
    submissionId,
    year,
    reports: [],
  };
}

for (const engine of engines) {
  // Several instances share PostgreSQL. SQLite serves one instance: two better-sqlite3
  // connections in one process would block each other's event loop on the write lock.
  const instances = engine.name === 'postgres' ? 2 : 1;

  describe(`incident numbers (${engine.name}, ${instances} instance(s))`, () => {
    const database = sharedDatabase(engine);
    afterEach(() => database.cleanup());

    const instance = () => database.connect();

    async function repositories() {
      const first = createIncidentRepository((await instance()).kysely);
      return [
        first,
        instances === 2 ? createIncidentRepository((await instance()).kysely) : first,
      ] as const;
    }

    it('are unique and gap-free per year when reports arrive at the same time', async () => {
      const [a, b] = await repositories();
      const at = new Date();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).create(newIncident(2026), at)),
      );
      const numbers = results.map((r) => r.incident.number).sort();
      expect(numbers).toEqual(
        Array.from({ length: 30 }, (_, i) => `INC-2026-${String(i + 1).padStart(4, '0')}`),
      );
      expect((await a.create(newIncident(2027), at)).incident.number).toBe('INC-2027-0001');
    });

    it('give one incident and no gap when the same submission arrives twice at once', async () => {
      const [a, b] = await repositories();
      const at = new Date();
      const submissionId = randomUUID();
      const [first, second] = await Promise.all([
        a.create(newIncident(2026, submissionId), at),
        b.create(newIncident(2026, submissionId), at),
      ]);
      expect(first.incident.id).toBe(second.incident.id);
      expect([first.created, second.created].sort()).toEqual([false, true]);
      expect((await a.create(newIncident(2026), at)).incident.number).toBe('INC-2026-0002');
    });

    it('give one incident and no gap when the same submission races inside the callers’ transactions', async () => {
      const a = await instance();
      const b = instances === 2 ? await instance() : a;
      const at = new Date();
      const submissionId = randomUUID();
      // The loser's insert fails on the submission key inside its caller's unit of work; only
      // that step is undone, so it can still read the winner and its caller can still commit.
      const report = (db: typeof a) =>
        db.kysely
          .transaction()
          .execute((trx) =>
            createIncidentRepository(trx).create(newIncident(2026, submissionId), at),
          );
      const [first, second] = await Promise.all([report(a), report(b)]);
      expect(first.incident.id).toBe(second.incident.id);
      expect([first.created, second.created].sort()).toEqual([false, true]);
      const next = await createIncidentRepository(a.kysely).create(newIncident(2026), at);
      expect(next.incident.number).toBe('INC-2026-0002');
    });
  });
}
