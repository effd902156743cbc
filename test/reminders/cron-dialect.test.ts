import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { cronInstants } from '../../src/reminders/domain/reminder.schedule.js';
import { parseCron } from '../../src/reminders/domain/cron.js';

const TZ = 'Europe/Stockholm';
const localDates = (expression: string, from: string, to: string) =>
  cronInstants(parseCron(expression), new Date(from), new Date(to), TZ).map((o) => o.localDate);

describe('one cron dialect for every cron setting', () => {
  it.each([
    ['REMINDER_PLANNING_CRON', '0 8 1 9 *'],
    ['REMINDER_THREAT_ANALYSIS_CRON', '*/15 8-9 1,15 jan-mar mon-fri'],
    ['REMINDER_AWARENESS_CRON', '0 9 1 FEB SUN'],
    ['REMINDER_REPORT_CRON', '0 8 1 12 7'],
    ['REMINDER_TICK_CRON', '*/5 * * * *'],
    ['REMINDER_TICK_CRON', 'off'],
  ])('accepts %s=%s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).not.toThrow();
  });

  it.each([
    ['0 0 8 1 9 *', 'seconds'],
    ['0 8 1 9 * 2027', 'a year'],
    ['0 8 L * *', 'the last day of the month'],
    ['0 8 15W * *', 'the nearest weekday'],
    ['0 8 * * MON#2', 'the nth weekday'],
    ['0 8 ? * *', 'a question mark'],
    ['0 8 * * 5L', 'the last Friday'],
    ['@daily', 'a nickname'],
    ['5/15 * * * *', 'a step without a range'],
    ['0 8 * * fri-mon', 'a range that runs backwards'],
    ['0 8 1 september *', 'a full month name'],
    ['0 25 * * *', 'an hour out of range'],
    ['0 8 * *', 'four fields'],
  ])('refuses %s (%s) in every cron setting, the tick included', (value) => {
    for (const variable of ['REMINDER_PLANNING_CRON', 'REMINDER_TICK_CRON']) {
      expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [variable]: value })).toThrow(variable);
    }
  });

  it('reads 0 and 7 as Sunday, and day-of-month OR day-of-week when both are restricted', () => {
    expect(localDates('0 8 * * 7', '2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z')).toEqual([
      '2026-03-01',
      '2026-03-08',
    ]);
    expect(localDates('0 8 13 * fri', '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z')).toEqual([
      '2026-02-06',
      '2026-02-13',
      '2026-02-20',
      '2026-02-27',
    ]);
    expect(localDates('0 8 10 * mon', '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z')).toEqual([
      '2026-02-02',
      '2026-02-09',
      '2026-02-10',
      '2026-02-16',
      '2026-02-23',
    ]);
  });

  it('never names 31 February, and names 29 February only in a leap year', () => {
    expect(localDates('0 8 31 2 *', '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z')).toEqual([]);
    expect(localDates('0 8 29 2 *', '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z')).toEqual([
      '2028-02-29',
    ]);
  });
});
