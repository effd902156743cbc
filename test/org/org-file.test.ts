import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrgDirectory } from '../../src/org/domain/org.directory.js';
import { loadOrganisationFile } from '../../src/org/org.load.js';
import { OrgFileError, parseOrganisation } from '../../src/org/domain/org.parse.js';
import type { OrgFileProblem } from '../../src/org/domain/org.parse.js';
import { fromRoot } from '../../src/platform/paths.js';

const FILE = 'config/org.yaml';

/** A small valid organisation; each test breaks one thing in it. */
const VALID = `organisation: Testby kommun
tenantId: 00000000-0000-0000-0000-000000000001
timezone: Europe/Stockholm
people:
  - id: karin
    name: Karin Lund
    aadObjectId: 00000000-0000-0000-0000-0000000000a1
  - id: lars
    name: Lars Berg
    aadObjectId: 00000000-0000-0000-0000-0000000000a2
  - id: olof
    name: Olof Strand
    aadObjectId: 00000000-0000-0000-0000-0000000000a5
roles:
  kommunchef: karin
  sakerhetssamordnare: [lars]
  dataskyddsombud: olof
systems:
  - id: ekonomi
    name: Ekonomisystemet
    owner: olof
    samhallsviktigt: false
  - id: vard
    name: Vårdsystemet
    owner: olof
    samhallsviktigt: true
documents:
  - id: it-sakerhetspolicy
    title: IT-säkerhetspolicy
    type: policy
    owner: karin
    approvedAt: 2013-12-16
    reviewEveryMonths: 12
  - id: ssp-vard
    title: Systemsäkerhetsplan vård
    type: systemsakerhetsplan
    system: vard
    owner: olof
    approvedAt: '2025-09-15'
    reviewEveryMonths: 12
`;

/** Replaces exactly one occurrence, so a typo in a test cannot silently test nothing. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the only line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${needle}" must be on exactly one line`);
  return hits[0] as number;
}

function failure(text: string): OrgFileError {
  try {
    parseOrganisation(text, FILE);
  } catch (err) {
    if (err instanceof OrgFileError) return err;
    throw err;
  }
  throw new Error('expected the organisation file to be rejected');
}

function onlyProblem(text: string): OrgFileProblem {
  const error = failure(text);
  expect(error.problems).toHaveLength(1);
  return error.problems[0] as OrgFileProblem;
}

describe('organisation file: valid input', () => {
  it('accepts the small valid file, with quoted and unquoted dates', () => {
    const org = parseOrganisation(VALID, FILE);
    expect(org.documents.map((d) => d.approvedAt)).toEqual(['2013-12-16', '2025-09-15']);
    expect(org.roles.sakerhetssamordnare).toEqual(['lars']);
  });

  it('accepts a single säkerhetssamordnare written as a string and makes it a list', () => {
    const org = parseOrganisation(edit(VALID, '[lars]', 'lars'), FILE);
    expect(org.roles.sakerhetssamordnare).toEqual(['lars']);
  });

  it('infers the document type when it is left out, as in the contract example', () => {
    let text = edit(VALID, '    type: policy\n', '');
    text = edit(text, '    type: systemsakerhetsplan\n', '');
    const org = parseOrganisation(text, FILE);
    expect(org.documents.map((d) => d.type)).toEqual(['policy', 'systemsakerhetsplan']);
  });
});

/** VALID with the optional committees and the kommunchef's ersättare. */
const WITH_COMMITTEES = edit(
  edit(
    edit(VALID, '  dataskyddsombud: olof\n', '  dataskyddsombud: olof\n  ersattare: lars\n'),
    'systems:\n',
    'committees:\n  - id: socialnamnden\n    name: Socialnämnden\n    breachDecider: olof\nsystems:\n',
  ),
  '    samhallsviktigt: true\n',
  '    samhallsviktigt: true\n    committee: socialnamnden\n',
);

