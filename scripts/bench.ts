import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { fromRoot, projectRoot } from '../src/platform/paths.js';
import {
  benchUser,
  cardActionActivity,
  closedLoop,
  messageActivity,
  openLoop,
  percentile,
  perSecond,
  SinkConnector,
  startProcess,
  type BotProcess,
  type Run,
} from './bench/load.js';
import { OWNERS, ownerSystem, ownerUser, seedDatabase, writeBenchOrg } from './bench/seed.js';

/**
 * `npm run bench -- [--database postgres://…] [--quick] [--messages 100000] [--profile]`
 *
 * The production build (`node dist/src/main.js`, one process, local mode, no auth)
 * side by side with a bare botbuilder echo bot (scripts/bench/echo-bot.ts, built the
 * same way), both answering on one connector that accepts everything, in one run:
 *
 * 1. activity throughput, closed loop at 4 and 50 conversations, the two bots taking
 *    turns; and an open loop at 50 messages per second;
 * 2. card actions (adaptiveCard/action) by 20 people at once: incident reports, notes
 *    on incidents, approval requests and decisions, after a first round of reports
 *    that is shown apart (the cold start);
 * 3. memory: the idle process, and the process with 10 000 people in the organisation
 *    file, 50 000 incidents and 10 000 approvals answering 100 000 messages.
 *
 * The database is a new SQLite file, or a new database on the PostgreSQL server of
 * --database (dropped afterwards). It prints each figure, then the targets.
 */

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    quick: { type: 'boolean', default: false },
    messages: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    people: { type: 'string' },
    /** Node flags for the bot's process, to try V8 settings (`--node-flags=--max-semi-space-size=4`). */
    'node-flags': { type: 'string' },
  },
});
const quick = values.quick;
const seconds = quick ? 3 : 8;
const memoryMessages = Number(values.messages ?? (quick ? 10_000 : 100_000));
const scale = quick
  ? { people: 2_000, incidents: 10_000, approvals: 2_000 }
  : { people: 10_000, incidents: 50_000, approvals: 10_000 };
if (values.people) scale.people = Number(values.people);
const perOwner = quick ? 5 : 15;
/** `--only throughput,actions,memory`: some of the parts (the idle figure is always taken). */
const parts = new Set((values.only ?? 'throughput,actions,memory').split(','));

