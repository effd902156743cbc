import type { GoverningDocument, ItSystem, Organisation, Person, RoleName } from './org.js';

/** Read-only lookups over a validated organisation, with maps built once. */
export interface OrgDirectory {
  readonly organisation: Organisation;
  personById(id: string): Person | undefined;
  /** Case-insensitive: Teams and Entra ID do not agree on GUID case. */
  personByAadObjectId(aadObjectId: string): Person | undefined;
  rolesOf(personId: string): RoleName[];
  isSakerhetssamordnare(personId: string): boolean;
  systemById(id: string): ItSystem | undefined;
  systemsOwnedBy(personId: string): ItSystem[];
  documentById(id: string): GoverningDocument | undefined;
  kommunchef(): Person;
  sakerhetssamordnare(): Person[];
  dataskyddsombud(): Person;
}

export function createOrgDirectory(org: Organisation): OrgDirectory {
  const people = new Map(org.people.map((p) => [p.id, p]));
  const byAad = new Map<string, Person>(org.people.map((p) => [p.aadObjectId, p]));
  const systems = new Map(org.systems.map((s) => [s.id, s]));
  const documents = new Map(org.documents.map((d) => [d.id, d]));

  const owned = new Map<string, ItSystem[]>();
  for (const system of org.systems) {
    owned.set(system.owner, [...(owned.get(system.owner) ?? []), system]);
  }

  const roles = new Map<string, RoleName[]>();
  const grant = (personId: string, role: RoleName): void => {
    const held = roles.get(personId) ?? [];
    if (!held.includes(role)) roles.set(personId, [...held, role]);
  };
  grant(org.roles.kommunchef, 'kommunchef');
  for (const id of org.roles.sakerhetssamordnare) grant(id, 'sakerhetssamordnare');
  grant(org.roles.dataskyddsombud, 'dataskyddsombud');

  // The parser guarantees role holders exist; this guards hand-built organisations.
  const mustFind = (id: string, role: RoleName): Person => {
    const person = people.get(id);
    if (!person) throw new Error(`Role ${role} names "${id}", who is not in people`);
    return person;
  };
  const kommunchef = mustFind(org.roles.kommunchef, 'kommunchef');
  const coordinators = org.roles.sakerhetssamordnare.map((id) =>
    mustFind(id, 'sakerhetssamordnare'),
  );
  const dataskyddsombud = mustFind(org.roles.dataskyddsombud, 'dataskyddsombud');

  return {
    organisation: org,
    personById: (id) => people.get(id),
    personByAadObjectId: (aad) => byAad.get(aad.trim().toLowerCase()),
    // Copies, so a caller cannot change the directory's state.
    rolesOf: (personId) => [...(roles.get(personId) ?? [])],
    isSakerhetssamordnare: (personId) => org.roles.sakerhetssamordnare.includes(personId),
    systemById: (id) => systems.get(id),
    systemsOwnedBy: (personId) => [...(owned.get(personId) ?? [])],
    documentById: (id) => documents.get(id),
    kommunchef: () => kommunchef,
    sakerhetssamordnare: () => [...coordinators],
    dataskyddsombud: () => dataskyddsombud,
  };
}
