import type { AadObjectId } from '../../platform/identity.js';
import type { AuditLog } from '../../org/index.js';
import type { Clock } from '../../platform/clock.js';
import type { OrgDirectory } from '../../org/index.js';
import { localYear, zonedToUtc } from '../../platform/calendar.js';
import { inUnitOfWork, transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import {
  incidentRecipients,
  permissionsFor,
  rolesOnIncident,
  type IncidentRecipient,
} from './incident.access.js';
import {
  dataSubjectsDueAt,
  dueDeadlineReminders,
  followingClocks,
  initialStatus,
  missingReports,
  requiredReportKinds,
  reportDueAt,
  type ClockChange,
  type DeadlineReminder,
} from './incident.clocks.js';
import {
  LIMITS,
  type AuthorityReport,
  type Category,
  type Incident,
  type IncidentNote,
  type IncidentReportInput,
  type ReportKind,
  type ReportStatus,
  type Severity,
  type Status,
} from './incident.js';

/** Storage the service needs; implemented in src/store. */
export interface IncidentRepository {
  /** Creates the incident with the next number of its year, unless this submission already created one. */
  create(incident: NewIncident, at: Date): Promise<{ incident: Incident; created: boolean }>;
  get(id: string): Promise<Incident | undefined>;
  /** The incident this reporter's submission created, if it did. */
  bySubmission(reporter: string, submissionId: string): Promise<Incident | undefined>;
  /** How many incidents the reporter has reported since `since`. */
  countReportedSince(reporter: string, since: Date): Promise<number>;
  /** Applies the change if the incident is still at `expectedVersion`; 'stale' otherwise. */
  update(
    id: string,
    expectedVersion: number,
    change: IncidentChange,
    at: Date,
  ): Promise<Incident | 'stale'>;
  notes(id: string): Promise<IncidentNote[]>;
  listByReporter(aadObjectId: string, limit: number): Promise<Incident[]>;
  listOpen(limit: number): Promise<Incident[]>;
  /** Every incident numbered in the year (INC-<year>-…), in number order. */
  listOfYear(year: number): Promise<Incident[]>;
  listWithPendingReports(): Promise<Incident[]>;
  /** Category and time of every incident numbered in the year. */
  reportedInYear(year: number): Promise<{ category: Category; reportedAt: Date }[]>;
}

export interface NewIncident extends IncidentReportInput {
  reporterAadObjectId: string;
  reporterName: string;
  tenantId: string;
  /** Token from the form card: a resent or double-clicked submit carries the same one. */
  submissionId: string;
  /** Year of the number, on the organisation's calendar. */
  year: number;
  reports: AuthorityReport[];
}

export interface IncidentChange {
  status?: Status;
  severity?: Severity;
  category?: Category;
  assignee?: { aadObjectId: string; name: string };
  endedAt?: Date;
  reports?: { kind: ReportKind; status: ReportStatus; by: string; reason?: string }[];
  addReports?: AuthorityReport[];
  /** Clocks that start, move or wait because of the change (the final report's, say). */
  clocks?: ClockChange[];
  note?: { authorAadObjectId: string; authorName: string; text: string };
}

/** The Teams side: turns these events into cards in the outbox. */
export interface IncidentNotifier {
  /** `now`: the time of the change that routes it (what the recipient may do follows from it). */
  /** The new incident's card to each of its recipients, one message each. */
  routed(incident: Incident, recipients: IncidentRecipient[], now: Date): Promise<void>;
  statusChanged(incident: Incident): Promise<void>;
  deadline(incident: Incident, reminder: DeadlineReminder): Promise<void>;
  /** Tells the coordinators, once a day per reporter, that the reporter hit the limit. */
  limitReached(reporter: Reporter, limit: SubmissionLimit, now: Date): Promise<void>;
}

/** At most `count` new reports per person in `seconds`: a form sent in a loop stops there. */
export interface SubmissionLimit {
  count: number;
  seconds: number;
}

export const SUBMISSION_LIMIT: SubmissionLimit = { count: 5, seconds: 60 };

export type ReportOutcome =
  | { kind: 'reported'; incident: Incident; created: boolean }
  | { kind: 'limited'; limit: SubmissionLimit };

/** What a use case writes through; inside a unit of work all three are bound to its transaction. */
export interface IncidentStore {
  incidents: IncidentRepository;
  audit: AuditLog;
  notifier: IncidentNotifier;
}

export interface IncidentDeps extends IncidentStore {
  org: OrgDirectory;
  clock: Clock;
  /** The incident, its audit events and its messages commit together or not at all. */
  unitOfWork: UnitOfWork<IncidentStore>;
}

export interface Reporter {
  aadObjectId: AadObjectId;
  name: string;
  tenantId: string;
}

export const reportIncident = transactional(report);

async function report(
  deps: IncidentDeps,
  reporter: Reporter,
  submissionId: string,
  input: IncidentReportInput,
): Promise<ReportOutcome> {
  const now = deps.clock.now();
  // A resent or double-clicked submit is not a new report: it gets its receipt, limit or not.
  const earlier = await deps.incidents.bySubmission(reporter.aadObjectId, submissionId);
  if (!earlier) {
    const limit = SUBMISSION_LIMIT;
    const since = new Date(now.getTime() - limit.seconds * 1000);
    if ((await deps.incidents.countReportedSince(reporter.aadObjectId, since)) >= limit.count) {
      await deps.notifier.limitReached(reporter, limit, now);
      return { kind: 'limited', limit };
    }
  }
  const reports: AuthorityReport[] = requiredReportKinds(input, deps.org).map((kind) => ({
    kind,
    dueAt: reportDueAt(kind, input.discoveredAt, deps.org.organisation.timezone),
    status: initialStatus(kind),
    decidedBy: null,
    decidedAt: null,
    reason: null,
  }));
  const result = await deps.incidents.create(
    {
      ...input,
      reporterAadObjectId: reporter.aadObjectId,
      reporterName: reporter.name,
      tenantId: reporter.tenantId,
      submissionId,
      year: localYear(now, deps.org.organisation.timezone),
      reports,
    },
    now,
  );
  if (result.created) {
    await deps.audit.record({
      at: now,
      actor: reporter.aadObjectId,
      action: 'incident.reported',
      objectType: 'incident',
      objectId: result.incident.id,
      details: {
        number: result.incident.number,
        category: input.category,
        severity: input.severity,
      },
    });
  }
  // Also after a resent submit: routing is idempotent (one message per dedupe key).
  await route(deps, result.incident);
  return { kind: 'reported', ...result };
}

async function route(deps: IncidentDeps, incident: Incident): Promise<void> {
  const now = deps.clock.now();
  await deps.notifier.routed(incident, incidentRecipients(incident, deps.org), now);
}

export type IncidentAction =
  | { type: 'take' }
  | {
      type: 'update';
      status?: Status;
      severity?: Severity;
      category?: Category;
      note?: string;
      /** When the incident ended, on the organisation's wall clock (both parts or neither). */
      ended?: { date: string; time: string };
    }
  | {
      type: 'report';
      kind: ReportKind;
      /** `required`: the answer yes to the art. 34 question (the data subjects are to be informed). */
      status: Extract<ReportStatus, 'made' | 'not-required'> | 'required';
      /** Required for not-required: the call is documented with its reasoning. */
      reason?: string;
    }
  | { type: 'note'; text: string };

export type IncidentActionResult =
  | { kind: 'ok'; incident: Incident }
  | { kind: 'unchanged'; incident: Incident }
  | { kind: 'stale'; incident: Incident }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; reason: InvalidAction };

