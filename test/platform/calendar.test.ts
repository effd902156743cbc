import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addCalendarMonths,
  addZonedCalendarMonths,
  formatLocal,
  isTimeZone,
  localParts,
  WALL_CLOCK,
  zonedInstant,
  zonedToUtc,
  type DstChoice,
} from '../../src/platform/calendar.js';
import { parseCron } from '../../src/reminders/domain/cron.js';
import { addMonths, cronInstants } from '../../src/reminders/domain/reminder.schedule.js';

/**
 * The organisation's wall clock around the daylight-saving changes of 2026 in
 * Europe/Stockholm: summer time starts on 29 March (02:00 CET → 03:00 CEST, the
 * hour 02:00–02:59 does not exist) and ends on 25 October (03:00 CEST → 02:00 CET,
 * the hour 02:00–02:59 happens twice: first at UTC+2, then at UTC+1).
 */
const TZ = 'Europe/Stockholm';
const iso = (d: Date | undefined) => d?.toISOString();

describe('wall-clock time to instant', () => {
  it('reads an ordinary time in winter and in summer', () => {
    expect(iso(zonedToUtc('2026-01-15', '08:00', TZ))).toBe('2026-01-15T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '08:00', TZ))).toBe('2026-07-15T06:00:00.000Z');
  });

  it('on 29 March reads 01:59 as CET and 03:00 as CEST', () => {
    expect(iso(zonedToUtc('2026-03-29', '01:59', TZ))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(zonedToUtc('2026-03-29', '03:00', TZ))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a time in the skipped hour of 29 March as one hour later on the wall clock', () => {
    expect(iso(zonedToUtc('2026-03-29', '02:00', TZ))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(iso(zonedToUtc('2026-03-29', '02:30', TZ))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  // Changed on the switch to Temporal, deliberately (WALL_CLOCK.fold = 'earlier'): the
  // hand-written zonedToUtc gave the second occurrence, 01:30Z (02:30 CET). A legal
  // clock should not start an hour late, and cron runs a repeated time on its first pass.
  it('reads a time in the repeated hour of 25 October as its first occurrence (CEST)', () => {
    expect(iso(zonedToUtc('2026-10-25', '02:30', TZ))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc('2026-10-25', '01:59', TZ))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(zonedToUtc('2026-10-25', '03:00', TZ))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(zonedToUtc('2026-02-30', '08:00', TZ)).toBeUndefined();
    expect(zonedToUtc('2026-13-01', '08:00', TZ)).toBeUndefined();
    expect(zonedToUtc('2026-03-01', '24:00', TZ)).toBeUndefined();
    expect(zonedToUtc('1 mars', '08:00', TZ)).toBeUndefined();
  });
});

describe('instant to wall-clock time', () => {
  it('shows both passes of the repeated hour as 02:30, and the hour after the gap as 03:00', () => {
    expect(formatLocal(new Date('2026-10-25T00:30:00Z'), TZ)).toBe('2026-10-25 02:30');
    expect(formatLocal(new Date('2026-10-25T01:30:00Z'), TZ)).toBe('2026-10-25 02:30');
    expect(formatLocal(new Date('2026-03-29T00:59:00Z'), TZ)).toBe('2026-03-29 01:59');
    expect(formatLocal(new Date('2026-03-29T01:00:00Z'), TZ)).toBe('2026-03-29 03:00');
  });

  it('gives the local date, which is not the UTC date just before midnight', () => {
    expect(localParts(new Date('2026-12-31T23:30:00Z'), TZ)).toEqual({
      date: '2027-01-01',
      time: '00:30',
    });
  });
});

describe('cron occurrences over the nights the clocks change', () => {
  const list = (expression: string, from: string, to: string) =>
    cronInstants(parseCron(expression), new Date(from), new Date(to), TZ).map((o) => [
      o.localDate,
      o.at.toISOString(),
    ]);

  // Changed on the switch to croner, deliberately: the hand-written listing gave 03:00
  // and 03:30 twice (once for the skipped 02:00 and 02:30, once for themselves).
  it('moves the half hours skipped in March an hour later, and fires the real 03:00 and 03:30 once', () => {
    expect(list('*/30 1-3 29 3 *', '2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z')).toEqual([
      ['2026-03-29', '2026-03-29T00:00:00.000Z'], // 01:00 CET
      ['2026-03-29', '2026-03-29T00:30:00.000Z'], // 01:30 CET
      ['2026-03-29', '2026-03-29T01:00:00.000Z'], // 02:00 → 03:00 CEST, and 03:00 itself
      ['2026-03-29', '2026-03-29T01:30:00.000Z'], // 02:30 → 03:30 CEST, and 03:30 itself
    ]);
  });

  // Changed with the fold choice above: the hand-written listing gave 02:00 and 02:30 CET.
  it('names each wall-clock time of the repeated hour in October once, at its first occurrence', () => {
    expect(list('*/30 1-3 25 10 *', '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z')).toEqual([
      ['2026-10-25', '2026-10-24T23:00:00.000Z'], // 01:00 CEST
      ['2026-10-25', '2026-10-24T23:30:00.000Z'], // 01:30 CEST
      ['2026-10-25', '2026-10-25T00:00:00.000Z'], // 02:00 CEST, first pass
      ['2026-10-25', '2026-10-25T00:30:00.000Z'], // 02:30 CEST, first pass
      ['2026-10-25', '2026-10-25T02:00:00.000Z'], // 03:00 CET
      ['2026-10-25', '2026-10-25T02:30:00.000Z'], // 03:30 CET
    ]);
  });

  it('lists a daily 08:00 across both changes at 08:00 local', () => {
    expect(list('0 8 * * *', '2026-03-28T00:00:00Z', '2026-03-29T23:00:00Z')).toEqual([
      ['2026-03-28', '2026-03-28T07:00:00.000Z'],
      ['2026-03-29', '2026-03-29T06:00:00.000Z'],
    ]);
    expect(list('0 8 * * *', '2026-10-25T00:00:00Z', '2026-10-26T23:00:00Z')).toEqual([
      ['2026-10-25', '2026-10-25T07:00:00.000Z'],
      ['2026-10-26', '2026-10-26T07:00:00.000Z'],
    ]);
  });
});

describe('calendar months', () => {
  it('adds months clamped to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('the calendar module’s named DST choice', () => {
  const date = (s: string) => Temporal.PlainDate.from(s);
  const time = (s: string) => Temporal.PlainTime.from(s);
  const at = (d: string, t: string, choice?: DstChoice) =>
    zonedInstant(date(d), time(t), TZ, choice).toISOString();

  it('by default reads the gap one hour later and the fold at its first pass', () => {
    expect(WALL_CLOCK).toEqual({ gap: 'later', fold: 'earlier' });
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives the other readings when asked for them by name', () => {
    expect(at('2026-03-29', '02:30', { gap: 'earlier', fold: 'earlier' })).toBe(
      '2026-03-29T00:30:00.000Z', // 01:30 CET
    );
    expect(at('2026-10-25', '02:30', { gap: 'later', fold: 'later' })).toBe(
      '2026-10-25T01:30:00.000Z', // 02:30 CET
    );
    // An ordinary time is the same whatever the choice.
    expect(at('2026-10-25', '04:00', { gap: 'earlier', fold: 'later' })).toBe(
      '2026-10-25T03:00:00.000Z',
    );
  });

  it('adds plain calendar months with Temporal, clamped', () => {
    expect(addCalendarMonths(date('2026-01-31'), 1).toString()).toBe('2026-02-28');
    expect(addCalendarMonths(date('2024-02-29'), 12).toString()).toBe('2025-02-28');
  });

  it('adds months to an instant on the wall clock, landing in the fold at its first pass', () => {
    const added = addZonedCalendarMonths(new Date('2026-09-25T00:30:00Z'), 1, TZ);
    expect(formatLocal(added, TZ)).toBe('2026-10-25 02:30');
    expect(added.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses a fixed offset, which has no summer time', () => {
    expect(isTimeZone('Europe/Stockholm')).toBe(true);
    expect(isTimeZone('Europe/Sthlm')).toBe(false);
    expect(isTimeZone('+01:00')).toBe(false);
  });
});
