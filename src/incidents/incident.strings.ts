import type {
  Category,
  PersonalData,
  ReportKind,
  ReportStatus,
  Severity,
  Status,
} from './domain/incident.js';
import type { ReminderStage } from './domain/incident.clocks.js';
import type { FieldError, IncidentFormField } from './domain/incident.validation.js';
import type { IncidentRecipient } from './domain/incident.access.js';
import type { Locale } from '../platform/strings.js';
import { en } from './incident.strings.en.js';
import { sv } from './incident.strings.sv.js';

/** Everything staff read about incidents, Swedish first. */
export interface IncidentStrings {
  form: {
    title: string;
    intro: string;
    labels: Record<IncidentFormField, string>;
    placeholders: { title: string; description: string; supplier: string };
    unknownSystem: string;
    submit: string;
    fixErrors: string;
    /** On the form sent back when the person has reached the limit of reports a minute. */
    limited: (count: number) => string;
    errors: Record<FieldError, string>;
  };
  categories: Record<Category, string>;
  severities: Record<Severity, string>;
  personalData: Record<PersonalData, string>;
  statuses: Record<Status, string>;
  reports: Record<ReportKind, string>;
  reportStatuses: Record<ReportStatus, string>;
  /** Column headings of the incident register export (CSV). */
  register: Record<
    | 'number'
    | 'reportedAt'
    | 'discoveredAt'
    | 'startedAt'
    | 'endedAt'
    | 'status'
    | 'severity'
    | 'category'
    | 'system'
    | 'supplier'
    | 'personalData'
    | 'title'
    | 'description'
    | 'report'
    | 'reportStatus'
    | 'dueAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'reason',
    string
  >;
  advice: Record<Category, string[]>;
  receipt: {
    title: (number: string) => string;
    thanks: string;
    nextSteps: string;
    dsoInformed: string;
    kommunchefInformed: string;
    adviceHeading: string;
    alreadyReported: (number: string) => string;
    listButton: string;
  };
  card: {
    facts: {
      status: string;
      severity: string;
      category: string;
      system: string;
      discovered: string;
      started: string;
      ended: string;
      supplier: string;
      reporter: string;
      assignee: string;
      personalData: string;
    };
    nobody: string;
    unknownSystem: string;
    description: string;
    clocks: string;
    due: (when: string) => string;
    /** The time left to a deadline (`hours` below 0: past it), as the card shows it beside the date. */
    timeLeft: (hours: number) => string;
    notes: string;
    history: string;
    why: Record<IncidentRecipient['role'], string>;
    significantQuestion: string;
    take: string;
    save: string;
    notePlaceholder: string;
    addNote: string;
    markMade: string;
    markNotRequired: string;
    notSignificant: string;
    /** The reason field a *Krävs inte* / *Inte betydande* opens. */
    reasonLabel: { imy: string; csirt: string; dataSubjects: string };
    /** The art. 34 question and its answers. */
    dataSubjects: { question: string; yes: string; no: string };
    saveReason: string;
    reasonMissing: string;
    reasonHeading: string;
    endedDate: string;
    endedTime: string;
    changedByOther: string;
    reported: string;
    took: string;
    /** Under an excerpt: "De 5 senaste av 20". */
    latestOf: (shown: number, total: number) => string;
    showFull: string;
    /** Opens the measure form with the incident as its origin. */
    newMeasure: string;
    /** The notice when a coordinator closes the case. */
    closedAskMeasures: string;
  };
  /**
   * Sent instead of an incident card Teams refused as too large: plain text, no user
   * text (Teams reads a text message as markdown). `notice` is the reminder, if any.
   */
  tooLarge: (number: string, notice?: string) => string;
  /** What the lock screen and the activity feed show of a routing card: the number only. */
  routedSummary: (number: string) => string;
  /** The whole incident, a page at a time (incident-full.card.ts). */
  full: {
    page: (page: number, pages: number) => string;
    previous: string;
    next: string;
    sent: string;
  };
  reminder: Record<ReminderStage, (report: string, number: string, due: string) => string>;
  statusChanged: (number: string, status: string) => string;
  /** To the coordinators: someone sent `count` reports within a minute and had to wait. */
  limitReached: (name: string, count: number) => string;
  list: { title: string; mine: string; toHandle: string; none: string; open: string };
  forbidden: string;
  notFound: string;
  noteTooLong: (max: number) => string;
  noteEmpty: string;
  reasonRequired: string;
  endedBeforeStart: string;
  reasonTooLong: (max: number) => string;
}

/** What the organisation calls the authorities reports go to (`authorities` in the org file). */
export interface AuthorityNames {
  /** The supervisory authority for personal-data breaches (GDPR art. 33). */
  dataProtection: string;
  /** The CSIRT that receives reports under cybersäkerhetslagen (2025:1506). */
  csirt: string;
}

/** As of December 2026: IMY, and the CSIRT function (CERT-SE) of Myndigheten för civilt försvar. */
export const DEFAULT_AUTHORITIES: AuthorityNames = { dataProtection: 'IMY', csirt: 'CSIRT (MCF)' };

const named = new Map<string, IncidentStrings>();

/**
 * The incident strings in `locale`, with the authorities named as the organisation file
 * says (or the defaults). Built once per locale and names.
 */
export function incidentStringsFor(
  locale: Locale,
  authorities?: Partial<AuthorityNames>,
): IncidentStrings {
  const names = { ...DEFAULT_AUTHORITIES, ...authorities };
  const key = JSON.stringify([locale, names.dataProtection, names.csirt]);
  let strings = named.get(key);
  if (!strings) {
    const fill = (text: string) =>
      text.replaceAll('{imy}', names.dataProtection).replaceAll('{csirt}', names.csirt);
    strings = withNames(locale === 'en' ? en : sv, fill) as IncidentStrings;
    named.set(key, strings);
  }
  return strings;
}

/** The table with `fill` applied to every text in it, and to what every function returns. */
function withNames(value: unknown, fill: (text: string) => string): unknown {
  if (typeof value === 'string') return fill(value);
  if (Array.isArray(value)) return value.map((v) => withNames(v, fill));
  if (typeof value === 'function')
    return (...args: unknown[]) =>
      withNames((value as (...a: unknown[]) => unknown)(...args), fill);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNames(v, fill)]));
  return value;
}
