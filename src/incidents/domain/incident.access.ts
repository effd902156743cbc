import type { OrgDirectory } from '../../org/index.js';
import type { Person } from '../../org/index.js';
import type { Incident, ReportKind } from './incident.js';

/** Why someone may see an incident. A person can hold several of these at once. */
export type IncidentRole =
  'reporter' | 'sakerhetssamordnare' | 'systemOwner' | 'dataskyddsombud' | 'kommunchef';

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

/** Roles come from stored state and the organisation file; never from card data. */
export function rolesOnIncident(
  incident: Incident,
  viewerAadObjectId: string,
  org: OrgDirectory,
): IncidentRole[] {
  const roles: IncidentRole[] = [];
  const aad = viewerAadObjectId.toLowerCase();
  if (incident.reporterAadObjectId === aad) roles.push('reporter');
  const person = org.personByAadObjectId(aad);
  if (!person) return roles;
  if (org.isSakerhetssamordnare(person.id)) roles.push('sakerhetssamordnare');
  if (incident.systemId && org.systemById(incident.systemId)?.owner === person.id)
    roles.push('systemOwner');
  if (org.dataskyddsombud().id === person.id && involvesPersonalData(incident))
    roles.push('dataskyddsombud');
  if (org.kommunchef().id === person.id) roles.push('kommunchef');
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
    addNote: coordinator || has('systemOwner') || has('dataskyddsombud') || has('kommunchef'),
    decideReport: (kind) =>
      coordinator || (kind === 'imy' ? has('dataskyddsombud') : has('kommunchef')),
  };
}

export interface IncidentRecipient {
  person: Person;
  /** The most specific reason this person is told, for the card's wording. */
  role: Exclude<IncidentRole, 'reporter'>;
}

/** Who is told about an incident in its current state: one entry per person. */
export function incidentRecipients(incident: Incident, org: OrgDirectory): IncidentRecipient[] {
  const recipients = new Map<string, IncidentRecipient>();
  const add = (person: Person | undefined, role: IncidentRecipient['role']) => {
    if (person && !recipients.has(person.id)) recipients.set(person.id, { person, role });
  };
  for (const coordinator of org.sakerhetssamordnare()) add(coordinator, 'sakerhetssamordnare');
  if (incident.systemId)
    add(org.personById(org.systemById(incident.systemId)?.owner ?? ''), 'systemOwner');
  if (involvesPersonalData(incident)) add(org.dataskyddsombud(), 'dataskyddsombud');
  if (concernsKommunchef(incident, org)) add(org.kommunchef(), 'kommunchef');
  return [...recipients.values()];
}
