import type { AuditEvent } from '../org/index.js';
import { concernsKommunchef, permissionsFor, type IncidentRole } from './domain/incident.access.js';
import {
  CATEGORIES,
  SEVERITIES,
  STATUSES,
  type Incident,
  type IncidentNote,
} from './domain/incident.js';
import type { OrgDirectory } from '../org/index.js';
import { formatLocal, localParts } from '../platform/calendar.js';
import type { IncidentStrings } from './incident.strings.js';
import { userText, renderCardJson, type Notice } from '../platform/teams/render.js';
import { excerpt, fitItems } from '../platform/teams/card-budget.js';

/**
 * What every copy of the card shows of the unbounded parts; the rest is under
 * "Visa hela ärendet" (incident-full.card.ts). Five 500-character notes and a
 * 1 000-character description leave the card about half its budget.
 */
export const CARD_EXCERPT = {
  descriptionChars: 1000,
  latestNotes: 5,
  noteChars: 500,
  latestHistory: 5,
} as const;

export interface IncidentView {
  incident: Incident;
  notes: IncidentNote[];
  history: AuditEvent[];
  viewerAadObjectId: string;
  roles: IncidentRole[];
  /** Teams user ids that refresh the card automatically (the viewer's). */
  refreshUserIds: string[];
  notice?: Notice;
  /** When the card is made: the time left to each deadline, and which are near. */
  now: Date;
}

/** A deadline this close, or past, is shown in the attention colour; the others are not. */
const NEAR_DEADLINE_HOURS = 6;
const OPEN_REPORT = new Set(['pending', 'waiting']);

export function incidentFacts(strings: IncidentStrings, org: OrgDirectory, incident: Incident) {
  const tz = org.organisation.timezone;
  const system = incident.systemId ? org.systemById(incident.systemId)?.name : undefined;
  const f = strings.card.facts;
  return [
    { title: f.status, value: strings.statuses[incident.status] },
    { title: f.severity, value: strings.severities[incident.severity] },
    { title: f.category, value: strings.categories[incident.category] },
    { title: f.system, value: userText(system ?? strings.card.unknownSystem) },
    ...(incident.supplier ? [{ title: f.supplier, value: userText(incident.supplier) }] : []),
    ...(incident.startedAt
      ? [{ title: f.started, value: formatLocal(incident.startedAt, tz) }]
      : []),
    { title: f.discovered, value: formatLocal(incident.discoveredAt, tz) },
    ...(incident.endedAt ? [{ title: f.ended, value: formatLocal(incident.endedAt, tz) }] : []),
    { title: f.personalData, value: strings.personalData[incident.personalData] },
    { title: f.reporter, value: userText(incident.reporterName) },
    {
      title: f.assignee,
      value: incident.assigneeName ? userText(incident.assigneeName) : strings.card.nobody,
    },
  ];
}