export type InvalidAction =
  | 'note-too-long'
  | 'note-empty'
  | 'no-such-report'
  | 'reason-required'
  | 'reason-too-long'
  | 'ended-invalid'
  | 'ended-in-future'
  | 'ended-before-start';

export interface Actor {
  aadObjectId: AadObjectId;
  name: string;
}

/** One action from a card, checked against the stored incident and the clicker's identity. */
export const actOnIncident = transactional(act);

async function act(
  deps: IncidentDeps,
  actor: Actor,
  incidentId: string,
  expectedVersion: number,
  action: IncidentAction,
): Promise<IncidentActionResult> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return { kind: 'not-found' };
  const can = permissionsFor(
    rolesOnIncident(incident, actor.aadObjectId, deps.org, deps.clock.now()),
  );
  if (!can.view) return { kind: 'forbidden' };

  const change = changeFor(incident, actor, action, can, deps);
  if (change !== 'forbidden' && typeof change !== 'string' && change.reports) {
    // A yes to the art. 34 question starts its clock: informed without undue delay.
    const yes = change.reports.find((r) => r.kind === 'data-subjects' && r.status === 'pending');
    if (yes) {
      const at = deps.clock.now();
      change.clocks = [
        {
          kind: 'data-subjects',
          dueAt: dataSubjectsDueAt(at),
          status: 'pending',
          why: 'data-subjects-to-be-informed',
        },
      ];
    }
  }
  if (change === 'forbidden') return { kind: 'forbidden' };
  if (typeof change === 'string') return { kind: 'invalid', reason: change };
  if (Object.keys(change).length === 0) return { kind: 'unchanged', incident };
  // A card showing an older version must not overwrite what someone else just did.
  if (incident.version !== expectedVersion) return { kind: 'stale', incident };

  const now = deps.clock.now();
  const projected = { ...incident, ...(change.severity ? { severity: change.severity } : {}) };
  const added = missingReports(projected, deps.org);
  if (added.length > 0) change.addReports = added;
  const clocks = followingClocks(
    projectedIncident(incident, change, now),
    now,
    deps.org.organisation.timezone,
  );
  if (clocks.length > 0) change.clocks = [...(change.clocks ?? []), ...clocks];

  const updated = await deps.incidents.update(incident.id, expectedVersion, change, now);
  if (updated === 'stale') {
    const current = await deps.incidents.get(incident.id);
    return current ? { kind: 'stale', incident: current } : { kind: 'not-found' };
  }
  await auditChange(deps, actor, updated, change, now);
  if (change.status && change.status !== incident.status)
    await deps.notifier.statusChanged(updated);
  if (change.severity) await route(deps, updated);
  return { kind: 'ok', incident: updated };
}

