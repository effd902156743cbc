import { describe, expect, it, vi } from 'vitest';
import { parseCron, CronError } from '../../src/reminders/domain/cron.js';
import {
  addMonths,
  cronInstants,
  dueOccurrences,
  occurrencesBetween,
  revisionDueDate,
} from '../../src/reminders/domain/reminder.schedule.js';
import type { ReminderInputs, ReminderSettings } from '../../src/reminders/domain/reminder.js';
import { nextInWindow } from '../../src/reminders/domain/send-window.js';
import { createLogger } from '../../src/platform/log.js';
import { startReminderTicker } from '../../src/platform/scheduler/cron-ticker.js';
import { cardProblems } from '../support/card-validator.js';
import { exampleOrg } from '../support/incident-samples.js';
import { extraReminderCards } from '../support/reminder-samples.js';

const TZ = 'Europe/Stockholm';
const anyDay = { days: new Set([1, 2, 3, 4, 5, 6, 7]), start: '00:00', end: '23:59' };
const officeHours = { days: new Set([1, 2, 3, 4, 5]), start: '08:00', end: '17:00' };

function settings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    timeZone: TZ,
    schedules: {
      planning: parseCron('0 8 1 9 *'),
      threatAnalysis: parseCron('0 8 1 3,9 *'),
      awareness: parseCron('0 9 1 2 *'),
      report: parseCron('0 8 1 12 *'),
    },
    dailyTime: '08:00',
    sendWindow: officeHours,
    revisionDaysBefore: 30,
    goalDaysBefore: 7,
    measureDaysBefore: 7,
    measureEscalateDays: 7,
    catchUpDays: 7,
    ...overrides,
  };
}

const org = exampleOrg.organisation;
const inputs = (s: ReminderSettings, extra: Partial<ReminderInputs> = {}): ReminderInputs => ({
  org: { ...org, documents: [] },
  goals: [],
  measures: [],
  answeredControls: new Set(),
  exceptions: [],
  staff: [],
  settings: s,
  ...extra,
});