describe('organisation file: committees and the ersättare', () => {
  it('names who decides on IMY per system: its nämnd’s decider, else the kommunchef', () => {
    const org = createOrgDirectory(parseOrganisation(WITH_COMMITTEES, FILE));
    expect(org.breachDecider('vard').id).toBe('olof');
    expect(org.breachDecider('ekonomi').id).toBe('karin');
    expect(org.breachDecider(null).id).toBe('karin');
    expect(org.ersattare()).toEqual({ person: org.personById('lars'), hoursBeforeDeadline: 4 });
  });

  it('still loads a file without them: the kommunchef decides, nobody stands in', () => {
    const org = createOrgDirectory(parseOrganisation(VALID, FILE));
    expect(org.breachDecider('vard').id).toBe('karin');
    expect(org.ersattare()).toBeUndefined();
  });

  it.each([
    [
      'a system naming no committee',
      ['committee: socialnamnden', 'committee: kommunfullmaktige'],
      'systems[1].committee',
      '"kommunfullmaktige" names no committee in committees',
    ],
    [
      'a decider naming no person',
      ['breachDecider: olof', 'breachDecider: sven'],
      'committees[0].breachDecider',
      '"sven" names no person in people',
    ],
    [
      'an ersättare naming no person',
      ['ersattare: lars', 'ersattare: sven'],
      'roles.ersattare',
      '"sven" names no person in people',
    ],
    [
      'the kommunchef as her own ersättare',
      ['ersattare: lars', 'ersattare: karin'],
      'roles.ersattare',
      'must be someone other than the kommunchef',
    ],
    [
      'an unknown key in a committee',
      ['    breachDecider: olof\n', '    breachDecider: olof\n    chair: olof\n'],
      'committees[0].chair',
      'chair',
    ],
  ])('reports %s', (_case, [from, to], path, message) => {
    const problem = onlyProblem(edit(WITH_COMMITTEES, from!, to!));
    expect(problem.path).toBe(path);
    expect(problem.message).toContain(message);
  });
});

describe('organisation file: the authorities’ names', () => {
  const named = (section: string) => edit(VALID, 'systems:\n', `${section}systems:\n`);

  it('keeps the names the file gives, and leaves them out when it gives none', () => {
    const org = parseOrganisation(
      named(
        'authorities:\n  csirt: CERT-SE (MCF)\n  dataProtection: Integritetsskyddsmyndigheten\n',
      ),
      FILE,
    );
    expect(org.authorities).toEqual({
      csirt: 'CERT-SE (MCF)',
      dataProtection: 'Integritetsskyddsmyndigheten',
    });
    expect(parseOrganisation(VALID, FILE).authorities).toBeUndefined();
  });

  it.each([
    ['an unknown authority', 'authorities:\n  police: Polisen\n', 'authorities.police'],
    ['an empty name', "authorities:\n  csirt: ''\n", 'authorities.csirt'],
    ['a name of 61 characters', `authorities:\n  csirt: ${'C'.repeat(61)}\n`, 'authorities.csirt'],
  ])('reports %s with its key', (_case, section, path) => {
    expect(onlyProblem(named(section)).path).toBe(path);
  });
});