/** "2026-11-29 14:05 Lars Berg: Status → Under utredning", from the audit log. */
export function describeHistory(
  strings: IncidentStrings,
  org: OrgDirectory,
  incident: Incident,
  events: AuditEvent[],
): string[] {
  const tz = org.organisation.timezone;
  const nameOf = (aad: string) =>
    aad === incident.reporterAadObjectId
      ? incident.reporterName
      : (org.personByAadObjectId(aad)?.name ?? aad);
  return events.map((e) => {
    const to = String(e.details?.to ?? '');
    const kind = String(e.details?.kind ?? '');
    const label = (() => {
      switch (e.action) {
        case 'incident.reported':
          return strings.card.reported;
        case 'incident.taken':
          return strings.card.took;
        case 'incident.status':
          return `${strings.card.facts.status} → ${strings.statuses[to as Incident['status']] ?? to}`;
        case 'incident.severity':
          return `${strings.card.facts.severity} → ${strings.severities[to as Incident['severity']] ?? to}`;
        case 'incident.category':
          return `${strings.card.facts.category} → ${strings.categories[to as Incident['category']] ?? to}`;
        case 'incident.report': {
          const line = `${strings.reports[kind as keyof IncidentStrings['reports']] ?? kind} → ${strings.reportStatuses[to as keyof IncidentStrings['reportStatuses']] ?? to}`;
          const reason = e.details?.reason;
          return typeof reason === 'string' && reason !== '' ? `${line}: ${reason}` : line;
        }
        case 'incident.clock-started':
          return `${strings.card.clocks}: ${strings.reports[kind as keyof IncidentStrings['reports']] ?? kind}`;
        case 'incident.clock': {
          const report = strings.reports[kind as keyof IncidentStrings['reports']] ?? kind;
          const due = new Date(String(e.details?.due ?? ''));
          return to === 'waiting' || Number.isNaN(due.getTime())
            ? `${report} → ${strings.reportStatuses.waiting}`
            : `${report} → ${strings.card.due(formatLocal(due, tz))}`;
        }
        case 'incident.ended': {
          const at = new Date(String(e.details?.at ?? ''));
          return Number.isNaN(at.getTime())
            ? strings.card.facts.ended
            : `${strings.card.facts.ended} → ${formatLocal(at, tz)}`;
        }
        case 'incident.note':
          return strings.card.addNote;
        default:
          return e.action;
      }
    })();
    return `${formatLocal(e.at, tz)} ${userText(nameOf(e.actor))}: ${label}`;
  });
}