describe('cron expressions on the organisation’s wall clock', () => {
  it('fires an 08:00 reminder once at 08:00 local on the days the clocks change', () => {
    const daily = parseCron('0 8 * * *');
    const march = cronInstants(
      daily,
      new Date('2026-03-28T00:00:00Z'),
      new Date('2026-03-30T23:00:00Z'),
      TZ,
    );
    expect(march.map((i) => i.at.toISOString())).toEqual([
      '2026-03-28T07:00:00.000Z', // CET, UTC+1
      '2026-03-29T06:00:00.000Z', // the day summer time starts: CEST, UTC+2
      '2026-03-30T06:00:00.000Z',
    ]);
    const october = cronInstants(
      daily,
      new Date('2026-10-24T00:00:00Z'),
      new Date('2026-10-26T23:00:00Z'),
      TZ,
    );
    expect(october.map((i) => i.at.toISOString())).toEqual([
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z', // the day summer time ends
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('fires once in the hour that happens twice in October, and in the skipped hour of March an hour later', () => {
    const night = parseCron('30 2 * * *');
    const october = cronInstants(
      night,
      new Date('2026-10-24T22:00:00Z'),
      new Date('2026-10-25T04:00:00Z'),
      TZ,
    );
    expect(october).toHaveLength(1);
    const march = cronInstants(
      night,
      new Date('2026-03-28T22:00:00Z'),
      new Date('2026-03-29T04:00:00Z'),
      TZ,
    );
    expect(march.map((i) => i.at.toISOString())).toEqual(['2026-03-29T01:30:00.000Z']); // 03:30 CEST
  });

  it('understands lists, ranges, steps and names, and names the field that is wrong', () => {
    const c = parseCron('*/15 8-9 1,15 jan-mar mon');
    expect(c.minutes).toEqual([0, 15, 30, 45]);
    expect([...c.months]).toEqual([1, 2, 3]);
    expect(() => parseCron('0 25 * * *')).toThrow(CronError);
    expect(() => parseCron('0 8 * *')).toThrow(/5 fields/);
    expect(() => parseCron('0 8 * * xyz')).toThrow(/day-of-week/);
  });
});

describe('quiet hours', () => {
  it('moves a reminder due at night, on a weekend or after 17:00 to the next opening at 08:00', () => {
    const at = (iso: string) => nextInWindow(new Date(iso), officeHours, TZ).toISOString();
    expect(at('2026-03-27T09:00:00Z')).toBe('2026-03-27T09:00:00.000Z'); // Friday 10:00: open
    expect(at('2026-03-27T16:30:00Z')).toBe('2026-03-30T06:00:00.000Z'); // Friday 17:30 → Monday 08:00 CEST
    expect(at('2026-03-29T06:00:00Z')).toBe('2026-03-30T06:00:00.000Z'); // Sunday
    expect(at('2026-03-30T04:00:00Z')).toBe('2026-03-30T06:00:00.000Z'); // Monday 06:00
  });

  it('lets every day through when configured so', () => {
    const sunday = new Date('2026-03-29T06:00:00Z');
    expect(nextInWindow(sunday, anyDay, TZ)).toEqual(sunday);
  });
});

describe('revision due dates', () => {
  it('is the approval date plus the interval, at the end of a shorter month', () => {
    expect(revisionDueDate({ approvedAt: '2013-12-16', reviewEveryMonths: 12 })).toBe('2014-12-16');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('reminds the owner 30 days before and on the due date, and tells the kommunchef the day after', () => {
    const doc = { ...org.documents.find((d) => d.id === 'ssp-vard')!, approvedAt: '2025-09-15' };
    const list = occurrencesBetween(
      inputs(settings(), { org: { ...org, documents: [doc] } }),
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-12-31T00:00:00Z'),
    ).filter((o) => o.subject.kind === 'revision');
    expect(
      list.map((o) => [
        o.localDate,
        o.recipient.key,
        o.subject.kind === 'revision' && o.subject.stage,
      ]),
    ).toEqual([
      ['2026-08-16', 'maria', 'soon'],
      ['2026-09-15', 'maria', 'due'],
      ['2026-09-16', 'karin', 'overdue'],
    ]);
    // 16 August 2026 is a Sunday: it goes out on Monday at 08:00.
    expect(list[0]!.sendAt.toISOString()).toBe('2026-08-17T06:00:00.000Z');
  });

  it('sends only the latest stage of a long-overdue document, whenever it is first seen', () => {
    const due = dueOccurrences(inputs(settings(), { org }), new Date('2026-11-30T09:00:00Z'));
    const policy = due.filter((o) => o.reminderId === 'revision:it-sakerhetspolicy');
    // Karin owns the policy and is the kommunchef: one message, "overdue".
    expect(policy.map((o) => [o.recipient.key, o.localDate])).toEqual([['karin', '2014-12-17']]);
  });
});

describe('missed occurrences', () => {
  it('after downtime gives only the latest missed occurrence per reminder and person, and none older than the catch-up period', () => {
    const s = settings({
      schedules: { ...settings().schedules, threatAnalysis: parseCron('0 8 * * *') },
      sendWindow: anyDay,
    });
    const due = dueOccurrences(
      inputs(s, { org: { ...org, documents: [] } }),
      new Date('2026-03-05T12:00:00Z'),
    );
    const threat = due.filter((o) => o.subject.kind === 'threat-analysis');
    expect(threat.map((o) => [o.reminderId, o.localDate])).toEqual([
      ['threat-analysis:va-styr', '2026-03-05'],
      ['threat-analysis:vard', '2026-03-05'],
    ]);
    const yearly = dueOccurrences(
      inputs(settings(), { org: { ...org, documents: [] } }),
      new Date('2026-09-20T12:00:00Z'),
    );
    expect(yearly.filter((o) => o.reminderId === 'planning')).toEqual([]); // 19 days late: expired
  });
});

describe('the ticking', () => {
  it('is driven by node-cron, runs once at start and then on every tick, never two at once', async () => {
    // On fake timers, so the seconds pass at once and "no tick after stop" needs no waiting.
    vi.useFakeTimers({ now: new Date('2026-09-01T06:00:00.500Z') });
    try {
      let runs = 0;
      let concurrent = 0;
      let maxConcurrent = 0;
      const ticker = startReminderTicker(
        '* * * * * *', // every second (node-cron's optional seconds field)
        TZ,
        async () => {
          runs++;
          concurrent++;
          maxConcurrent = Math.max(maxConcurrent, concurrent);
          await new Promise((r) => setTimeout(r, 50));
          concurrent--;
        },
        createLogger('silent'),
      );
      await vi.advanceTimersByTimeAsync(2300);
      const stopping = ticker.stop();
      await vi.advanceTimersByTimeAsync(100);
      await stopping;
      const after = runs;
      await vi.advanceTimersByTimeAsync(5000);
      expect(after).toBeGreaterThanOrEqual(3);
      expect(runs).toBe(after);
      expect(maxConcurrent).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reminder cards not covered by the template samples', () => {
  it('render to cards the official parser accepts', () => {
    for (const card of Object.values(extraReminderCards)) expect(cardProblems(card())).toEqual([]);
  });
});
