import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  benchUser,
  closedLoop,
  messageActivity,
  percentile,
  perSecond,
  SinkConnector,
  startProcess,
  type Run,
} from './load.js';

/**
 * `npx tsx scripts/bench/compare-builds.ts <dist A> <dist B> [rounds] [text]`: two builds
 * of the bot (copies of dist/ from before and after a change) side by side on one
 * connector, taking turns at 50 conversations of rules questions, each on its own
 * SQLite file. Prints messages per second of each and B as a share of A.
 */
const [a, b] = [process.argv[2], process.argv[3]];
if (!a || !b) throw new Error('usage: compare-builds.ts <dist A> <dist B> [rounds] [text]');
const rounds = Number(process.argv[4] ?? 4);
const text = process.argv[5] ?? 'får jag använda ett eget usb-minne?';
const dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
const connector = await new SinkConnector().start();
const start = (name: string, dist: string) =>
  startProcess(name, path.resolve(dist, 'src', 'main.js'), {
    PORT: '0',
    LOG_LEVEL: 'error',
    MicrosoftAppId: '',
    ORG_FILE: '',
    DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`,
  });
const bots = [await start('A', a), await start('B', b)];
const body = (w: number) => messageActivity(benchUser(w), text, connector.url);
const runs: Run[][] = [[], []];
for (const bot of bots) await closedLoop(bot.url, 8, body, { total: 800 });
for (let round = 0; round < rounds; round++)
  for (const [i, bot] of bots.entries())
    runs[i]!.push(await closedLoop(bot.url, 50, body, { durationMs: 3000 }));
const rate = (list: Run[]) =>
  list.reduce((n, r) => n + r.count, 0) / list.reduce((n, r) => n + r.seconds, 0);
for (const [i, list] of runs.entries())
  console.log(
    `${i === 0 ? 'A' : 'B'} ${rate(list).toFixed(0)} msg/s, p99 ${percentile(
      list.flatMap((r) => r.latencies),
      99,
    ).toFixed(1)} ms (rounds ${list.map((r) => perSecond(r).toFixed(0)).join(', ')})`,
  );
console.log(`B/A ${((100 * rate(runs[1]!)) / rate(runs[0]!)).toFixed(1)} %`);
for (const bot of bots) await bot.stop();
await connector.stop();
rmSync(dir, { recursive: true, force: true });
