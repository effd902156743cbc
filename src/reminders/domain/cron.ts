/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week),
 * matched against the wall clock of a time zone. node-cron drives the ticking;
 * this decides which local minutes an expression names, so occurrences can be
 * listed for any window and recomputed after downtime.
 */

export interface CronSchedule {
  readonly expression: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday ... 6 = Saturday. */
  readonly daysOfWeek: ReadonlySet<number>;
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
}

export class CronError extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function parseField(
  field: string,
  name: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  nameBase = 0,
): number[] {
  const value = (token: string): number => {
    const index = names.indexOf(token.toLowerCase());
    const n = index >= 0 ? index + nameBase : Number(token);
    if (!/^\d+$/.test(token) && index < 0)
      throw new CronError(`${name}: "${token}" is not a value`);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new CronError(`${name}: ${token} is outside ${min}-${max}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`${name}: bad step in "${part}"`);
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [min, max];
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [value(a), value(b)];
      if (from > to) throw new CronError(`${name}: range "${range}" runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** Parses an expression; throws CronError naming the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5)
    throw new CronError(
      `needs 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
    );
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields;
  // 7 is also Sunday, as in most crons.
  const daysOfWeek = parseField(dow, 'day-of-week', 0, 7, DAYS).map((d) => d % 7);
  return {
    expression: expression.trim(),
    minutes: parseField(minute, 'minute', 0, 59),
    hours: parseField(hour, 'hour', 0, 23),
    daysOfMonth: new Set(parseField(dom, 'day-of-month', 1, 31)),
    months: new Set(parseField(month, 'month', 1, 12, MONTHS, 1)),
    daysOfWeek: new Set(daysOfWeek),
    dayOfMonthRestricted: dom !== '*',
    dayOfWeekRestricted: dow !== '*',
  };
}

export function isValidCron(expression: string): boolean {
  try {
    parseCron(expression);
    return true;
  } catch {
    return false;
  }
}

/** A calendar date without a time zone, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Does the expression name this local calendar date? (Vixie rule: day-of-month OR day-of-week when both are restricted.) */
export function matchesDate(schedule: CronSchedule, date: string): boolean {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!schedule.months.has(m)) return false;
  const domOk = schedule.daysOfMonth.has(d);
  const dowOk = schedule.daysOfWeek.has(weekday(date));
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return domOk || dowOk;
  return domOk && dowOk;
}

/** Local wall-clock times (HH:mm) the expression names on a matching date, in order. */
export function timesOfDay(schedule: CronSchedule): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  return schedule.hours.flatMap((h) => schedule.minutes.map((m) => `${pad(h)}:${pad(m)}`));
}