/** When the incident ended, as the triage card gives it; undefined when left empty. */
function endedAt(
  incident: Incident,
  { date, time }: { date: string; time: string },
  deps: Pick<IncidentDeps, 'clock' | 'org'>,
): Date | undefined | 'ended-invalid' | 'ended-in-future' | 'ended-before-start' {
  if (date === '' && time === '') return undefined;
  const ended = date && time ? zonedToUtc(date, time, deps.org.organisation.timezone) : undefined;
  if (!ended) return 'ended-invalid';
  // A minute of slack for a clock that runs a little ahead on the phone.
  if (ended.getTime() > deps.clock.now().getTime() + 60_000) return 'ended-in-future';
  if (incident.startedAt && ended.getTime() < incident.startedAt.getTime())
    return 'ended-before-start';
  return ended;
}

/** The incident as it will be once `change` is applied: what the clocks follow from. */
function projectedIncident(incident: Incident, change: IncidentChange, now: Date): Incident {
  const reports = incident.reports.map((report) => {
    const decided = change.reports?.find((r) => r.kind === report.kind);
    return decided
      ? { ...report, status: decided.status, decidedBy: decided.by, decidedAt: now }
      : report;
  });
  return {
    ...incident,
    ...(change.status ? { status: change.status } : {}),
    ...(change.severity ? { severity: change.severity } : {}),
    reports: [...reports, ...(change.addReports ?? [])],
  };
}

function changeFor(
  incident: Incident,
  actor: Actor,
  action: IncidentAction,
  can: ReturnType<typeof permissionsFor>,
  deps: Pick<IncidentDeps, 'clock' | 'org'>,
): IncidentChange | 'forbidden' | InvalidAction {
  const note = (text: string | undefined): IncidentChange['note'] | 'note-too-long' | undefined => {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') return undefined;
    if (trimmed.length > LIMITS.note) return 'note-too-long';
    return { authorAadObjectId: actor.aadObjectId, authorName: actor.name, text: trimmed };
  };
  switch (action.type) {
    case 'take': {
      if (!can.triage) return 'forbidden';
      if (incident.assigneeAadObjectId === actor.aadObjectId) return {};
      return {
        assignee: { aadObjectId: actor.aadObjectId, name: actor.name },
        ...(incident.status === 'ny' ? { status: 'mottagen' as const } : {}),
      };
    }
    case 'update': {
      if (!can.triage) return 'forbidden';
      const n = note(action.note);
      if (n === 'note-too-long') return n;
      const change: IncidentChange = {};
      if (action.status && action.status !== incident.status) change.status = action.status;
      if (action.severity && action.severity !== incident.severity)
        change.severity = action.severity;
      if (action.category && action.category !== incident.category)
        change.category = action.category;
      if (action.ended) {
        const ended = endedAt(incident, action.ended, deps);
        if (typeof ended === 'string') return ended;
        if (ended && ended.getTime() !== incident.endedAt?.getTime()) change.endedAt = ended;
      }
      if (n) change.note = n;
      return change;
    }
    case 'report': {
      if (!can.decideReport(action.kind)) return 'forbidden';
      const report = incident.reports.find((r) => r.kind === action.kind);
      if (!report) return 'no-such-report';
      if (action.status === 'required') {
        // Only the art. 34 question is answered yes, and only while it waits for its answer.
        if (report.kind !== 'data-subjects') return 'no-such-report';
        if (report.status !== 'waiting') return {};
        return { reports: [{ kind: report.kind, status: 'pending', by: actor.aadObjectId }] };
      }
      const status = action.status;
      if (report.status === status) return {};
      const reason = action.reason?.trim() ?? '';
      if (action.status === 'not-required') {
        // GDPR art. 33.5: a breach that is not reported is documented with the reasoning.
        if (reason === '') return 'reason-required';
        if (reason.length > LIMITS.reason) return 'reason-too-long';
      }
      // "Not a significant incident" ends every CSIRT clock at once.
      const kinds =
        action.kind.startsWith('csirt') && action.status === 'not-required'
          ? incident.reports
              .filter((r) => r.kind.startsWith('csirt') && r.status !== 'made')
              .map((r) => r.kind)
          : [action.kind];
      return {
        reports: kinds.map((kind) => ({
          kind,
          status,
          by: actor.aadObjectId,
          ...(status === 'not-required' ? { reason } : {}),
        })),
      };
    }
    case 'note': {
      if (!can.addNote) return 'forbidden';
      const n = note(action.text);
      if (n === 'note-too-long') return n;
      if (!n) return 'note-empty';
      return { note: n };
    }
  }
}

