import { describe, expect, it } from 'vitest';
import { reportDueAt } from '../../src/incidents/domain/incident.clocks.js';
import { formatLocal } from '../../src/platform/calendar.js';

const TZ = 'Europe/Stockholm';
const finalReportDue = (discovered: string) =>
  formatLocal(reportDueAt('csirt-final', new Date(discovered), TZ), TZ);

describe('the CSIRT final report, due one calendar month after discovery', () => {
  it('is due on 28 February for a discovery on 31 January, on 29 February in a leap year', () => {
    expect(finalReportDue('2026-01-31T09:00:00Z')).toBe('2026-02-28 10:00');
    expect(finalReportDue('2028-01-31T09:00:00Z')).toBe('2028-02-29 10:00');
  });

  it('counts the month on the organisation’s calendar, not UTC’s', () => {
    // 00:30 on 31 January in Stockholm is still 30 January in UTC.
    expect(finalReportDue('2026-01-30T23:30:00Z')).toBe('2026-02-28 00:30');
  });

  it('keeps the wall-clock time of discovery across a change to summer time', () => {
    expect(finalReportDue('2026-03-15T09:00:00Z')).toBe('2026-04-15 10:00');
  });

  it('falls on the first 02:30 when the month ends in the hour that happens twice', () => {
    const due = reportDueAt('csirt-final', new Date('2026-09-25T00:30:00Z'), TZ);
    expect(due.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not 02:30 CET
  });
});
