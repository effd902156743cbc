import { describe, expect, it } from 'vitest';
import { loadOrganisationFile } from '../../src/org/org.load.js';
import { OrgFileError, parseOrganisation } from '../../src/org/domain/org.parse.js';
import { fromRoot } from '../../src/platform/paths.js';

const FILE = 'config/org.yaml';
const BASE = `organisation: Testby kommun
tenantId: 00000000-0000-0000-0000-000000000001
timezone: Europe/Stockholm
people:
  - id: karin
    name: Karin Lund
    aadObjectId: 00000000-0000-0000-0000-0000000000a1
roles:
  kommunchef: karin
  sakerhetssamordnare: [karin]
  dataskyddsombud: karin
`;
const GOAL = `goals:
  - id: mal-1
    year: 2026
    title: Utbildning
    what: Alla går utbildningen
    deadline: 2026-11-30
    responsible: karin
    resources: 10 timmar
    followUp: [2026-04-15, 2026-09-15]
    staffInformation: Intranätet
`;

function problems(text: string): string[] {
  try {
    parseOrganisation(text, FILE);
  } catch (error) {
    if (error instanceof OrgFileError) return error.message.split('\n').slice(1);
    throw error;
  }
  throw new Error('expected the organisation file to be rejected');
}

describe('organisation file: the optional goals section', () => {
  it('is optional, and read when present', () => {
    expect(parseOrganisation(BASE, FILE).goals).toEqual([]);
    const [goal] = parseOrganisation(BASE + GOAL, FILE).goals ?? [];
    expect(goal).toMatchObject({ id: 'mal-1', year: 2026, followUp: ['2026-04-15', '2026-09-15'] });
  });

  it('names the line and key of a responsible person who is not in people, a follow-up after the deadline and an unknown key', () => {
    const text =
      BASE +
      GOAL.replace('responsible: karin', 'responsible: lasse')
        .replace('2026-09-15]', '2026-12-15]')
        .replace('    resources:', '    budget: 5\n    resources:');
    expect(problems(text)).toEqual([
      `  ${FILE}:18 goals[0].responsible: "lasse" names no person in people`,
      `  ${FILE}:19 goals[0].budget: unknown key "budget"; allowed keys: id, year, title, what, deadline, responsible, resources, followUp, reporting, staffInformation`,
      `  ${FILE}:21 goals[0].followUp[1]: 2026-12-15 is after the goal's deadline 2026-11-30`,
    ]);
  });

  it('has example goals for 2026 and 2027 in config/org.example.yaml', () => {
    const goals = loadOrganisationFile(fromRoot('config', 'org.example.yaml')).goals ?? [];
    expect(new Set(goals.map((g) => g.year))).toEqual(new Set([2026, 2027]));
  });
});