describe('organisation file: each kind of mistake names file, line, key and problem', () => {
  it('reports a role that names no person', () => {
    const text = edit(VALID, 'kommunchef: karin', 'kommunchef: kalle');
    const error = failure(text);
    expect(error.problems).toEqual([
      {
        path: 'roles.kommunchef',
        line: lineOf(text, 'kalle'),
        message: '"kalle" names no person in people',
      },
    ]);
    expect(error.message).toContain(
      `${FILE}:${lineOf(text, 'kalle')} roles.kommunchef: "kalle" names no person in people`,
    );
  });

  it('reports each säkerhetssamordnare that names no person', () => {
    const text = edit(VALID, '[lars]', '[lars, sven]');
    const problem = onlyProblem(text);
    expect(problem.path).toBe('roles.sakerhetssamordnare[1]');
    expect(problem.message).toContain('"sven" names no person');
  });

  it('reports an empty säkerhetssamordnare list', () => {
    const problem = onlyProblem(edit(VALID, '[lars]', '[]'));
    expect(problem.path).toBe('roles.sakerhetssamordnare');
    expect(problem.message).toMatch(/at least one person/);
  });

  it('reports a system owner that names no person', () => {
    const text = edit(
      VALID,
      '    owner: olof\n    samhallsviktigt: true',
      '    owner: olle\n    samhallsviktigt: true',
    );
    const error = failure(text);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain(
      `${FILE}:${lineOf(text, 'olle')} systems[1].owner: "olle" names no person in people`,
    );
  });

  it('reports a document owner that names no person', () => {
    const text = edit(VALID, 'owner: karin', 'owner: kerstin');
    const error = failure(text);
    expect(error.message).toContain(
      `${FILE}:${lineOf(text, 'kerstin')} documents[0].owner: "kerstin" names no person in people`,
    );
  });

  it('reports a document system that names no system', () => {
    const text = edit(VALID, 'system: vard', 'system: vatten');
    const problem = onlyProblem(text);
    expect(problem).toEqual({
      path: 'documents[1].system',
      line: lineOf(text, 'vatten'),
      message: '"vatten" names no system in systems',
    });
  });

  it('reports a systemsäkerhetsplan without a system', () => {
    const text = edit(VALID, '    system: vard\n', '');
    const problem = onlyProblem(text);
    expect(problem.path).toBe('documents[1]');
    expect(problem.line).toBe(lineOf(text, 'id: ssp-vard'));
    expect(problem.message).toMatch(/systemsakerhetsplan must name the system/);
  });

  it('reports a duplicate person id', () => {
    const text = edit(VALID, 'id: lars', 'id: karin');
    const error = failure(text);
    const line = lineOf(text, 'Lars Berg') - 1;
    expect(error.problems).toContainEqual({
      path: 'people[1].id',
      line,
      message: 'duplicate id "karin", already used by people[0]',
    });
    expect(error.message).toContain(`${FILE}:${line} people[1].id: duplicate id "karin"`);
  });

  it('reports a duplicate system id', () => {
    const text = edit(VALID, 'id: vard', 'id: ekonomi');
    const error = failure(text);
    expect(error.problems).toContainEqual({
      path: 'systems[1].id',
      line: lineOf(text, 'Vårdsystemet') - 1,
      message: 'duplicate id "ekonomi", already used by systems[0]',
    });
  });

  it('reports a duplicate document id', () => {
    const problem = onlyProblem(edit(VALID, 'id: ssp-vard', 'id: it-sakerhetspolicy'));
    expect(problem.path).toBe('documents[1].id');
    expect(problem.message).toMatch(/duplicate id "it-sakerhetspolicy"/);
  });

  it('reports a duplicate aadObjectId, ignoring GUID case', () => {
    const text = edit(VALID, '0000000000a2', '0000000000A1');
    const problem = onlyProblem(text);
    expect(problem).toEqual({
      path: 'people[1].aadObjectId',
      line: lineOf(text, '0000000000A1'),
      message:
        'duplicate aadObjectId "00000000-0000-0000-0000-0000000000A1", already used by people[0]',
    });
  });

  it('reports a date that is not on the calendar, quoted or not', () => {
    for (const date of ['2025-02-30', "'2025-02-30'", '2025-13-01', '16/12/2013']) {
      const text = edit(VALID, "'2025-09-15'", date);
      const problem = onlyProblem(text);
      expect(problem.path).toBe('documents[1].approvedAt');
      expect(problem.line).toBe(lineOf(text, 'approvedAt: ' + date));
      expect(problem.message).toMatch(/real calendar date written YYYY-MM-DD/);
    }
  });

  it('reports an aadObjectId or tenantId that is not a GUID', () => {
    let text = edit(VALID, '00000000-0000-0000-0000-0000000000a5', 'olof.strand@example.se');
    text = edit(
      text,
      'tenantId: 00000000-0000-0000-0000-000000000001',
      'tenantId: testby.onmicrosoft.com',
    );
    const error = failure(text);
    expect(error.problems.map((p) => [p.path, p.line])).toEqual([
      ['tenantId', 2],
      ['people[2].aadObjectId', lineOf(text, 'olof.strand@')],
    ]);
    expect(error.message).toContain(`${FILE}:2 tenantId: must be a GUID`);
  });

  it('rejects an unknown key and suggests the intended one', () => {
    const text = edit(VALID, 'samhallsviktigt: true', 'samhällsviktigt: true');
    const error = failure(text);
    expect(error.problems).toContainEqual({
      path: 'systems[1].samhällsviktigt',
      line: lineOf(text, 'samhällsviktigt'),
      message: 'unknown key "samhällsviktigt"; did you mean "samhallsviktigt"?',
    });
    // The real key is then missing as well.
    expect(error.problems.map((p) => p.path)).toContain('systems[1].samhallsviktigt');
  });

  it('rejects an unknown key at the top level and lists the allowed keys', () => {
    const text = edit(
      VALID,
      'timezone: Europe/Stockholm',
      'timezone: Europe/Stockholm\nlanguage: sv',
    );
    const problem = onlyProblem(text);
    expect(problem.path).toBe('language');
    expect(problem.line).toBe(4);
    expect(problem.message).toMatch(
      /unknown key "language"; allowed keys: organisation, tenantId, timezone/,
    );
  });

  it('reports invalid YAML with its line', () => {
    const text = edit(VALID, '[lars]', '[lars');
    const error = failure(text);
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]?.message).toMatch(/^invalid YAML/);
    expect(error.problems[0]?.line).toBeGreaterThanOrEqual(lineOf(text, '[lars'));
    expect(error.message).toMatch(new RegExp(`^Organisation file ${FILE} has`));
    expect(error.message).toMatch(new RegExp(`${FILE}:\\d+: invalid YAML`));
  });

  it('reports a key written twice as invalid YAML', () => {
    const text = edit(VALID, 'kommunchef: karin', 'kommunchef: karin\n  kommunchef: lars');
    const problem = onlyProblem(text);
    expect(problem.line).toBe(lineOf(text, 'kommunchef: lars'));
    expect(problem.message).toMatch(/invalid YAML.*unique/);
  });

  it('reports a missing required key at the object that lacks it', () => {
    const text = edit(VALID, '    name: Lars Berg\n', '');
    const problem = onlyProblem(text);
    expect(problem).toEqual({
      path: 'people[1].name',
      line: lineOf(text, 'id: lars'),
      message: 'is required but missing',
    });
    expect(failure(text).message).toContain(
      `${FILE}:${lineOf(text, 'id: lars')} people[1].name: is required but missing`,
    );
  });

  it('reports a value of the wrong kind in plain words', () => {
    const text = edit(VALID, 'samhallsviktigt: false', 'samhallsviktigt: ja');
    expect(onlyProblem(text)).toEqual({
      path: 'systems[0].samhallsviktigt',
      line: lineOf(text, 'samhallsviktigt: ja'),
      message: 'must be true or false, not the text "ja"',
    });
  });

  it('reports a review interval that is not a positive whole number', () => {
    for (const months of ['0', '-3', '1.5', 'tolv']) {
      const problem = onlyProblem(
        edit(
          VALID,
          '    reviewEveryMonths: 12\n  - id: ssp',
          `    reviewEveryMonths: ${months}\n  - id: ssp`,
        ),
      );
      expect(problem.path).toBe('documents[0].reviewEveryMonths');
    }
  });

  it('reports a time zone that is not an IANA zone', () => {
    const text = edit(VALID, 'Europe/Stockholm', 'Europe/Sthlm');
    expect(onlyProblem(text)).toEqual({
      path: 'timezone',
      line: 3,
      message: 'must be an IANA time zone such as Europe/Stockholm',
    });
  });

  it('reports a file that is empty or not a mapping', () => {
    expect(onlyProblem('').message).toMatch(/must be a mapping of keys/);
    expect(onlyProblem('- karin\n').message).toMatch(/not a list/);
  });

  it('reports all problems at once, in file order', () => {
    let text = edit(VALID, 'Europe/Stockholm', 'Mars/Olympus');
    text = edit(text, 'kommunchef: karin', 'kommunchef: kalle');
    text = edit(text, 'samhallsviktigt: false', 'samhällsviktigt: false');
    text = edit(text, "'2025-09-15'", '2025-02-30');
    text = edit(text, 'owner: karin', 'owner: kerstin');
    const error = failure(text);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toEqual([
      'timezone',
      'roles.kommunchef',
      'systems[0].samhallsviktigt',
      'systems[0].samhällsviktigt',
      'documents[0].owner',
      'documents[1].approvedAt',
    ]);
    const lines = error.problems.map((p) => p.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(error.message).toMatch(/has 6 problems/);
    for (const p of error.problems)
      expect(error.message).toContain(`${FILE}:${p.line} ${p.path}: ${p.message}`);
  });
});

