import type { OrgDirectory } from '../../org/index.js';
import type { Person } from '../../org/index.js';
import type { Incident, ReportKind } from './incident.js';

/**
 * Why someone may see an incident. A person can hold several of these at once.
 * - personuppgiftsansvarig: acts for the nämnd that owns the system on personal-data
 *   breaches; decides whether IMY is notified (GDPR art. 33)
 * - dataskyddsombud: informed, advises (art. 39), decides nothing
 * - ersattare: the kommunchef's stand-in, called in when a CSIRT call is still open
 *   near its deadline; may then make it
 */
export type IncidentRole =
  | 'reporter'
  | 'sakerhetssamordnare'
  | 'systemOwner'
  | 'personuppgiftsansvarig'
  | 'dataskyddsombud'
  | 'kommunchef'
  | 'ersattare';

const HOUR = 3_600_000;

export function involvesPersonalData(incident: Pick<Incident, 'personalData'>): boolean {
  return incident.personalData !== 'nej';
}

/** The kommunchef is told when it is serious or a samhällsviktigt system is hit. */
export function concernsKommunchef(
  incident: Pick<Incident, 'severity' | 'systemId'>,
  org: OrgDirectory,
): boolean {
  const system = incident.systemId ? org.systemById(incident.systemId) : undefined;
  return (
    incident.severity === 'hog' ||
    incident.severity === 'kritisk' ||
    system?.samhallsviktigt === true
  );
}

/**
 * Whether the kommunchef's ersättare is called in: a CSIRT report that concerns the
 * kommunchef is still open within the ersättare's hours of its deadline (or past it).
 */
export function ersattareCalledIn(incident: Incident, org: OrgDirectory, now: Date): boolean {
  const standIn = org.ersattare();
  if (!standIn || !concernsKommunchef(incident, org)) return false;
  const from = now.getTime() + standIn.hoursBeforeDeadline * HOUR;
  return incident.reports.some(
    (r) => r.kind.startsWith('csirt') && r.status === 'pending' && r.dueAt.getTime() <= from,
  );
}

/**
 * Roles come from stored state, the organisation file and the time (the ersättare's
 * window); never from card data.
 */
export function rolesOnIncident(
  incident: Incident,
  viewerAadObjectId: string,
  org: OrgDirectory,
  now: Date,
): IncidentRole[] {
  const roles: IncidentRole[] = [];
  const aad = viewerAadObjectId.toLowerCase();
  if (incident.reporterAadObjectId === aad) roles.push('reporter');
  const person = org.personByAadObjectId(aad);
  if (!person) return roles;
  if (org.isSakerhetssamordnare(person.id)) roles.push('sakerhetssamordnare');
  if (incident.systemId && org.systemById(incident.systemId)?.owner === person.id)
    roles.push('systemOwner');
  if (involvesPersonalData(incident) && org.breachDecider(incident.systemId).id === person.id)
    roles.push('personuppgiftsansvarig');
  if (org.dataskyddsombud().id === person.id && involvesPersonalData(incident))
    roles.push('dataskyddsombud');
  if (org.kommunchef().id === person.id) roles.push('kommunchef');
  if (org.ersattare()?.person.id === person.id && !roles.includes('kommunchef')) {
    // Once called in, the ersättare keeps seeing the case they acted on.
    const actedOn = incident.reports.some(
      (r) => r.kind.startsWith('csirt') && r.decidedBy === person.aadObjectId,
    );
    if (actedOn || ersattareCalledIn(incident, org, now)) roles.push('ersattare');
  }
  return roles;
}

export interface IncidentPermissions {
  view: boolean;
  triage: boolean;
  addNote: boolean;
  decideReport: (kind: ReportKind) => boolean;
}

export function permissionsFor(roles: IncidentRole[]): IncidentPermissions {
  const has = (role: IncidentRole) => roles.includes(role);
  const coordinator = has('sakerhetssamordnare');
  return {
    view: roles.length > 0,
    triage: coordinator,
    addNote: roles.some((r) => r !== 'reporter'),
    decideReport: (kind) =>
      coordinator ||
      (kind === 'imy' || kind === 'data-subjects'
        ? has('personuppgiftsansvarig')
        : has('kommunchef') || has('ersattare')),
  };
}

export interface IncidentRecipient {
  person: Person;
  /** The most specific reason this person is told, for the card's wording. */
  role: Exclude<IncidentRole, 'reporter'>;
}

/**
 * Who is told about an incident in its current state: one entry per person, with the
 * role that asks most of them. The ersättare is not told at once: the deadline
 * reminders call them in.
 */
export function incidentRecipients(incident: Incident, org: OrgDirectory): IncidentRecipient[] {
  const recipients = new Map<string, IncidentRecipient>();
  const add = (person: Person | undefined, role: IncidentRecipient['role']) => {
    if (person && !recipients.has(person.id)) recipients.set(person.id, { person, role });
  };
  for (const coordinator of org.sakerhetssamordnare()) add(coordinator, 'sakerhetssamordnare');
  if (involvesPersonalData(incident))
    add(org.breachDecider(incident.systemId), 'personuppgiftsansvarig');
  if (incident.systemId)
    add(org.personById(org.systemById(incident.systemId)?.owner ?? ''), 'systemOwner');
  if (involvesPersonalData(incident)) add(org.dataskyddsombud(), 'dataskyddsombud');
  if (concernsKommunchef(incident, org)) add(org.kommunchef(), 'kommunchef');
  return [...recipients.values()];
}
