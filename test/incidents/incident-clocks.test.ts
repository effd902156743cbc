import { describe, expect, it } from 'vitest';
import {
  followingClocks,
  reportDueAt,
  type ClockChange,
} from '../../src/incidents/domain/incident.clocks.js';
import type { AuthorityReport, Incident, ReportKind } from '../../src/incidents/domain/incident.js';
import { formatLocal } from '../../src/platform/calendar.js';
import { sampleIncident } from '../support/incident-samples.js';

const TZ = 'Europe/Stockholm';
const local = (d: Date) => formatLocal(d, TZ);
/** The final report when the notification was made at `made` (cybersäkerhetsförordningen: one month after it). */
const finalAfterNotification = (made: string) => {
  const incident = withCsirt('2026-01-01T08:00:00Z', { 'csirt-notification': made });
  const [change] = followingClocks(incident, new Date(made), TZ);
  return change ? local(change.dueAt) : 'no change';
};

/** An incident discovered at `discovered` with the three CSIRT clocks; `made` marks reports made at a time. */
function withCsirt(
  discovered: string,
  made: Partial<Record<ReportKind, string>> = {},
  overrides: Partial<Incident> = {},
): Incident {
  const discoveredAt = new Date(discovered);
  const kinds: ReportKind[] = ['csirt-early-warning', 'csirt-notification', 'csirt-final'];
  const reports: AuthorityReport[] = kinds.map((kind) => ({
    kind,
    dueAt: reportDueAt(kind, discoveredAt, TZ),
    status: made[kind] ? 'made' : 'pending',
    decidedBy: made[kind] ? '00000000-0000-0000-0000-0000000000a1' : null,
    decidedAt: made[kind] ? new Date(made[kind]!) : null,
    reason: null,
  }));
  return sampleIncident({ discoveredAt, reports, status: 'under-utredning', ...overrides });
}

const dueOf = (incident: Incident, kind: ReportKind) =>
  local(incident.reports.find((r) => r.kind === kind)!.dueAt);

/** The incident after its clock changes. */
function applied(incident: Incident, changes: ClockChange[]): Incident {
  const reports = incident.reports.map((r) => {
    const c = changes.find((x) => x.kind === r.kind);
    return c ? { ...r, dueAt: c.dueAt, status: c.status } : r;
  });
  for (const c of changes)
    if (!reports.some((r) => r.kind === c.kind))
      reports.push({
        kind: c.kind,
        dueAt: c.dueAt,
        status: c.status,
        decidedBy: null,
        decidedAt: null,
        reason: null,
      });
  return { ...incident, reports };
}

