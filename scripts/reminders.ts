import { parseArgs } from 'node:util';
import { loadConfig, loadConfigFromEnvironment } from '../src/platform/config.js';
import { runAsMain, runTool, UsageError, type ToolIo } from './cli.js';
import type { Clock } from '../src/platform/clock.js';
import { CATEGORIES } from '../src/incidents/index.js';
import { buildFollowUpReport } from '../src/reminders/index.js';
import { reportToCsv, reportToMarkdown } from '../src/reminders/index.js';
import { listOccurrences, runDueReminders } from '../src/reminders/index.js';
import { localParts, zonedToUtc } from '../src/platform/calendar.js';
import { reminderStringsFor } from '../src/reminders/index.js';
import { createLogger } from '../src/platform/log.js';
import { openReminderRuntime } from '../src/reminders.runtime.js';
import { occurrenceTitle, reportLabels } from '../src/reminders/index.js';

/**
 * `npm run --silent reminders -- <command>` (docs/contracts.md). It uses the same .env,
 * database and outbox as the server; only results go to standard output, the
 * log goes to standard error.
 *
 *   list --from <ISO> --to <ISO> [--json]   occurrences due in the window
 *   run --at <ISO>                          enqueue what is due and unsent, send, exit when drained
 *   report --year <YYYY> [--format markdown|csv] [--lang sv|en]   the annual follow-up report
 *
 * A date (2026-09-01) or a date-time without offset is read on the organisation's
 * wall clock; a date as --to means the end of that day.
 */
const USAGE = `Användning:
  npm run --silent reminders -- list --from <ISO-datum> --to <ISO-datum> [--json]
  npm run --silent reminders -- run --at <ISO-tid> [--timeout <sekunder>]
  npm run --silent reminders -- report --year <år> [--format markdown|csv] [--lang sv|en]`;

function parseInstant(
  value: string | undefined,
  name: string,
  timeZone: string,
  endOfDay = false,
): Date {
  if (!value) throw new UsageError(`--${name} saknas`);
  const date = /^\d{4}-\d{2}-\d{2}$/.exec(value);
  if (date) {
    const at = zonedToUtc(value, endOfDay ? '23:59' : '00:00', timeZone);
    if (!at) throw new UsageError(`--${name} ${value} är inget datum`);
    return endOfDay ? new Date(at.getTime() + 59_999) : at;
  }
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/.exec(value);
  if (local) {
    const at = zonedToUtc(local[1]!, local[2]!, timeZone);
    if (!at) throw new UsageError(`--${name} ${value} är ingen tidpunkt`);
    return at;
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--${name} ${value} är ingen ISO-tidpunkt`);
  return at;
}

export type RemindersIo = ToolIo;

/** The tool itself, for the command line and for tests; resolves to the exit code. */
export async function reminders(args: string[], io: RemindersIo): Promise<number> {
  return runTool(() => runCommand(args, io), io);
}

async function runCommand(args: string[], io: RemindersIo): Promise<number> {
  const { stdout } = io;
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      at: { type: 'string' },
      json: { type: 'boolean', default: false },
      year: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      lang: { type: 'string', default: 'sv' },
      timeout: { type: 'string', default: '1800' },
    },
  });
  const command = positionals[0];
  if (command !== 'list' && command !== 'run' && command !== 'report') throw new UsageError(USAGE);

  const config = io.env ? loadConfig(io.env) : loadConfigFromEnvironment();
  const log = createLogger(config.logLevel, io.stderr);
  // `run --at` starts the clock at that time and lets it run on, so retries fall due.
  const startedAt = Date.now();
  let origin = new Date();
  const clock: Clock = { now: () => new Date(origin.getTime() + (Date.now() - startedAt)) };
  const runtime = await openReminderRuntime(config, { clock, log });
  const tz = runtime.org().organisation.timezone;
  try {
    if (command === 'list') {
      const from = parseInstant(values.from, 'from', tz);
      const to = parseInstant(values.to, 'to', tz, true);
      const occurrences = await listOccurrences(runtime.reminders.run, from, to);
      const s = reminderStringsFor('sv');
      const goals = new Map(
        (await runtime.reminders.goals.goals.listWithStatus()).map(({ goal }) => [goal.id, goal]),
      );
      const grouped = new Map<
        string,
        {
          reminderId: string;
          dueAt: string;
          sendAt: string;
          kind: string;
          recipients: string[];
          title: string;
        }
      >();
      for (const o of occurrences) {
        const key = `${o.reminderId}|${o.dueAt.toISOString()}`;
        const entry = grouped.get(key) ?? {
          reminderId: o.reminderId,
          dueAt: o.dueAt.toISOString(),
          sendAt: o.sendAt.toISOString(),
          kind: o.subject.kind,
          recipients: [],
          title: occurrenceTitle(s, runtime.org(), goals, o),
        };
        entry.recipients.push(o.recipient.key);
        grouped.set(key, entry);
      }
      const list = [...grouped.values()];
      if (values.json) {
        stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      } else {
        for (const e of list) {
          const local = localParts(new Date(e.dueAt), tz);
          const who =
            e.recipients.length > 5 ? `${e.recipients.length} personer` : e.recipients.join(', ');
          stdout.write(`${local.date} ${local.time}  ${e.title}  → ${who}\n`);
        }
        if (list.length === 0) stdout.write('Inga påminnelser i perioden.\n');
      }
      return 0;
    }

    if (command === 'run') {
      origin = parseInstant(values.at, 'at', tz);
      const timeoutMs = Number(values.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
        throw new UsageError('--timeout måste vara ett antal sekunder');
      runtime.sender.start();
      const result = await runDueReminders(runtime.reminders.run);
      for (const f of result.failed)
        log.error({ err: f.error, occurrence: f.key }, 'reminder not enqueued');
      // Waits for what is due now (and retries within a minute); later retries are the server's.
      const deadline = Date.now() + timeoutMs;
      let left = await runtime.unfinished(60_000);
      while (left > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        left = await runtime.unfinished(60_000);
      }
      const summary = {
        at: origin.toISOString(),
        enqueued: result.sent,
        late: result.late,
        failed: result.failed.length,
        unsent: left,
      };
      stdout.write(
        values.json
          ? `${JSON.stringify(summary)}\n`
          : `Köade ${result.sent} påminnelser (${result.late} försenade) för ${origin.toISOString()}; ` +
              (left === 0 ? 'utkorgen är tömd.\n' : `${left} meddelanden väntar fortfarande.\n`),
      );
      return left > 0 || result.failed.length > 0 ? 2 : 0;
    }

    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UsageError('--year måste vara ett årtal');
    const locale = values.lang === 'en' ? 'en' : 'sv';
    const report = await buildFollowUpReport(runtime.reminders.report, year, CATEGORIES);
    const strings = reminderStringsFor(locale);
    const labels = reportLabels(locale, runtime.org().organisation.authorities);
    if (values.format === 'csv') stdout.write(reportToCsv(report, strings, labels));
    else if (values.format === 'markdown') stdout.write(reportToMarkdown(report, strings, labels));
    else throw new UsageError('--format måste vara markdown eller csv');
    return 0;
  } finally {
    await runtime.close();
  }
}

runAsMain(import.meta.url, reminders);
