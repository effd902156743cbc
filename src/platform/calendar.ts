import { Temporal } from 'temporal-polyfill';

/**
 * The organisation's calendar and wall clock, on Temporal. Pure: domain folders
 * may import it. Dates are `Temporal.PlainDate`, times of day `Temporal.PlainTime`;
 * the stored and shown forms are ISO strings ("2026-03-29", "08:00").
 */

/**
 * What a wall-clock time means on the two nights a year the clock changes.
 * - `gap`: a time that does not exist (02:30 on 29 March in Stockholm). `'later'`
 *   moves it forward by the length of the gap (03:30 CEST); `'earlier'` back (01:30 CET).
 * - `fold`: a time that happens twice (02:30 on 25 October). `'earlier'` is its
 *   first occurrence (still summer time), `'later'` its second.
 */
export interface DstChoice {
  readonly gap: 'earlier' | 'later';
  readonly fold: 'earlier' | 'later';
}

/**
 * The organisation's choice, used everywhere: a skipped time is read one hour
 * later (nothing scheduled in the gap is lost), a repeated time at its first
 * occurrence (a reminder fires once, a legal clock never starts late). This is
 * Temporal's 'compatible' disambiguation and RFC 5545's rule.
 */
export const WALL_CLOCK: DstChoice = { gap: 'later', fold: 'earlier' };

/** The instant at which the wall clock in `timeZone` shows `date` and `time`. */
export function zonedInstant(
  date: Temporal.PlainDate,
  time: Temporal.PlainTime,
  timeZone: string,
  choice: DstChoice = WALL_CLOCK,
): Date {
  return toDate(zonedDateTime(date.toPlainDateTime(time), timeZone, choice));
}

function zonedDateTime(
  wallClock: Temporal.PlainDateTime,
  timeZone: string,
  choice: DstChoice,
): Temporal.ZonedDateTime {
  const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wallClock.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return earlier;
  // In a fold both candidates show the asked-for time; in a gap neither does.
  const fold = Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wallClock) === 0;
  const pick = fold ? choice.fold : choice.gap;
  return pick === 'earlier' ? earlier : later;
}

const toDate = (zoned: Temporal.ZonedDateTime): Date => new Date(zoned.epochMilliseconds);

/** The organisation's wall clock at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime();
}

/** The local calendar date at `instant`. */
export function localDate(instant: Date, timeZone: string): Temporal.PlainDate {
  return wallClockAt(instant, timeZone).toPlainDate();
}

/** The local year at `instant`. */
export function localYear(instant: Date, timeZone: string): number {
  return localDate(instant, timeZone).year;
}

/**
 * Calendar months later (or earlier, for a negative count), clamped to the last
 * day of a shorter month: 31 January + 1 = 28 February (29 in a leap year).
 */
export function addCalendarMonths(date: Temporal.PlainDate, months: number): Temporal.PlainDate {
  return date.add({ months }, { overflow: 'constrain' });
}

/**
 * The same wall-clock time calendar months after `instant` (clamped as in
 * addCalendarMonths), read with the organisation's DST choice if it falls on
 * a night the clock changes.
 */
export function addZonedCalendarMonths(
  instant: Date,
  months: number,
  timeZone: string,
  choice: DstChoice = WALL_CLOCK,
): Date {
  const wallClock = wallClockAt(instant, timeZone).add({ months }, { overflow: 'constrain' });
  return toDate(zonedDateTime(wallClock, timeZone, choice));
}

export function addDays(date: Temporal.PlainDate, days: number): Temporal.PlainDate {
  return date.add({ days });
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: Temporal.PlainDate): number {
  return date.dayOfWeek;
}

/** A YYYY-MM-DD date, or undefined if it is malformed or does not exist (30 February). */
export function parseDate(text: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/**
 * True for a time zone the calendar knows, by IANA name (Europe/Stockholm). A fixed
 * offset such as +01:00 is refused: it has no summer time.
 */
export function isTimeZone(name: string): boolean {
  if (/^[+-]/.test(name.trim())) return false;
  try {
    Temporal.Now.zonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

/** An HH:mm (or HH:mm:ss) time of day, or undefined. */
export function parseTime(text: string): Temporal.PlainTime | undefined {
  if (!/^\d{2}:\d{2}(?::\d{2})?$/.test(text)) return undefined;
  try {
    return Temporal.PlainTime.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` (YYYY-MM-DD) and
 * `time` (HH:mm), with the organisation's DST choice (WALL_CLOCK). Undefined for
 * malformed input or a date that does not exist.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date | undefined {
  const d = parseDate(date);
  const t = parseTime(time);
  return d && t ? zonedInstant(d, t, timeZone) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05". */
export function formatTime(time: Temporal.PlainTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

/** "2026-11-29 14:05" on the organisation's wall clock, as Swedish staff write it. */
export function formatLocal(instant: Date, timeZone: string): string {
  const wallClock = wallClockAt(instant, timeZone);
  return `${wallClock.toPlainDate().toString()} ${formatTime(wallClock.toPlainTime())}`;
}

/** Local date (YYYY-MM-DD) and time (HH:mm), for default values of date and time inputs. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const wallClock = wallClockAt(instant, timeZone);
  return { date: wallClock.toPlainDate().toString(), time: formatTime(wallClock.toPlainTime()) };
}