describe('loading the organisation file from disk', () => {
  it('names the file when it does not exist', () => {
    const missing = path.join(tmpdir(), 'no-such-dir', 'org.yaml');
    expect(() => loadOrganisationFile(missing)).toThrowError(OrgFileError);
    expect(() => loadOrganisationFile(missing)).toThrowError(`${missing}: file not found`);
  });

  it('names the file in validation problems', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'org-file-'));
    const file = path.join(dir, 'org.yaml');
    writeFileSync(file, edit(VALID, 'kommunchef: karin', 'kommunchef: kalle'));
    expect(() => loadOrganisationFile(file)).toThrowError(
      `${file}:${lineOf(VALID, 'kommunchef')} roles.kommunchef`,
    );
  });
});

describe('the shipped example organisation and its directory', () => {
  const org = loadOrganisationFile(fromRoot('config/org.example.yaml'));
  const dir = createOrgDirectory(org);

  it('loads without problems', () => {
    expect(org.organisation).toBe('Sjövik kommun');
    expect(org.people).toHaveLength(9);
    expect(org.documents.find((d) => d.id === 'it-sakerhetspolicy')?.approvedAt).toBe('2013-12-16');
  });

  it('answers who holds each role', () => {
    expect(dir.kommunchef().id).toBe('karin');
    expect(dir.sakerhetssamordnare().map((p) => p.id)).toEqual(['lars', 'sara']);
    expect(dir.dataskyddsombud().id).toBe('dina');
    expect(dir.rolesOf('karin')).toEqual(['kommunchef']);
    expect(dir.rolesOf('lars')).toEqual(['sakerhetssamordnare']);
    expect(dir.rolesOf('anna')).toEqual([]);
    expect(dir.isSakerhetssamordnare('sara')).toBe(true);
    expect(dir.isSakerhetssamordnare('olof')).toBe(false);
  });

  it('finds people by id and by Entra ID object id in any case', () => {
    expect(dir.personById('olof')?.name).toBe('Olof Strand');
    expect(dir.personById('nobody')).toBeUndefined();
    expect(dir.personByAadObjectId('00000000-0000-0000-0000-0000000000A5')?.id).toBe('olof');
    expect(dir.personByAadObjectId('00000000-0000-0000-0000-0000000000ff')).toBeUndefined();
  });

  it('finds systems and documents', () => {
    expect(dir.systemsOwnedBy('olof').map((s) => s.id)).toEqual(['ekonomi', 'lon']);
    expect(dir.systemsOwnedBy('anna')).toEqual([]);
    expect(dir.systemById('vard')?.samhallsviktigt).toBe(true);
    expect(dir.documentById('ssp-vard')?.system).toBe('vard');
    expect(dir.documentById('nothing')).toBeUndefined();
  });

  it('gives a person holding several roles all of them', () => {
    const text = edit(VALID, 'dataskyddsombud: olof', 'dataskyddsombud: lars');
    const several = createOrgDirectory(parseOrganisation(text, FILE));
    expect(several.rolesOf('lars')).toEqual(['sakerhetssamordnare', 'dataskyddsombud']);
  });
});
