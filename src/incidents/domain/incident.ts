/** An IT incident as reported by a member of staff and handled by the säkerhetssamordnare. */

export const CATEGORIES = [
  'skadlig-kod',
  'natfiske',
  'forlorad-utrustning',
  'obehorig-atkomst',
  'informationslacka',
  'driftstorning',
  'leverantor',
  'ovrigt',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['lag', 'medel', 'hog', 'kritisk'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PERSONAL_DATA = ['ja', 'nej', 'vet-ej'] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];

/** 'ny' until a coordinator receives it; then the statuses the policy work uses. */
export const STATUSES = ['ny', 'mottagen', 'under-utredning', 'atgardad', 'avslutad'] as const;
export type Status = (typeof STATUSES)[number];

/** Systems register id, or this when the reporter does not know. */
export const UNKNOWN_SYSTEM = 'vet-ej';

/**
 * The authority reports whose deadlines the bot watches. The bot does not make the
 * legal call; it makes sure the people who must make it know, in time.
 * - imy: personal data breach to IMY, 72 h (GDPR art. 33)
 * - data-subjects: whether to inform the data subjects (GDPR art. 34, high risk); it
 *   waits for that answer, and on a yes runs until they have been informed
 * - csirt-*: significant incident to the CSIRT (CERT-SE at MCF) under cybersäkerhetslagen
 *   (2025:1506) and cybersäkerhetsförordningen (2025:1507): early warning 24 h and
 *   notification 72 h from awareness; final report one month after the notification;
 *   if the incident is still being handled then, a progress report (lägesrapport)
 *   then and the final report one month after it has been handled
 */
export const REPORT_KINDS = [
  'imy',
  'data-subjects',
  'csirt-early-warning',
  'csirt-notification',
  'csirt-progress',
  'csirt-final',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * `waiting`: no clock runs yet. The final report after a lägesrapport waits until the
 * incident has been handled; its month starts then.
 */
export const REPORT_STATUSES = ['pending', 'waiting', 'made', 'not-required'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The statuses in which an incident counts as handled (hanterad) for the final report. */
export const HANDLED_STATUSES: readonly Status[] = ['atgardad', 'avslutad'];

export interface AuthorityReport {
  kind: ReportKind;
  dueAt: Date;
  status: ReportStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Why it was not required, as the decider wrote it (GDPR art. 33.5: every call documented). */
  reason: string | null;
}

/** What the form delivers once validated: the part of an incident its reporter tells. */
export interface IncidentReportInput {
  title: string;
  category: Category;
  /** A system id from the register, or null when unknown. */
  systemId: string | null;
  discoveredAt: Date;
  /** When it started, if the reporter knows (at or before discovery). */
  startedAt: Date | null;
  /** The supplier it happened at, for the category `leverantor`. */
  supplier: string | null;
  description: string;
  personalData: PersonalData;
  severity: Severity;
}

export interface Incident extends IncidentReportInput {
  id: string;
  /** INC-<year>-<4 digits>, unique and gap-free per year. */
  number: string;
  reporterAadObjectId: string;
  reporterName: string;
  status: Status;
  assigneeAadObjectId: string | null;
  assigneeName: string | null;
  /** When it ended, as the coordinator records it. */
  endedAt: Date | null;
  /** Bumped on every change; a card carries the version it shows. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  reports: AuthorityReport[];
}

export interface IncidentNote {
  authorAadObjectId: string;
  authorName: string;
  text: string;
  createdAt: Date;
}

export const LIMITS = {
  title: 120,
  description: 4000,
  note: 2000,
  reason: 1000,
  supplier: 120,
} as const;

export function formatIncidentNumber(year: number, sequence: number): string {
  return `INC-${year}-${String(sequence).padStart(4, '0')}`;
}
