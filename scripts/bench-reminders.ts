import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { fromRoot, projectRoot } from '../src/platform/paths.js';
import { LimitedConnector } from './bench/limited-connector.js';
import { knownPersonRow } from './bench/seed.js';

/**
 * `npm run bench:reminders -- [--staff 5000] [--rate 45] [--kill-at 2500] [--database <url>]`
 *
 * The yearly awareness message to all staff, through the real outbox of
 * `npm run reminders -- run --at`, in a child process, against a connector that
 * enforces the Teams limits (429 + Retry-After above 50/s overall, 7/s per chat).
 * With --kill-at N the child is killed (SIGKILL) once N people have the message,
 * and started again with the same command. It prints the rate, duplicates and losses.
 */

/** Monday 1 February 2027 09:00 in Stockholm: the default awareness schedule. */
const AT = '2027-02-01T09:00';
/** People of config/org.example.yaml, who also get the message (their chats are created). */
const ORG_PEOPLE = 9;

const { values } = parseArgs({
  options: {
    staff: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '45' },
    'kill-at': { type: 'string', default: '2500' },
    database: { type: 'string' },
  },
});
const staff = Number(values.staff);
const rate = Number(values.rate);
const killAt = Number(values['kill-at']);

function aad(i: number): string {
  return `20000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
}

async function seed(databaseUrl: string, serviceUrl: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(databaseUrl));
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const rows = Array.from({ length: staff - ORG_PEOPLE }, (_, i) =>
    knownPersonRow(
      { aadObjectId: aad(i), name: `Medarbetare ${i}` },
      serviceUrl,
      { personId: null, locale: i % 10 === 0 ? 'en-US' : 'sv-SE' },
      now,
    ),
  );
  for (let i = 0; i < rows.length; i += 500)
    await db.kysely
      .insertInto('person')
      .values(rows.slice(i, i + 500))
      .execute();
  await db.close();
}

function runReminders(databaseUrl: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', fromRoot('scripts', 'reminders.ts'), 'run', '--at', AT, '--json'],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ORG_FILE: '',
        MicrosoftAppId: '',
        OUTBOX_RATE_PER_SECOND: String(rate),
        LOG_LEVEL: 'error',
      },
    },
  );
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

async function main(): Promise<void> {
  const connector = await new LimitedConnector(50, 7).start();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-reminders-'));
  const databaseUrl = values.database ?? `sqlite:${path.join(dir, 'bot.db')}`;
  const awareness = () =>
    connector.accepted.filter((a) => a.text.includes('awareness.acknowledge'));
  try {
    await seed(databaseUrl, connector.url);
    const engine = databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL';
    console.log(
      `Yearly awareness message to ${staff} staff, OUTBOX_RATE_PER_SECOND=${rate}, ${engine}, ` +
        `connector limits 50/s overall and 7/s per chat` +
        (killAt > 0 ? `, SIGKILL after ${killAt} delivered` : ''),
    );
    const startedAt = Date.now();
    let child = runReminders(databaseUrl);
    let killedAt: number | undefined;
    let deliveredAtKill = 0;
    if (killAt > 0 && killAt < staff) {
      const first = exited(child);
      const killed = await new Promise<boolean>((resolve) => {
        const timer = setInterval(() => {
          if (awareness().length >= killAt) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve(true);
          }
        }, 5);
        void first.then(() => {
          clearInterval(timer);
          resolve(false);
        });
      });
      await first;
      if (killed) {
        killedAt = Date.now();
        deliveredAtKill = awareness().length;
        child = runReminders(databaseUrl);
      }
    }
    const code = await exited(child);
    const sent = awareness();
    const perRecipient = new Map<string, number>();
    for (const a of sent) perRecipient.set(a.recipient, (perRecipient.get(a.recipient) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].reduce((n, c) => n + c - 1, 0);
    const lost = staff - perRecipient.size;
    const t0 = sent[0]?.at ?? startedAt;
    const tEnd = sent.at(-1)?.at ?? Date.now();
    let active = tEnd - t0;
    const lines = [
      `delivered to ${perRecipient.size} of ${staff} staff; duplicates ${duplicates}; lost ${lost}`,
      `429 answers from the connector: ${connector.throttled}; second run exit code ${code}`,
    ];
    if (killedAt !== undefined) {
      const resumed = sent.find((a) => a.at > killedAt)?.at ?? killedAt;
      const firstRun = sent.filter((a) => a.at <= killedAt);
      const pause = resumed - killedAt;
      active -= pause;
      lines.push(
        `killed after ${deliveredAtKill} delivered (${((killedAt - t0) / 1000).toFixed(1)} s, ` +
          `${(firstRun.length / ((killedAt - t0) / 1000)).toFixed(1)}/s); ` +
          `restarted, first delivery ${(pause / 1000).toFixed(1)} s after the kill ` +
          `(new process, migrations, staff list)`,
      );
    }
    const sendingRate = sent.length / (active / 1000);
    const wallRate = sent.length / ((tEnd - t0) / 1000);
    lines.push(
      `sending rate ${sendingRate.toFixed(1)}/s = ${((100 * sendingRate) / rate).toFixed(1)} % of the configured ${rate}/s ` +
        `(time spent sending ${(active / 1000).toFixed(1)} s)`,
      `wall clock from first to last delivery ${((tEnd - t0) / 1000).toFixed(1)} s ` +
        `(${wallRate.toFixed(1)}/s, ${((100 * wallRate) / rate).toFixed(1)} % including the restart)`,
    );
    for (const line of lines) console.log(`  ${line}`);
    const ok = duplicates === 0 && lost === 0 && sendingRate >= 0.9 * rate;
    console.log(ok ? 'PASS' : 'FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
