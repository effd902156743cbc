import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadConfig, parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { createLogger } from '../src/platform/log.js';
import { benchUser } from './bench/load.js';
import { seedDatabase, writeBenchOrg } from './bench/seed.js';

/**
 * `npm run bench:tab`: the tab's API with a year of data (5 000 incidents, 1 000
 * approvals, 2 000 measures, 1 000 staff), on SQLite and, with `--database
 * postgres://…`, on a new PostgreSQL database on that server (dropped after). The
 * bot runs in this process in local mode; each request is made one after the other,
 * as one person's page does, and the p50/p95 of each are printed. Target: under 200 ms.
 */
const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    requests: { type: 'string', default: '100' },
  },
});
const REQUESTS = Number(values.requests);
const SCALE = { people: 1000, incidents: 5000, approvals: 1000 };
const MEASURES = 2000;
const TARGET_MS = 200;

async function makeDatabase(dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!values.database) return { url: `sqlite:${path.join(dir, 'tab.db')}`, drop: async () => {} };
  const server = new URL(values.database);
  const name = `bench_tab_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Measures of a year: a third done, the rest open, some past their date; owned by staff and Olof. */
async function seedMeasures(url: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url));
  try {
    const origins = ['incident', 'manual', 'control', 'threat-analysis', 'approval', 'exception'];
    const start = Date.parse('2026-01-05T08:00:00Z');
    const rows = Array.from({ length: MEASURES }, (_, i) => {
      const created = new Date(start + i * 4 * 3_600_000);
      const due = new Date(created.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
      const done = i % 3 === 0;
      return {
        id: randomUUID(),
        title: `Åtgärd ${i + 1}`,
        description: 'Byt lösenord och granska behörigheterna.',
        owner_id: i % 10 === 0 ? 'olof' : `staff-${i % SCALE.people}`,
        due_date: due,
        system_id: i % 4 === 0 ? 'ekonomi' : null,
        origin_kind: origins[i % origins.length]!,
        origin_ref: null,
        status: done ? 'done' : i % 3 === 1 ? 'started' : 'open',
        created_by_aad_object_id: '00000000-0000-0000-0000-0000000000a2',
        created_by_name: 'Lars Berg',
        submission_id: randomUUID(),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        done_at: done ? new Date(created.getTime() + 20 * 86_400_000).toISOString() : null,
        done_comment: done ? 'Klart.' : null,
        extension_due_date: null,
        extension_reason: null,
        extension_requested_at: null,
        extensions: 0,
        version: 1,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await db.kysely
        .insertInto('measure')
        .values(rows.slice(i, i + 500))
        .execute();
  } finally {
    await db.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1).replace('.', ',')} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-tab-'));
  const database = await makeDatabase(dir);
  const orgFile = path.join(dir, 'org.yaml');
  writeBenchOrg(orgFile, SCALE.people);
  await seedDatabase(database.url, 'http://127.0.0.1:9/', SCALE);
  await seedMeasures(database.url);
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: database.url,
    ORG_FILE: orgFile,
    LOG_LEVEL: 'silent',
    REMINDER_TICK_CRON: 'off',
  });
  const app = createApp(config, { logger: createLogger('silent') });
  const running = await app.start();
  running.sender.stop();
  try {
    const staff = `staff-${SCALE.people - 1}`;
    const requests: { name: string; path: string; person: string }[] = [
      { name: 'overview, a coordinator (Lars)', path: '/tab/api/overview', person: 'lars' },
      { name: 'overview, a systemägare (Olof)', path: '/tab/api/overview', person: 'olof' },
      { name: 'overview, a member of staff', path: '/tab/api/overview', person: staff },
      { name: 'dashboard, a coordinator (Lars)', path: '/tab/api/dashboard', person: 'lars' },
      {
        name: 'rules search',
        path: `/tab/api/rules?q=${encodeURIComponent('får jag använda usb-minne')}`,
        person: staff,
      },
    ];
    const engine = database.url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    console.log(
      `Tab API on ${engine}: ${SCALE.incidents} incidents, ${SCALE.approvals} approvals, ${MEASURES} measures, ${SCALE.people} staff; ${REQUESTS} requests each, one at a time, after 5 to warm up.`,
    );
    console.log('| request | p50 | p95 | under 200 ms |');
    console.log('| --- | --- | --- | --- |');
    let all = true;
    for (const request of requests) {
      const call = async () => {
        const started = performance.now();
        const response = await fetch(`${running.url}${request.path}`, {
          headers: { 'x-local-person': request.person },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${request.path}: ${response.status}`);
        return performance.now() - started;
      };
      for (let i = 0; i < 5; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await call());
      const p95 = percentile(times, 95);
      all &&= p95 < TARGET_MS;
      console.log(
        `| ${request.name} | ${ms(percentile(times, 50))} | ${ms(p95)} | ${p95 < TARGET_MS ? 'yes' : 'no'} |`,
      );
    }
    console.log(
      all ? 'Every request under 200 ms at p95.' : 'Some requests were over 200 ms at p95.',
    );
    // The staff member's own incidents are there: the figures are of real answers.
    const mine = await fetch(`${running.url}/tab/api/overview`, {
      headers: { 'x-local-person': staff },
    }).then((r) => r.json() as Promise<{ sections: { id: string; total: number }[] }>);
    const reported = mine.sections.find((s) => s.id === 'incidents.mine')?.total ?? 0;
    console.log(`(${benchUser(SCALE.people - 1).name} sees ${reported} reports of their own.)`);
  } finally {
    await app.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
