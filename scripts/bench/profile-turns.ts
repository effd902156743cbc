import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/platform/paths.js';
import {
  benchUser,
  closedLoop,
  messageActivity,
  perSecond,
  SinkConnector,
  startProcess,
} from './load.js';

/**
 * `npx tsx scripts/bench/profile-turns.ts [seconds] [text]`: the built bot under 50
 * conversations of rules questions with `--cpu-prof`, nothing else in the profile but
 * start-up. The profile lands in bench-profile/ (open it in Chrome's DevTools).
 */
const seconds = Number(process.argv[2] ?? 10);
const text = process.argv[3] ?? 'får jag använda ett eget usb-minne?';
const dir = mkdtempSync(path.join(tmpdir(), 'profile-'));
const connector = await new SinkConnector().start();
const bot = await startProcess(
  'bot',
  fromRoot('dist', 'src', 'main.js'),
  {
    PORT: '0',
    LOG_LEVEL: 'error',
    MicrosoftAppId: '',
    ORG_FILE: '',
    DATABASE_URL: `sqlite:${path.join(dir, 'p.db')}`,
  },
  ['--cpu-prof', `--cpu-prof-dir=${fromRoot('bench-profile')}`],
);
const body = (w: number) => messageActivity(benchUser(w), text, connector.url);
await closedLoop(bot.url, 8, body, { total: 500 });
const run = await closedLoop(bot.url, 50, body, { durationMs: seconds * 1000 });
console.log(`${run.count} answered, ${perSecond(run).toFixed(0)} msg/s, errors ${run.errors}`);
await bot.stop();
await connector.stop();
rmSync(dir, { recursive: true, force: true });
