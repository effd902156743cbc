import type { OrgDirectory } from '../org/index.js';
import { formatLocal } from '../platform/calendar.js';
import { toCsv } from '../platform/csv.js';
import type { Locale } from '../platform/strings.js';
import {
  REPORT_KINDS,
  type AuthorityReport,
  type Incident,
  type ReportKind,
  type ReportStatus,
} from './domain/incident.js';
import { incidentStringsFor } from './incident.strings.js';

/**
 * The incident register of one year for a supervisory authority (IMY, MCF): what the
 * record holds about each incident and every call on a report, with who made it and
 * why. Not in it: the reporter, the assignee and the notes (people's names and the
 * internal working notes); the title and the description are the reporter's own words.
 */
export interface IncidentRegisterExport {
  organisation: string;
  year: number;
  exportedAt: string;
  incidents: ExportedIncident[];
}

export interface ExportedIncident {
  number: string;
  reportedAt: string;
  discoveredAt: string;
  startedAt: string | null;
  endedAt: string | null;
  status: Incident['status'];
  severity: Incident['severity'];
  category: Incident['category'];
  system: { id: string; name: string } | null;
  supplier: string | null;
  personalData: Incident['personalData'];
  title: string;
  description: string;
  reports: {
    kind: ReportKind;
    dueAt: string;
    status: ReportStatus;
    /** The name of who marked it, as the organisation file has it (else their id). */
    decidedBy: string | null;
    decidedAt: string | null;
    reason: string | null;
  }[];
}

/** Report clocks in the order they fall due; clocks due together in the law's order. */
function byDueThenKind(a: AuthorityReport, b: AuthorityReport): number {
  return (
    a.dueAt.getTime() - b.dueAt.getTime() ||
    REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind)
  );
}

export function incidentRegister(
  org: OrgDirectory,
  year: number,
  incidents: Incident[],
  now: Date,
): IncidentRegisterExport {
  const nameOf = (aad: string) => org.personByAadObjectId(aad)?.name ?? aad;
  return {
    organisation: org.organisation.organisation,
    year,
    exportedAt: now.toISOString(),
    incidents: incidents.map((i) => {
      const system = i.systemId ? org.systemById(i.systemId) : undefined;
      return {
        number: i.number,
        reportedAt: i.createdAt.toISOString(),
        discoveredAt: i.discoveredAt.toISOString(),
        startedAt: i.startedAt?.toISOString() ?? null,
        endedAt: i.endedAt?.toISOString() ?? null,
        status: i.status,
        severity: i.severity,
        category: i.category,
        system: i.systemId ? { id: i.systemId, name: system?.name ?? i.systemId } : null,
        supplier: i.supplier,
        personalData: i.personalData,
        title: i.title,
        description: i.description,
        reports: [...i.reports].sort(byDueThenKind).map((r) => ({
          kind: r.kind,
          dueAt: r.dueAt.toISOString(),
          status: r.status,
          decidedBy: r.decidedBy ? nameOf(r.decidedBy) : null,
          decidedAt: r.decidedAt?.toISOString() ?? null,
          reason: r.reason,
        })),
      };
    }),
  };
}

/**
 * The register as CSV, one row per report of each incident (an incident without a
 * report clock has one row with those columns empty), labels and wall-clock times in
 * the organisation's language and time zone.
 */
export function incidentRegisterToCsv(
  register: IncidentRegisterExport,
  org: OrgDirectory,
  locale: Locale,
): string {
  const s = incidentStringsFor(locale, org.organisation.authorities);
  const timeZone = org.organisation.timezone;
  const h = s.register;
  const local = (iso: string | null) => (iso ? formatLocal(new Date(iso), timeZone) : '');
  const rows: (string | number | null)[][] = [
    [
      h.number,
      h.reportedAt,
      h.discoveredAt,
      h.startedAt,
      h.endedAt,
      h.status,
      h.severity,
      h.category,
      h.system,
      h.supplier,
      h.personalData,
      h.title,
      h.description,
      h.report,
      h.reportStatus,
      h.dueAt,
      h.decidedBy,
      h.decidedAt,
      h.reason,
    ],
  ];
  for (const i of register.incidents) {
    const incident = [
      i.number,
      local(i.reportedAt),
      local(i.discoveredAt),
      local(i.startedAt),
      local(i.endedAt),
      s.statuses[i.status],
      s.severities[i.severity],
      s.categories[i.category],
      i.system?.name ?? '',
      i.supplier,
      s.personalData[i.personalData],
      i.title,
      i.description,
    ];
    if (i.reports.length === 0) rows.push([...incident, '', '', '', '', '', '']);
    for (const r of i.reports)
      rows.push([
        ...incident,
        s.reports[r.kind],
        s.reportStatuses[r.status],
        local(r.dueAt),
        r.decidedBy,
        local(r.decidedAt),
        r.reason,
      ]);
  }
  return toCsv(rows);
}