const QUESTIONS = [
  'får jag använda ett eget usb-minne?',
  'hur långt ska mitt lösenord vara?',
  'får jag låna ut min dator till min son?',
  'vad gör jag om jag klickat på en länk i ett konstigt mejl?',
  'får jag skicka personnummer med vanlig e-post?',
  'måste jag låsa datorn när jag går på lunch?',
];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, 1)} ms`;
const log = (line: string) => console.log(line);

interface Target {
  what: string;
  figure: string;
  target: string;
  ok: boolean;
}
const targets: Target[] = [];

/** The JavaScript heap in use, as the bot's /metrics says. */
async function heapMb(bot: BotProcess): Promise<number> {
  const text = await (await fetch(bot.url.replace(/\/api\/messages$/, '/metrics'))).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? NaN) / 1048576;
}

async function makeDatabase(dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!values.database)
    return { url: `sqlite:${path.join(dir, 'bench.db')}`, drop: async () => {} };
  const server = new URL(values.database);
  const name = `bench_${process.pid}_${Date.now()}`;
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

function describe(run: Run): string {
  return (
    `${fmt(perSecond(run))} msg/s, p50 ${ms(percentile(run.latencies, 50))}, ` +
    `p99 ${ms(percentile(run.latencies, 99))}` +
    (run.errors > 0 ? `, ${run.errors} errors` : '')
  );
}

const join = (runs: Run[]): Run => ({
  count: runs.reduce((n, r) => n + r.count, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  seconds: runs.reduce((n, r) => n + r.seconds, 0),
  latencies: runs.flatMap((r) => r.latencies),
});

const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

async function throughput(bot: BotProcess, echo: BotProcess, serviceUrl: string): Promise<void> {
  const question = (w: number, n: number) =>
    messageActivity(benchUser(w), QUESTIONS[(w + n) % QUESTIONS.length]!, serviceUrl);
  for (const p of [bot, echo]) await closedLoop(p.url, 8, question, { total: 600 });
  for (const concurrency of [4, 50]) {
    const runs = { bot: [] as Run[], echo: [] as Run[] };
    // Taking turns, so a busy moment on the machine falls on both.
    for (let round = 0; round < 2; round++) {
      runs.echo.push(
        await closedLoop(echo.url, concurrency, question, { durationMs: seconds * 500 }),
      );
      runs.bot.push(
        await closedLoop(bot.url, concurrency, question, { durationMs: seconds * 500 }),
      );
    }
    const b = join(runs.bot);
    const e = join(runs.echo);
    const ratio = perSecond(b) / perSecond(e);
    log(`closed loop, ${concurrency} conversations:`);
    log(`  this bot ${describe(b)}`);
    log(`  echo bot ${describe(e)}`);
    log(`  ratio ${fmt(100 * ratio, 1)} %`);
    if (concurrency === 50)
      targets.push({
        what: 'throughput at 50 conversations, share of the echo bot',
        figure: `${fmt(100 * ratio, 1)} % (${fmt(perSecond(b))} against ${fmt(perSecond(e))} msg/s)`,
        target: 'at least 70 %',
        ok: ratio >= 0.7 && b.errors === 0,
      });
  }
  const open = (p: BotProcess) =>
    openLoop(p.url, 50, (n) => question(n % 50, Math.floor(n / 50)), seconds * 2000);
  const e = await open(echo);
  const b = await open(bot);
  log('open loop, 50 messages per second:');
  log(`  this bot ${describe(b)}`);
  log(`  echo bot ${describe(e)}`);
  const p99 = percentile(b.latencies, 99);
  targets.push({
    what: 'p99 at a steady 50 messages per second',
    figure: `${ms(p99)} (echo bot ${ms(percentile(e.latencies, 99))})`,
    target: 'under 50 ms',
    ok: p99 < 50 && b.errors === 0,
  });
}

/**
 * Card actions by 20 people at once, with the data Teams sends for these buttons: each
 * reports an incident on a system of their own, its owner adds notes to it, requests
 * are sent, and each owner decides the requests on their system one after another.
 */
async function cardActions(bot: BotProcess, serviceUrl: string, databaseUrl: string) {
  const invoke = (user: ReturnType<typeof benchUser>, verb: string, data: object) =>
    cardActionActivity(user, verb, data as Record<string, unknown>, serviceUrl);
  const refused = (run: { body: string }) => !run.body.includes('"statusCode":200');
  let refusals = 0;
  const count = (answer: { body: string }) => {
    if (refused(answer)) refusals++;
    return answer;
  };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const report = (w: number) =>
    invoke(benchUser(w), 'incident.submit', {
      submissionId: randomUUID(),
      title: 'Klickade på länk i mejl',
      category: 'natfiske',
      system: ownerSystem(w),
      discoveredDate: yesterday,
      discoveredTime: '09:30',
      description: 'Mejlet såg ut att komma från ekonomikontoret. Jag skrev in mitt lösenord.',
      personalData: 'nej',
      severity: 'medel',
    });
  // The first clicks after a start are slower (templates, statements and V8's code are
  // cold): one round of reports is measured apart, then the rounds the target is about.
  const cold = await closedLoop(bot.url, OWNERS, report, { total: OWNERS }, undefined, count);
  const reports = await closedLoop(bot.url, OWNERS, report, { total: OWNERS }, undefined, count);
  // The owner's card came through the outbox; which incident it is, the database says.
  const db = openDatabase(parseDatabaseUrl(databaseUrl));
  const incidents = await db.kysely
    .selectFrom('incident')
    .select(['id', 'system_id'])
    .where('system_id', 'like', 'bench-system-%')
    .execute();
  await db.close();
  const incidentOf = new Map(incidents.map((r) => [r.system_id, r.id]));
  const versions = new Map<number, number>();
  const notes = await closedLoop(
    bot.url,
    OWNERS,
    (w) =>
      invoke(ownerUser(w), 'incident.note', {
        incidentId: incidentOf.get(ownerSystem(w)),
        version: versions.get(w) ?? 1,
        note: 'Kontrollerat inloggningsloggen: inga okända inloggningar.',
      }),
    { total: OWNERS * perOwner },
    undefined,
    (answer, w) => {
      count(answer);
      const version = /"version":(\d+)/.exec(answer.body)?.[1];
      if (version) versions.set(w, Number(version));
    },
  );
  const pending = new Map<number, string[]>();
  const requests = await closedLoop(
    bot.url,
    OWNERS,
    (w) =>
      invoke(benchUser(w), 'approval.submit', {
        submissionId: randomUUID(),
        type: 'driftgodkannande',
        subject: `system:${ownerSystem(w)}`,
        title: 'Ny integration mot e-tjänsten',
        justification: 'Underlaget är granskat och riskbedömt.',
      }),
    { total: OWNERS * perOwner },
    undefined,
    (answer, w) => {
      count(answer);
      const id = /"approvalId":"([0-9a-f-]{36})"/.exec(answer.body)?.[1];
      if (id) pending.set(w, [...(pending.get(w) ?? []), id]);
    },
  );
  const decisions = await closedLoop(
    bot.url,
    OWNERS,
    (w, n) =>
      invoke(ownerUser(w), 'approval.decide', {
        approvalId: pending.get(w)?.[n],
        step: 0,
        decision: n % 4 === 3 ? 'rejected' : 'approved',
        comment: 'Godkänt enligt underlaget.',
      }),
    { total: OWNERS * perOwner },
    undefined,
    count,
  );
  const all = join([reports, notes, requests, decisions]);
  log(`card actions, ${OWNERS} people at once:`);
  log(
    `  the first incident reports after the start (cold, not in the target): ${cold.count}, p50 ${ms(percentile(cold.latencies, 50))}, p99 ${ms(percentile(cold.latencies, 99))}`,
  );
  for (const [what, run] of [
    ['incident reports', reports],
    ['notes on incidents', notes],
    ['approval requests', requests],
    ['approval decisions', decisions],
  ] as const)
    log(
      `  ${what}: ${run.count}, p50 ${ms(percentile(run.latencies, 50))}, p99 ${ms(percentile(run.latencies, 99))}`,
    );
  log(`  answers that were not the updated card: ${refusals}`);
  const p99 = percentile(all.latencies, 99);
  targets.push({
    what: `card actions, ${OWNERS} people at once (${all.count} clicks)`,
    figure: `p99 ${ms(p99)}, decisions p99 ${ms(percentile(decisions.latencies, 99))}`,
    target: 'p99 under 100 ms, every click answered with its card',
    ok: p99 < 100 && all.errors === 0 && refusals === 0,
  });
}

/**
 * 100 000 messages from the 10 000 people, 50 at a time, resident memory read each
 * second: under 250 MB at the end and not growing over the last half.
 */
async function memory(bot: BotProcess, serviceUrl: string): Promise<void> {
  const samples: { answered: number; mb: number }[] = [];
  const heaps: { answered: number; mb: number }[] = [];
  let answered = 0;
  const metricsUrl = bot.url.replace(/\/api\/messages$/, '/metrics');
  const timer = setInterval(() => {
    samples.push({ answered, mb: bot.rssMb() });
    // The JavaScript heap in use, as /metrics reports it: what the process keeps, not
    // what the garbage collector has not given back yet.
    const at = answered;
    void fetch(metricsUrl)
      .then((r) => r.text())
      .then((text) => {
        const used = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1];
        if (used) heaps.push({ answered: at, mb: Number(used) / 1048576 });
      })
      .catch(() => undefined);
  }, 1000);
  const run = await closedLoop(
    bot.url,
    50,
    (w, n) => {
      const person = (n * 50 + w) % scale.people;
      return messageActivity(benchUser(person), QUESTIONS[(w + n) % QUESTIONS.length]!, serviceUrl);
    },
    { total: memoryMessages },
    (a) => (answered = a),
  );
  clearInterval(timer);
  samples.push({ answered, mb: bot.rssMb() });
  const at = (share: number) =>
    samples.find((s) => s.answered >= share * memoryMessages)?.mb ?? NaN;
  const half = at(0.5);
  const end = samples.at(-1)!.mb;
  const peak = Math.max(...samples.map((s) => s.mb));
  const growth = end - half;
  log(`memory, ${fmt(run.count)} messages from ${fmt(scale.people)} people: ${describe(run)}`);
  log(
    `  resident ${fmt(samples[0]!.mb)} MB at the start, ${fmt(at(0.25))} at a quarter, ` +
      `${fmt(half)} at half, ${fmt(at(0.75))} at three quarters, ${fmt(end)} at the end (peak ${fmt(peak)})`,
  );
  const heapAt = (share: number) =>
    heaps.find((h) => h.answered >= share * memoryMessages)?.mb ?? NaN;
  log(
    `  heap in use ${fmt(heaps[0]?.mb ?? NaN)} MB at the start, ${fmt(heapAt(0.5))} at half, ` +
      `${fmt(heaps.at(-1)?.mb ?? NaN)} at the end (peak ${fmt(Math.max(...heaps.map((h) => h.mb)))})`,
  );
  targets.push({
    what: `resident memory with the year of data after ${fmt(run.count)} messages`,
    figure: `${fmt(end)} MB (peak ${fmt(peak)}), ${growth >= 0 ? '+' : ''}${fmt(growth, 1)} MB over the last half`,
    target: 'under 250 MB, not growing (under +10 MB over the last half)',
    ok: peak < 250 && growth < 10 && run.errors === 0,
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const connector = await new SinkConnector().start();
  const started: BotProcess[] = [];
  const database = await makeDatabase(dir);
  try {
    if (!values['no-build']) {
      log('npm run build …');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    }
    const env = {
      PORT: '0',
      LOG_LEVEL: 'error',
      MicrosoftAppId: '',
      DATABASE_URL: database.url,
      OUTBOX_RATE_PER_SECOND: '1000',
      OUTBOX_PER_CONVERSATION_PER_SECOND: '50',
    };
    const botScript = fromRoot('dist', 'src', 'main.js');
    const echoScript = fromRoot('dist', 'scripts', 'bench', 'echo-bot.js');
    log(
      `${values.database ? 'PostgreSQL' : 'SQLite'}, node ${process.version}, ` +
        `${quick ? 'quick run' : 'full run'}`,
    );

    // Idle: the example organisation, an empty database.
    const idleBot = await startProcess('bot', botScript, { ...env, ORG_FILE: '' });
    const echo = await startProcess('echo bot', echoScript, {});
    started.push(echo);
    await sleep(3000);
    const idle = idleBot.rssMb();
    log(
      `idle: this bot ${fmt(idle)} MB resident (heap in use ${fmt(await heapMb(idleBot))} MB), ` +
        `echo bot ${fmt(echo.rssMb())} MB`,
    );
    targets.push({
      what: 'resident memory when idle',
      figure: `${fmt(idle)} MB (echo bot ${fmt(echo.rssMb())} MB)`,
      target: 'under 150 MB',
      ok: idle < 150,
    });
    await idleBot.stop();

    // A year of data.
    const orgFile = path.join(dir, 'org.yaml');
    writeBenchOrg(orgFile, scale.people);
    const seededAt = Date.now();
    await seedDatabase(database.url, connector.url, scale);
    log(
      `seeded ${fmt(scale.people)} people, ${fmt(scale.incidents)} incidents, ` +
        `${fmt(scale.approvals)} approvals in ${fmt((Date.now() - seededAt) / 1000, 1)} s`,
    );
    const profileDir = path.join(projectRoot, 'bench-profile');
    if (values.profile) mkdirSync(profileDir, { recursive: true });
    const bot = await startProcess('bot', botScript, { ...env, ORG_FILE: orgFile }, [
      ...(values['node-flags']?.split(' ').filter(Boolean) ?? []),
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ]);
    started.push(bot);
    await sleep(2000);
    log(
      `idle with the year of data: ${fmt(bot.rssMb())} MB resident, ` +
        `heap in use ${fmt(await heapMb(bot))} MB`,
    );

    if (parts.has('throughput')) await throughput(bot, echo, connector.url);
    if (parts.has('actions')) await cardActions(bot, connector.url, database.url);
    if (parts.has('memory')) await memory(bot, connector.url);
  } finally {
    for (const p of started) await p.stop().catch(() => undefined);
    await connector.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  log('');
  log('| what | figure | target | |');
  log('| --- | --- | --- | --- |');
  for (const t of targets)
    log(`| ${t.what} | ${t.figure} | ${t.target} | ${t.ok ? 'met' : 'NOT MET'} |`);
  process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
