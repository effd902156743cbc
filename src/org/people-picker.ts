import type { OrgDirectory } from './domain/org.directory.js';
import type { Organisation, Person } from './domain/org.js';
import { MAX_SEARCH_CHOICES, type SearchChoice } from '../platform/teams/card-search.js';

/** The dataset of the people pickers (approval delegates, proposed owners, measure owners). */
export const PEOPLE_DATASET = 'people';

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function personChoice(person: Person): SearchChoice {
  return {
    title: person.title ? `${person.name} (${person.title})` : person.name,
    value: person.id,
  };
}

/**
 * The people of the organisation file whose name or title holds every word typed
 * (å/ä/ö or not, any case), names that begin with it first; never the `excluded`.
 */
export function searchPeople(
  org: Organisation,
  excluded: (string | undefined)[],
  query: string,
  top: number,
): SearchChoice[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: { person: Person; starts: boolean }[] = [];
  for (const person of org.people) {
    if (excluded.includes(person.aadObjectId.toLowerCase())) continue;
    const name = folded(person.name);
    const text = `${name} ${folded(person.title ?? '')}`;
    if (words.every((w) => text.includes(w)))
      hits.push({ person, starts: name.startsWith(words[0]!) });
  }
  return hits
    .sort(
      (a, b) =>
        Number(b.starts) - Number(a.starts) || a.person.name.localeCompare(b.person.name, 'sv'),
    )
    .slice(0, top)
    .map((h) => personChoice(h.person));
}

/**
 * Who the card offers without typing: the people who already decide or answer for
 * something (kommunchef, ersättare, säkerhetssamordnare, dataskyddsombud, owners of
 * systems and documents, those who act for a nämnd), at most what a picker shows.
 * Anyone else is found by typing; a list of the whole municipality would not fit a card.
 */
export function peopleWithRoles(directory: OrgDirectory, excluded: string[]): Person[] {
  const org = directory.organisation;
  const ids = [
    org.roles.kommunchef,
    org.roles.ersattare,
    ...org.roles.sakerhetssamordnare,
    org.roles.dataskyddsombud,
    ...org.systems.map((s) => s.owner),
    ...org.documents.map((d) => d.owner),
    ...(org.committees ?? []).map((c) => c.breachDecider),
  ];
  const people: Person[] = [];
  for (const id of new Set(ids)) {
    const person = id ? directory.personById(id) : undefined;
    if (person && !excluded.includes(person.aadObjectId.toLowerCase())) people.push(person);
    if (people.length === MAX_SEARCH_CHOICES) break;
  }
  return people;
}

/**
 * The person picked in a people picker (delegate, proposed owner). A choice the card
 * listed comes as its value (the person's id); one the typeahead search found comes,
 * from Microsoft's own card renderer, as its title ("Anna Andersson (Handläggare)"),
 * which names one person only if nobody else has the same name and title.
 */
export function pickedPersonId(org: Organisation, picked: string): string {
  if (org.people.some((p) => p.id === picked)) return picked;
  const titled = org.people.filter((p) => personChoice(p).title === picked.trim());
  return titled.length === 1 ? titled[0]!.id : picked;
}
