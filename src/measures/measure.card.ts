import { controlInstanceById, type AuditEvent, type OrgDirectory } from '../org/index.js';
import { addDays, formatLocal, localParts, parseDate } from '../platform/calendar.js';
import { renderCardJson, userText, type CardJson, type Notice } from '../platform/teams/render.js';
import type { Measure } from './domain/measure.js';
import { extensionDeciders, ownerAad } from './domain/measure.service.js';
import type { MeasureStrings } from './measure.strings.js';

export interface MeasureView {
  measure: Measure;
  history: AuditEvent[];
  viewerAadObjectId: string;
  refreshUserIds: string[];
  now: Date;
  notice?: Notice;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return a && b ? a.until(b, { largestUnit: 'days' }).days : 0;
}

export const ownerName = (measure: Measure, org: OrgDirectory): string =>
  org.personById(measure.ownerId)?.name ?? measure.ownerId;

export function originText(measure: Measure, strings: MeasureStrings, org: OrgDirectory): string {
  const { origin } = measure;
  if (origin.kind === 'incident') return strings.fromIncident(origin.incidentNumber);
  if (origin.kind === 'control') {
    const control = controlInstanceById(org.organisation, origin.controlId);
    return `${strings.origins.control}: ${control?.control.title ?? origin.controlId}`;
  }
  if (origin.kind === 'threat-analysis') return strings.origins['threat-analysis'];
  if (origin.kind === 'exception') return strings.origins.exception;
  if (origin.kind === 'approval') return strings.origins.approval;
  return strings.origins.manual;
}

function describeHistory(
  strings: MeasureStrings,
  org: OrgDirectory,
  measure: Measure,
  events: AuditEvent[],
): string[] {
  const tz = org.organisation.timezone;
  const nameOf = (aad: string) =>
    aad === measure.createdByAadObjectId
      ? measure.createdByName
      : (org.personByAadObjectId(aad)?.name ?? aad);
  const labels: Record<string, string> = {
    'measure.created': strings.card.created,
    'measure.started': strings.card.start,
    'measure.done': strings.card.done,
    'measure.extension-requested': strings.card.askMoreTime,
    'measure.extension-approved': strings.card.approveExtension,
    'measure.extension-rejected': strings.card.rejectExtension,
  };
  return events.map(
    (e) => `${formatLocal(e.at, tz)} ${userText(nameOf(e.actor))}: ${labels[e.action] ?? e.action}`,
  );
}

/** The one measure card; its buttons follow from what the viewer may do now. */
export function measureCard(
  strings: MeasureStrings,
  org: OrgDirectory,
  view: MeasureView,
): CardJson {
  const { measure } = view;
  const tz = org.organisation.timezone;
  const viewer = view.viewerAadObjectId.toLowerCase();
  const today = localParts(view.now, tz).date;
  const isOwner = viewer !== '' && viewer === ownerAad(measure, org);
  const open = measure.status !== 'done';
  const late = open ? daysBetween(measure.dueDate, today) : 0;
  const system = measure.systemId ? org.systemById(measure.systemId) : undefined;
  const c = strings.card;
  const facts = [
    { title: c.status, value: strings.statuses[measure.status] },
    { title: c.owner, value: userText(ownerName(measure, org)) },
    {
      title: c.dueDate,
      value: late > 0 ? `${measure.dueDate} (${c.overdue(late)})` : measure.dueDate,
    },
    ...(system ? [{ title: c.system, value: userText(system.name) }] : []),
    { title: c.origin, value: userText(originText(measure, strings, org)) },
    { title: c.createdBy, value: userText(measure.createdByName) },
  ];
  const extension = measure.extension;
  const canDecideExtension =
    open && extension !== null && extensionDeciders(measure, org).includes(viewer);
  const minNewDate = addDays(parseDate(measure.dueDate)!, 1).toString();
  return renderCardJson('measures/measure', {
    measureId: measure.id,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'emphasis',
    kind: c.kind,
    title: userText(measure.title),
    facts,
    whatToDoHeading: c.whatToDo,
    description: userText(measure.description),
    whatWasDoneHeading: c.whatWasDone,
    doneComment: measure.doneComment ? userText(measure.doneComment) : '',
    extension:
      open && extension
        ? userText(c.extensionAsked(extension.dueDate, extension.reason))
        : measure.extensions > 0
          ? c.extensions(measure.extensions)
          : '',
    canAct: isOwner && open,
    canStart: measure.status === 'open',
    canExtend: extension === null,
    yourTurn: c.yourTurn,
    start: c.start,
    done: c.done,
    doneCommentLabel: c.doneComment,
    commentRequired: strings.commentRequired,
    saveDone: c.saveDone,
    moreTime: c.moreTime,
    newDateLabel: c.newDate,
    badNewDate: strings.badNewDate,
    minNewDate: minNewDate > today ? minNewDate : today,
    reasonLabel: c.reason,
    reasonRequired: strings.reasonRequired,
    askMoreTime: c.askMoreTime,
    canDecideExtension,
    decideExtension: extension
      ? userText(c.decideExtension(ownerName(measure, org), extension.dueDate))
      : '',
    requestedAt: extension?.requestedAt.toISOString() ?? '',
    approveExtension: c.approveExtension,
    rejectExtension: c.rejectExtension,
    historyHeading: c.history,
    history: describeHistory(strings, org, measure, view.history),
  });
}
