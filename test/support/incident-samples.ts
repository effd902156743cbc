import { createOrgDirectory } from '../../src/org/domain/org.directory.js';
import { loadOrganisationFile } from '../../src/org/org.load.js';
import type { Incident } from '../../src/incidents/domain/incident.js';
import { fromRoot } from '../../src/platform/paths.js';

export const exampleOrg = createOrgDirectory(
  loadOrganisationFile(fromRoot('config', 'org.example.yaml')),
);

/** A serious phishing incident on a samhällsviktigt system, with personal data involved. */
export function sampleIncident(overrides: Partial<Incident> = {}): Incident {
  const discoveredAt = new Date('2026-11-29T08:00:00Z');
  return {
    id: '6f1c1e9a-1111-4222-8333-444455556666',
    number: 'INC-2026-0001',
    reporterAadObjectId: '00000000-0000-0000-0000-0000000000a8',
    reporterName: 'Anna Andersson',
    title: 'Klickade på länk i mejl [se här](https://evil.example)',
    category: 'natfiske',
    systemId: 'vard',
    discoveredAt,
    description:
      'Jag fick ett mejl som såg ut att komma från IT.\n**Viktigt**: jag skrev in mitt lösenord.',
    personalData: 'vet-ej',
    severity: 'hog',
    status: 'ny',
    assigneeAadObjectId: null,
    assigneeName: null,
    endedAt: null,
    startedAt: null,
    supplier: null,
    version: 1,
    createdAt: new Date('2026-11-29T08:05:00Z'),
    updatedAt: new Date('2026-11-29T08:05:00Z'),
    reports: [
      {
        kind: 'imy',
        dueAt: new Date('2026-12-02T08:00:00Z'),
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        reason: null,
      },
      {
        kind: 'csirt-early-warning',
        dueAt: new Date('2026-11-30T08:00:00Z'),
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        reason: null,
      },
    ],
    ...overrides,
  };
}

/** The report form filled in as staff fill it for a phishing mail: ordinary, no personal data. */
export const phishingForm = {
  title: 'Klickade på länk i mejl',
  category: 'natfiske',
  system: 'ekonomi',
  discoveredDate: '2026-11-30',
  discoveredTime: '09:30',
  description: 'Mejlet såg ut att komma från ekonomikontoret. Jag skrev in mitt lösenord.',
  personalData: 'nej',
  severity: 'medel',
} as const satisfies Record<string, string>;
