import type {
  Committee,
  GoverningDocument,
  ItSystem,
  Organisation,
  Person,
  RoleName,
} from './org.js';

/** Hours before a CSIRT deadline with no decision when the ersättare is called in, unless the file says. */
export const DEFAULT_ERSATTARE_HOURS = 4;

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
  /** The kommunchef's ersättare for the CSIRT calls, if the file names one. */
  ersattare(): { person: Person; hoursBeforeDeadline: number } | undefined;
  /** The committee (nämnd) that is personuppgiftsansvarig for the system, if the file says. */
  committeeOf(systemId: string | null): Committee | undefined;
  /**
   * Who acts for the personuppgiftsansvarig on a personal-data breach in this system:
   * its committee's `breachDecider`; for a system with no committee, or none known,
   * the kommunchef (for kommunstyrelsen).
   */
  breachDecider(systemId: string | null): Person;
}

/**
 * The people by id and by Entra object id, made once per list of people. A concluded
 * approval changes systems, documents or goals, never the people, and the register is
 * built again after each one: with 10 000 people that was most of a decision's time.
 */
const peopleIndexes = new WeakMap<
  readonly Person[],
  { people: Map<string, Person>; byAad: Map<string, Person> }
>();

function peopleIndex(list: readonly Person[]) {
  let index = peopleIndexes.get(list);
  if (!index) {
    index = {
      people: new Map(list.map((p) => [p.id, p])),
      byAad: new Map<string, Person>(list.map((p) => [p.aadObjectId, p])),
    };
    peopleIndexes.set(list, index);
  }
  return index;
}

export function createOrgDirectory(org: Organisation): OrgDirectory {
  const { people, byAad } = peopleIndex(org.people);
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
  const ersattare = org.roles.ersattare ? people.get(org.roles.ersattare) : undefined;
  const committees = new Map((org.committees ?? []).map((c) => [c.id, c]));
  const committeeOf = (systemId: string | null) => {
    const id = systemId ? systems.get(systemId)?.committee : undefined;
    return id ? committees.get(id) : undefined;
  };

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
    ersattare: () =>
      ersattare && {
        person: ersattare,
        hoursBeforeDeadline: org.roles.ersattareHoursBeforeDeadline ?? DEFAULT_ERSATTARE_HOURS,
      },
    committeeOf,
    breachDecider: (systemId) => {
      const decider = committeeOf(systemId)?.breachDecider;
      return (decider ? people.get(decider) : undefined) ?? kommunchef;
    },
  };
}