async function auditChange(
  deps: IncidentDeps,
  actor: Actor,
  incident: Incident,
  change: IncidentChange,
  at: Date,
): Promise<void> {
  const record = (action: string, details: Record<string, string>) =>
    deps.audit.record({
      at,
      actor: actor.aadObjectId,
      action,
      objectType: 'incident',
      objectId: incident.id,
      details,
    });
  if (change.assignee) await record('incident.taken', { by: actor.aadObjectId });
  if (change.status) await record('incident.status', { to: change.status });
  if (change.severity) await record('incident.severity', { to: change.severity });
  if (change.category) await record('incident.category', { to: change.category });
  if (change.endedAt) await record('incident.ended', { at: change.endedAt.toISOString() });
  for (const report of change.reports ?? [])
    await record('incident.report', {
      kind: report.kind,
      to: report.status,
      ...(report.reason ? { reason: report.reason } : {}),
    });
  for (const report of change.addReports ?? [])
    await record('incident.clock-started', { kind: report.kind });
  for (const clock of change.clocks ?? [])
    await record('incident.clock', {
      kind: clock.kind,
      to: clock.status,
      why: clock.why,
      due: clock.dueAt.toISOString(),
    });
  if (change.note) await record('incident.note', {});
}

/**
 * Reminds the responsible people of every authority report whose clock runs, after
 * moving the clocks that time itself moves (a lägesrapport instead of the final
 * report when the incident is still being handled as the final report falls due).
 */
export async function remindDeadlines(deps: IncidentDeps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const listed of await deps.incidents.listWithPendingReports()) {
    const incident = await advanceClocks(deps, listed, now);
    if (!incident) continue;
    for (const reminder of dueDeadlineReminders(incident, deps.org, now)) {
      await deps.notifier.deadline(incident, reminder);
      sent++;
    }
  }
  return sent;
}

/**
 * Applies the clock changes time has brought, with their audit events, in one unit of
 * work. When someone changed the incident meanwhile, their change moved the clocks;
 * the incident is read again.
 */
async function advanceClocks(
  deps: IncidentDeps,
  incident: Incident,
  now: Date,
): Promise<Incident | undefined> {
  const clocks = followingClocks(incident, now, deps.org.organisation.timezone);
  if (clocks.length === 0) return incident;
  const updated = await inUnitOfWork(deps, async (tx) => {
    const result = await tx.incidents.update(incident.id, incident.version, { clocks }, now);
    if (result === 'stale') return undefined;
    for (const clock of clocks) {
      await tx.audit.record({
        at: now,
        actor: 'system',
        action: 'incident.clock',
        objectType: 'incident',
        objectId: incident.id,
        details: {
          kind: clock.kind,
          to: clock.status,
          why: clock.why,
          due: clock.dueAt.toISOString(),
        },
      });
    }
    return result;
  });
  return updated ?? deps.incidents.get(incident.id);
}

/** The incident if this person may see it. */
export async function viewIncident(
  deps: Pick<IncidentDeps, 'incidents' | 'org' | 'clock'>,
  viewerAadObjectId: string,
  incidentId: string,
): Promise<Incident | 'forbidden' | 'not-found'> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return 'not-found';
  const roles = rolesOnIncident(incident, viewerAadObjectId, deps.org, deps.clock.now());
  if (!permissionsFor(roles).view) return 'forbidden';
  return incident;
}