/** The one incident card: what each person sees and may do follows from their roles. */
export function incidentCard(strings: IncidentStrings, org: OrgDirectory, view: IncidentView) {
  const { incident, roles } = view;
  const can = permissionsFor(roles);
  const tz = org.organisation.timezone;
  const mainRole = (
    [
      'sakerhetssamordnare',
      'personuppgiftsansvarig',
      'kommunchef',
      'ersattare',
      'dataskyddsombud',
      'systemOwner',
    ] as const
  ).find((r) => roles.includes(r));
  const csirtPending = incident.reports.some(
    (r) => r.kind.startsWith('csirt') && r.status === 'pending',
  );
  const showSignificance =
    (roles.includes('kommunchef') || roles.includes('ersattare')) &&
    concernsKommunchef(incident, org) &&
    csirtPending;
  const ended = incident.endedAt ? localParts(incident.endedAt, tz) : undefined;
  const data = {
    incidentId: incident.id,
    version: incident.version,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'emphasis',
    number: incident.number,
    title: userText(incident.title),
    why: mainRole ? strings.card.why[mainRole] : '',
    facts: incidentFacts(strings, org, incident),
    descriptionHeading: strings.card.description,
    description: userText(excerpt(incident.description, CARD_EXCERPT.descriptionChars)),
    clocksHeading: strings.card.clocks,
    significantQuestion: showSignificance ? strings.card.significantQuestion : '',
    // The open deadlines first, the nearest on top; then the decided ones.
    clocks: [...incident.reports]
      .sort(
        (a, b) =>
          Number(OPEN_REPORT.has(b.status)) - Number(OPEN_REPORT.has(a.status)) ||
          a.dueAt.getTime() - b.dueAt.getTime(),
      )
      .map((r) => {
        // The art. 34 question, while it waits for its answer: yes, or no with a reason.
        const question = r.kind === 'data-subjects' && r.status === 'waiting';
        const hoursLeft = (r.dueAt.getTime() - view.now.getTime()) / 3_600_000;
        const pending = r.status === 'pending';
        return {
          kind: r.kind,
          title: strings.reports[r.kind],
          state: question
            ? strings.card.dataSubjects.question
            : r.status === 'waiting'
              ? strings.reportStatuses.waiting
              : `${strings.card.due(formatLocal(r.dueAt, tz))}` +
                (pending ? ` (${strings.card.timeLeft(hoursLeft)})` : '') +
                ` · ${strings.reportStatuses[r.status]}`,
          // Only what is near or late stands out, in a red container: Teams' red text is
          // below 4.5:1 on its dark theme, dark text on the attention background is not.
          stateStyle: pending && hoursLeft <= NEAR_DEADLINE_HOURS ? 'attention' : 'default',
          canDecide: (r.status === 'pending' || r.status === 'waiting') && can.decideReport(r.kind),
          madeTitle: question ? strings.card.dataSubjects.yes : strings.card.markMade,
          madeOutcome: question ? 'required' : 'made',
          notRequiredTitle: question
            ? strings.card.dataSubjects.no
            : r.kind.startsWith('csirt')
              ? strings.card.notSignificant
              : strings.card.markNotRequired,
          reasonLabel: r.kind.startsWith('csirt')
            ? strings.card.reasonLabel.csirt
            : r.kind === 'data-subjects'
              ? strings.card.reasonLabel.dataSubjects
              : strings.card.reasonLabel.imy,
          reason: r.reason ? userText(r.reason) : '',
        };
      }),
    saveReason: strings.card.saveReason,
    reasonMissing: strings.card.reasonMissing,
    reasonHeading: strings.card.reasonHeading,
    notesHeading: strings.card.notes,
    triage: can.triage,
    noteOnly: can.addNote && !can.triage,
    labels: {
      status: strings.card.facts.status,
      severity: strings.card.facts.severity,
      category: strings.card.facts.category,
      endedDate: strings.card.endedDate,
      endedTime: strings.card.endedTime,
    },
    current: {
      status: incident.status,
      severity: incident.severity,
      category: incident.category,
      endedDate: ended?.date ?? '',
      endedTime: ended?.time ?? '',
    },
    statusChoices: STATUSES.map((s) => ({ title: strings.statuses[s], value: s })),
    severityChoices: SEVERITIES.map((s) => ({ title: strings.severities[s], value: s })),
    categoryChoices: CATEGORIES.map((c) => ({ title: strings.categories[c], value: c })),
    notePlaceholder: strings.card.notePlaceholder,
    takeTitle:
      can.triage && incident.assigneeAadObjectId !== view.viewerAadObjectId
        ? strings.card.take
        : '',
    saveTitle: strings.card.save,
    addNoteTitle: strings.card.addNote,
    historyHeading: strings.card.history,
    // Those who decide measures about it: the coordinators, the system's owner, the kommunchef.
    newMeasureTitle:
      can.triage || roles.includes('systemOwner') || roles.includes('kommunchef')
        ? strings.card.newMeasure
        : '',
  };
  const history = describeHistory(strings, org, incident, view.history);
  const latestHistory = history.slice(-CARD_EXCERPT.latestHistory);
  // The latest notes, newest last as in the full view; fewer if long names still overflow.
  const latestNotes = view.notes.slice(-CARD_EXCERPT.latestNotes).reverse();
  const cutDescription = incident.description.length > CARD_EXCERPT.descriptionChars;
  return fitItems(latestNotes, (shown) => {
    const notes = [...shown].reverse();
    const notesLeftOut = view.notes.length - notes.length;
    const historyLeftOut = history.length - latestHistory.length;
    return renderCardJson('incidents/incident', {
      ...data,
      notes: notes.map((n) => ({
        heading: `${formatLocal(n.createdAt, tz)} ${userText(n.authorName)}`,
        text: userText(excerpt(n.text, CARD_EXCERPT.noteChars)),
      })),
      notesLeftOut: notesLeftOut > 0 ? strings.card.latestOf(notes.length, view.notes.length) : '',
      history: latestHistory,
      historyLeftOut:
        historyLeftOut > 0 ? strings.card.latestOf(latestHistory.length, history.length) : '',
      fullTitle:
        cutDescription ||
        notesLeftOut > 0 ||
        historyLeftOut > 0 ||
        notes.some((n) => n.text.length > CARD_EXCERPT.noteChars)
          ? strings.card.showFull
          : '',
    });
  });
}