describe('the CSIRT clocks, as cybersäkerhetsförordningen (2025:1507) counts them', () => {
  it('runs the early warning 24 h and the notification 72 h from awareness', () => {
    const incident = withCsirt('2026-11-29T08:00:00Z');
    expect(dueOf(incident, 'csirt-early-warning')).toBe('2026-11-30 09:00');
    expect(dueOf(incident, 'csirt-notification')).toBe('2026-12-02 09:00');
  });

  it('expects the final report a month after the notification is due, until the notification is made', () => {
    expect(dueOf(withCsirt('2026-11-29T08:00:00Z'), 'csirt-final')).toBe('2027-01-02 09:00');
  });

  it('moves the final report to one calendar month after the notification was made', () => {
    expect(finalAfterNotification('2026-11-30T15:20:00Z')).toBe('2026-12-30 16:20');
  });

  it('clamps the month: a notification made on 31 January gives 28 February, 29 in a leap year', () => {
    expect(finalAfterNotification('2026-01-31T09:00:00Z')).toBe('2026-02-28 10:00');
    expect(finalAfterNotification('2028-01-31T09:00:00Z')).toBe('2028-02-29 10:00');
  });

  it('counts the month on the organisation’s calendar, not UTC’s', () => {
    // 00:30 on 31 January in Stockholm is still 30 January in UTC.
    expect(finalAfterNotification('2026-01-30T23:30:00Z')).toBe('2026-02-28 00:30');
  });

  it('keeps the wall-clock time across a change to summer time', () => {
    expect(finalAfterNotification('2026-03-15T09:00:00Z')).toBe('2026-04-15 10:00');
  });

  it('falls on the first 02:30 when the month ends in the hour that happens twice', () => {
    const incident = withCsirt('2026-09-20T08:00:00Z', {
      'csirt-notification': '2026-09-25T00:30:00Z',
    });
    const [change] = followingClocks(incident, new Date('2026-09-25T00:30:00Z'), TZ);
    expect(change!.dueAt.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
  });

  it('changes nothing once the final report has its date', () => {
    const once = withCsirt('2026-11-29T08:00:00Z', {
      'csirt-notification': '2026-11-30T15:20:00Z',
    });
    const settled = applied(once, followingClocks(once, new Date('2026-11-30T15:20:00Z'), TZ));
    expect(followingClocks(settled, new Date('2026-12-10T12:00:00Z'), TZ)).toEqual([]);
  });

  it('asks for a lägesrapport instead when the incident is still being handled as the final report falls due', () => {
    const notified = withCsirt('2026-11-29T08:00:00Z', {
      'csirt-notification': '2026-11-30T15:20:00Z',
    });
    const dated = applied(
      notified,
      followingClocks(notified, new Date('2026-11-30T15:20:00Z'), TZ),
    );
    // Before the last four hours: nothing yet.
    expect(followingClocks(dated, new Date('2026-12-30T11:00:00Z'), TZ)).toEqual([]);
    const changes = followingClocks(dated, new Date('2026-12-30T12:30:00Z'), TZ);
    expect(changes.map((c) => [c.kind, c.status, local(c.dueAt)])).toEqual([
      ['csirt-progress', 'pending', '2026-12-30 16:20'],
      ['csirt-final', 'waiting', '2026-12-30 16:20'],
    ]);
  });

  it('does not ask for a lägesrapport when the incident was handled before the final report falls due', () => {
    const notified = withCsirt(
      '2026-11-29T08:00:00Z',
      { 'csirt-notification': '2026-11-30T15:20:00Z' },
      { status: 'atgardad' },
    );
    const dated = applied(
      notified,
      followingClocks(notified, new Date('2026-11-30T15:20:00Z'), TZ),
    );
    expect(followingClocks(dated, new Date('2026-12-30T15:00:00Z'), TZ)).toEqual([]);
  });

  it('expects the final report one month after the incident is handled, once a lägesrapport was due', () => {
    const notified = withCsirt('2026-11-29T08:00:00Z', {
      'csirt-notification': '2026-11-30T15:20:00Z',
    });
    const dated = applied(
      notified,
      followingClocks(notified, new Date('2026-11-30T15:20:00Z'), TZ),
    );
    const waiting = applied(dated, followingClocks(dated, new Date('2026-12-30T13:00:00Z'), TZ));
    // Still open in February: the final report keeps waiting.
    expect(followingClocks(waiting, new Date('2027-02-01T09:00:00Z'), TZ)).toEqual([]);
    const handled = { ...waiting, status: 'avslutad' as const };
    const changes = followingClocks(handled, new Date('2027-02-10T09:00:00Z'), TZ);
    expect(changes.map((c) => [c.kind, c.status, local(c.dueAt)])).toEqual([
      ['csirt-final', 'pending', '2027-03-10 10:00'],
    ]);
  });

  it('leaves the clocks alone when the CSIRT reports are not required (not significant)', () => {
    const incident = withCsirt('2026-11-29T08:00:00Z');
    const notSignificant = {
      ...incident,
      reports: incident.reports.map((r) => ({ ...r, status: 'not-required' as const })),
    };
    expect(followingClocks(notSignificant, new Date('2027-01-05T09:00:00Z'), TZ)).toEqual([]);
  });
});
