import { Cron, CronPattern } from 'croner';
import { Temporal } from 'temporal-polyfill';

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), read
 * by croner as the wall-clock minutes they name. node-cron drives the ticking;
 * this decides which local minutes an expression names, so occurrences can be
 * listed for any window and recomputed after downtime. Which instant a minute
 * is on the nights the clock changes is the calendar's choice (WALL_CLOCK in
 * src/platform/calendar.ts), not croner's, so a cron time and a typed-in time
 * mean the same thing.
 *
 * The dialect is the part both croner and node-cron read alike: numbers, `*`,
 * lists, ranges, steps on `*` or a range, and three-letter English names of
 * months and weekdays (0 and 7 are Sunday; day-of-month OR day-of-week when both
 * are restricted). Seconds, years, nicknames (@daily) and croner's L, W, # and ?
 * are refused.
 */

export interface CronSchedule {
  readonly expression: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** 1 = January ... 12 = December. */
  readonly months: ReadonlySet<number>;
  /** croner, on a floating wall clock (UTC stands for "no time zone"). */
  readonly job: Cron;
}

export class CronError extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Field {
  name: string;
  min: number;
  max: number;
  names: readonly string[];
  nameBase: number;
}

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59, names: [], nameBase: 0 },
  { name: 'hour', min: 0, max: 23, names: [], nameBase: 0 },
  { name: 'day-of-month', min: 1, max: 31, names: [], nameBase: 0 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

/** Checks one field against the shared dialect; croner checks the rest. */
function checkField(text: string, field: Field): void {
  const value = (token: string): number => {
    const index = field.names.indexOf(token.toLowerCase());
    if (index >= 0) return index + field.nameBase;
    if (!/^\d+$/.test(token)) throw new CronError(`${field.name}: "${token}" is not a value`);
    const n = Number(token);
    if (n < field.min || n > field.max)
      throw new CronError(`${field.name}: ${token} is outside ${field.min}-${field.max}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range = '', step, extra] = part.split('/');
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step)))
      throw new CronError(`${field.name}: bad step in "${part}"`);
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) throw new CronError(`${field.name}: bad range "${range}"`);
    // A step needs a range to run over: croner refuses "5/10", node-cron reads it its own way.
    if (bounds.length === 1 && step !== undefined)
      throw new CronError(`${field.name}: a step needs * or a range, not "${part}"`);
    const [from, to] = bounds.map(value) as [number, number?];
    if (to !== undefined && from > to)
      throw new CronError(`${field.name}: range "${range}" runs backwards`);
  }
}

/** The numbers a parsed croner field has set, with `offset` added (months count from 0 there). */
const setIn = (flags: readonly number[], offset = 0): number[] =>
  flags.flatMap((flag, i) => (flag ? [i + offset] : []));

/** Parses an expression; throws CronError naming the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5)
    throw new CronError(
      `needs 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
    );
  fields.forEach((text, i) => checkField(text, FIELDS[i]!));
  let pattern: CronPattern;
  let job: Cron;
  try {
    pattern = new CronPattern(trimmed, undefined, { mode: '5-part' });
    job = new Cron(trimmed, { mode: '5-part', timezone: 'UTC', paused: true });
  } catch (error) {
    throw new CronError(error instanceof Error ? error.message : String(error));
  }
  return {
    expression: trimmed,
    minutes: setIn(pattern.minute),
    hours: setIn(pattern.hour),
    months: new Set(setIn(pattern.month, 1)),
    job,
  };
}

/** True for an expression of the shared 5-field dialect (node-cron's own check comes on top, in config). */
export function isValidCron(expression: string): boolean {
  try {
    parseCron(expression);
    return true;
  } catch (error) {
    if (error instanceof CronError) return false;
    throw error;
  }
}

const floating = (wallClock: Temporal.PlainDateTime): number =>
  wallClock.toZonedDateTime('UTC').epochMilliseconds;

/**
 * The wall-clock times the expression names from the start of `first` to the end
 * of `last` (local calendar dates), in order, each once: the repeated hour of
 * October is one hour of the wall clock here.
 */
export function wallClockTimes(
  schedule: CronSchedule,
  first: Temporal.PlainDate,
  last: Temporal.PlainDate,
): Temporal.PlainDateTime[] {
  const end = floating(last.add({ days: 1 }).toPlainDateTime());
  const out: Temporal.PlainDateTime[] = [];
  // enumerate() starts after the date given; a second before midnight keeps 00:00.
  for (const run of schedule.job.enumerate(new Date(floating(first.toPlainDateTime()) - 1000))) {
    if (run.getTime() >= end) break;
    out.push(
      Temporal.Instant.fromEpochMilliseconds(run.getTime())
        .toZonedDateTimeISO('UTC')
        .toPlainDateTime(),
    );
  }
  return out;
}
