import { describe, expect, it } from 'vitest';
import {
  permissionsFor,
  rolesOnIncident,
  type IncidentRole,
} from '../../src/incidents/domain/incident.access.js';
import { reportDueAt, requiredReportKinds } from '../../src/incidents/domain/incident.clocks.js';
import type { Incident, ReportKind } from '../../src/incidents/domain/incident.js';
import { people } from '../support/activities.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';

/** Anna reports on the vård system (owner Maria, samhällsviktigt), personal data unknown. */
const incident = sampleIncident();

describe('who holds which role on an incident', () => {
  it.each<[string, string, Partial<Incident>, IncidentRole[]]>([
    ['the reporter', people.anna.aadObjectId, {}, ['reporter']],
    [
      'the reporter, whatever the case of the id',
      people.anna.aadObjectId.toUpperCase(),
      {},
      ['reporter'],
    ],
    ['a coordinator', people.lars.aadObjectId, {}, ['sakerhetssamordnare']],
    [
      'the systemägare of the system hit, who also decides on IMY for its nämnd',
      people.maria.aadObjectId,
      {},
      ['systemOwner', 'personuppgiftsansvarig'],
    ],
    [
      'the systemägare without personal data: not the IMY decider',
      people.maria.aadObjectId,
      { personalData: 'nej' },
      ['systemOwner'],
    ],
    [
      'the decider of another nämnd (and the ersättare, not called in yet)',
      people.olof.aadObjectId,
      {},
      [],
    ],
    [
      'the ersättare, called in four hours before an open CSIRT deadline',
      people.olof.aadObjectId,
      { discoveredAt: new Date('2026-11-29T04:00:00Z') },
      ['ersattare'],
    ],
    [
      'the kommunstyrelsen’s decider, for a system without a nämnd the kommunchef',
      people.karin.aadObjectId,
      { systemId: null },
      ['personuppgiftsansvarig', 'kommunchef'],
    ],
    [
      'the DSO when personal data may be involved',
      people.dina.aadObjectId,
      {},
      ['dataskyddsombud'],
    ],
    ['not the DSO without personal data', people.dina.aadObjectId, { personalData: 'nej' }, []],
    ['the kommunchef', people.karin.aadObjectId, {}, ['kommunchef']],
    ['someone else in the organisation', people.erik.aadObjectId, {}, []],
    ['someone not in the organisation', people.stranger.aadObjectId, {}, []],
    [
      'a coordinator who reported it',
      people.lars.aadObjectId,
      { reporterAadObjectId: people.lars.aadObjectId },
      ['reporter', 'sakerhetssamordnare'],
    ],
  ])('%s', (_, viewer, overrides, roles) => {
    // The sample's early warning is due 2026-11-30 08:00 UTC; it is 03:30 UTC, 4.5 h before.
    const now = new Date('2026-11-30T03:30:00Z');
    const reports =
      overrides.discoveredAt === undefined
        ? incident.reports
        : incident.reports.map((r) =>
            r.kind === 'csirt-early-warning'
              ? { ...r, dueAt: new Date('2026-11-30T07:00:00Z') }
              : r,
          );
    const seen = { ...incident, ...overrides, reports };
    expect(rolesOnIncident(seen, viewer, exampleOrg, now)).toEqual(roles);
  });
});

describe('what each role may do on an incident', () => {
  const allKinds: ReportKind[] = [
    'imy',
    'csirt-early-warning',
    'csirt-notification',
    'csirt-progress',
    'csirt-final',
  ];
  it.each<[IncidentRole[], boolean, boolean, boolean, ReportKind[]]>([
    // roles, view, triage, note, reports they may mark
    [[], false, false, false, []],
    [['reporter'], true, false, false, []],
    [['sakerhetssamordnare'], true, true, true, allKinds],
    [['systemOwner'], true, false, true, []],
    [['personuppgiftsansvarig'], true, false, true, ['imy']],
    // The DSO advises and is informed; the decision is the controller's.
    [['dataskyddsombud'], true, false, true, []],
    [['kommunchef'], true, false, true, allKinds.filter((k) => k !== 'imy')],
    [['ersattare'], true, false, true, allKinds.filter((k) => k !== 'imy')],
    [['reporter', 'systemOwner'], true, false, true, []],
  ])('%j: view %s, triage %s, note %s, reports %j', (roles, view, triage, addNote, reports) => {
    const may = permissionsFor(roles);
    expect({ view: may.view, triage: may.triage, addNote: may.addNote }).toEqual({
      view,
      triage,
      addNote,
    });
    expect(allKinds.filter((kind) => may.decideReport(kind))).toEqual(reports);
  });
});

describe('the report deadlines, counted from discovery', () => {
  const discovered = new Date('2026-11-30T08:00:00Z');
  it.each<[ReportKind, string]>([
    ['imy', '2026-12-03T08:00:00.000Z'], // GDPR art. 33: 72 hours
    ['csirt-early-warning', '2026-12-01T08:00:00.000Z'], // 24 hours
    ['csirt-notification', '2026-12-03T08:00:00.000Z'], // 72 hours
  ])('%s is due at %s', (kind, due) => {
    expect(reportDueAt(kind, discovered, 'Europe/Stockholm').toISOString()).toBe(due);
  });

  it('counts hours, not wall-clock days, across the end of summer time', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 24 hours later is 07:00 local, not 08:00.
    expect(
      reportDueAt(
        'csirt-early-warning',
        new Date('2026-10-24T06:00:00Z'),
        'Europe/Stockholm',
      ).toISOString(),
    ).toBe('2026-10-25T06:00:00.000Z');
  });

  it.each<[string, Partial<Incident>, ReportKind[]]>([
    [
      'no personal data, medium, ordinary system: none',
      { personalData: 'nej', severity: 'medel', systemId: 'ekonomi' },
      [],
    ],
    [
      'personal data: IMY, and the question whether to inform the data subjects',
      { personalData: 'ja', severity: 'medel', systemId: 'ekonomi' },
      ['imy', 'data-subjects'],
    ],
    [
      'personal data unknown: IMY',
      { personalData: 'vet-ej', severity: 'lag', systemId: null },
      ['imy', 'data-subjects'],
    ],
    [
      'high severity: the CSIRT clocks',
      { personalData: 'nej', severity: 'hog', systemId: null },
      ['csirt-early-warning', 'csirt-notification', 'csirt-final'],
    ],
    [
      'a samhällsviktigt system: the CSIRT clocks',
      { personalData: 'nej', severity: 'lag', systemId: 'va-styr' },
      ['csirt-early-warning', 'csirt-notification', 'csirt-final'],
    ],
    [
      'critical with personal data: all of them',
      { personalData: 'ja', severity: 'kritisk', systemId: 'ekonomi' },
      ['imy', 'data-subjects', 'csirt-early-warning', 'csirt-notification', 'csirt-final'],
    ],
  ])('%s', (_, overrides, kinds) => {
    expect(requiredReportKinds({ ...incident, ...overrides }, exampleOrg)).toEqual(kinds);
  });
});
