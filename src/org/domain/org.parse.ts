import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { aadObjectId } from '../../platform/identity.js';
import type { DocumentType, GoverningDocument, Organisation } from './org.js';
import { isTimeZone, parseDate } from '../../platform/calendar.js';

/**
 * Parses and validates the organisation file. Pure: the caller reads the file.
 * Every problem found is reported at once, each with the file, the line (when
 * known), the key path and what is wrong, because IT staff fix the file from
 * the start log and should not have to restart once per typo.
 */

export interface OrgFileProblem {
  /** Dotted key path such as `systems[2].owner`; empty for the file as a whole. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export class OrgFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: OrgFileProblem[],
  ) {
    super(formatProblems(fileName, problems));
    this.name = 'OrgFileError';
  }
}

export function formatProblem(fileName: string, problem: OrgFileProblem): string {
  const where = problem.line === undefined ? fileName : `${fileName}:${problem.line}`;
  return problem.path === ''
    ? `${where}: ${problem.message}`
    : `${where} ${problem.path}: ${problem.message}`;
}

function formatProblems(fileName: string, problems: OrgFileProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `  ${formatProblem(fileName, p)}`);
  return [`Organisation file ${fileName} has ${count}:`, ...lines].join('\n');
}

// ---------------------------------------------------------------- field rules

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && parseDate(value) !== undefined;
}

export function isIanaTimeZone(value: string): boolean {
  return isTimeZone(value);
}

const text = z.string().trim().min(1, 'must not be empty');
const personRef = text;
const guid = z.string().trim().refine(isGuid, {
  message: 'must be a GUID like 00000000-0000-0000-0000-000000000000',
});

// A Date can only appear if someone forces YAML 1.1 timestamps; turn it back into text.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().refine(isCalendarDate, { message: 'must be a real calendar date written YYYY-MM-DD' }),
);

const personSchema = z.strictObject({
  id: text,
  name: text,
  title: text.optional(),
  aadObjectId: guid.transform(aadObjectId),
  email: text.optional(),
});

const rolesSchema = z.strictObject({
  kommunchef: personRef,
  // A single coordinator may be written as a plain string.
  sakerhetssamordnare: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(personRef).min(1, 'must name at least one person'),
  ),
  dataskyddsombud: personRef,
  ersattare: personRef.optional(),
  ersattareHoursBeforeDeadline: z.number().int().min(1).max(71).optional(),
});

const committeeSchema = z.strictObject({
  id: text,
  name: text,
  breachDecider: personRef,
});

const systemSchema = z.strictObject({
  id: text,
  name: text,
  owner: personRef,
  samhallsviktigt: z.boolean(),
  committee: text.optional(),
});

const documentTypes = [
  'policy',
  'instruktion',
  'systemsakerhetsplan',
] as const satisfies readonly DocumentType[];

const documentSchema = z.strictObject({
  id: text,
  title: text,
  // Optional because the contract's example omits it; inferred below.
  type: z.enum(documentTypes).optional(),
  owner: personRef,
  system: text.optional(),
  approvedAt: isoDate,
  reviewEveryMonths: z.number().int().positive(),
});

const goalSchema = z.strictObject({
  id: text,
  year: z.number().int().min(2000).max(2100),
  title: text,
  what: text,
  deadline: isoDate,
  responsible: personRef,
  resources: text,
  followUp: z.array(isoDate).default([]),
  reporting: text.optional(),
  staffInformation: text,
});

const controlSchema = z.strictObject({
  id: text.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -'),
  title: text,
  what: text,
  instruction: text,
  area: text,
  system: text.optional(),
  eachSystem: z.boolean().optional(),
  responsible: personRef.optional(),
  everyMonths: z.number().int().min(1).max(60),
  firstDue: isoDate,
});

const authorityName = text.max(60, 'must be at most 60 characters');
const authoritiesSchema = z.strictObject({
  dataProtection: authorityName.optional(),
  csirt: authorityName.optional(),
});

const organisationSchema = z.strictObject({
  organisation: text,
  tenantId: guid,
  timezone: z.string().trim().refine(isIanaTimeZone, {
    message: 'must be an IANA time zone such as Europe/Stockholm',
  }),
  people: z.array(personSchema).min(1, 'must list at least one person'),
  roles: rolesSchema,
  systems: z.array(systemSchema).default([]),
  committees: z.array(committeeSchema).default([]),
  authorities: authoritiesSchema.optional(),
  documents: z.array(documentSchema).default([]),
  goals: z.array(goalSchema).default([]),
  controls: z.array(controlSchema).default([]),
});

/** Allowed keys per object, keyed by the path with list indexes removed. */
const allowedKeys: Record<string, readonly string[]> = {
  '': Object.keys(organisationSchema.shape),
  roles: Object.keys(rolesSchema.shape),
  'people[]': Object.keys(personSchema.shape),
  'systems[]': Object.keys(systemSchema.shape),
  'committees[]': Object.keys(committeeSchema.shape),
  authorities: Object.keys(authoritiesSchema.shape),
  'documents[]': Object.keys(documentSchema.shape),
  'goals[]': Object.keys(goalSchema.shape),
  'controls[]': Object.keys(controlSchema.shape),
};

// ---------------------------------------------------------------- paths and lines

type PathItem = string | number;

export function dottedPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Finds where a path lives in the YAML tree: the deepest node that exists along it. */
class Locator {
  constructor(
    private readonly root: unknown,
    private readonly lines: LineCounter,
  ) {}

  /** Line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[], { keyItself = false } = {}): number | undefined {
    let node: unknown = this.root;
    let keyNode: unknown;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
        if (!pair) break;
        keyNode = pair.key;
        // `key:` with no value has a null value node; fall back to the key.
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof step === 'number') {
        const item: unknown = node.items[step];
        if (item === undefined) break;
        node = item;
      } else {
        break;
      }
    }
    const target = keyItself && keyNode !== undefined ? keyNode : node;
    return this.startLine(target);
  }

  private startLine(node: unknown): number | undefined {
    const range = (node as Partial<YamlNode> | null | undefined)?.range;
    if (!range) return undefined;
    return this.lines.linePos(range[0]).line;
  }
}

// ---------------------------------------------------------------- zod issues

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping of keys';
    default:
      return typeof value;
  }
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
};

/** Plain-English messages for IT staff instead of zod's defaults. */
const issueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required but missing';
    const expected = expectedWords[issue.expected] ?? issue.expected;
    return `must be ${expected}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return `must be a positive whole number, not ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => String(v)).join(', ');
    return `must be one of ${options}, not ${describe(issue.input)}`;
  }
  return undefined;
};

/** Strips Swedish letters and case so `samhällsviktigt` is matched to `samhallsviktigt`. */
function foldKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const folded = foldKey(key);
  const guess = allowed.find((a) => foldKey(a) === folded);
  const hint = guess ? `; did you mean "${guess}"?` : `; allowed keys: ${allowed.join(', ')}`;
  return `unknown key "${key}"${hint}`;
}

function shapeProblems(issues: readonly z.core.$ZodIssue[], locator: Locator): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const pattern = dottedPath(issue.path).replace(/\[\d+\]/g, '[]');
      const allowed = allowedKeys[pattern] ?? [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          path: dottedPath(path),
          line: locator.lineOf(path, { keyItself: true }),
          message: unknownKeyMessage(key, allowed),
        });
      }
    } else {
      problems.push({
        path: dottedPath(issue.path),
        line: locator.lineOf(issue.path),
        message: issue.message,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------- cross references

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listAt(data: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = data[key];
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : {})) : [];
}

function stringAt(item: Record<string, unknown>, key: string): string | undefined {
  const value = item[key];
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * Runs on the raw parsed data, not zod's output, so that reference mistakes are
 * reported together with shape mistakes elsewhere in the file.
 */
function referenceProblems(data: Record<string, unknown>, locator: Locator): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  const add = (path: PathItem[], message: string): void => {
    problems.push({ path: dottedPath(path), line: locator.lineOf(path), message });
  };

  const people = listAt(data, 'people');
  const systems = listAt(data, 'systems');
  const documents = listAt(data, 'documents');
  const goals = listAt(data, 'goals');
  const committees = listAt(data, 'committees');
  const controls = listAt(data, 'controls');

  const duplicateIds = (
    list: Record<string, unknown>[],
    listName: string,
    field: string,
    fold = false,
  ) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const raw = stringAt(item, field);
      if (!raw) return;
      const key = fold ? raw.toLowerCase() : raw;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        add(
          [listName, i, field],
          `duplicate ${field} "${raw}", already used by ${listName}[${first}]`,
        );
    });
    return seen;
  };

  const personIds = duplicateIds(people, 'people', 'id');
  duplicateIds(people, 'people', 'aadObjectId', true);
  const systemIds = duplicateIds(systems, 'systems', 'id');
  const documentIds = duplicateIds(documents, 'documents', 'id');
  duplicateIds(controls, 'controls', 'id');
  duplicateIds(goals, 'goals', 'id');
  const committeeIds = duplicateIds(committees, 'committees', 'id');

  const checkPerson = (path: PathItem[], value: unknown): void => {
    if (typeof value === 'string' && value.trim() !== '' && !personIds.has(value.trim())) {
      add(path, `"${value.trim()}" names no person in people`);
    }
  };

  const roles = data['roles'];
  if (isRecord(roles)) {
    checkPerson(['roles', 'kommunchef'], roles['kommunchef']);
    checkPerson(['roles', 'dataskyddsombud'], roles['dataskyddsombud']);
    checkPerson(['roles', 'ersattare'], roles['ersattare']);
    if (roles['ersattare'] !== undefined && roles['ersattare'] === roles['kommunchef'])
      add(['roles', 'ersattare'], 'must be someone other than the kommunchef');
    const coordinators = roles['sakerhetssamordnare'];
    if (typeof coordinators === 'string') {
      checkPerson(['roles', 'sakerhetssamordnare'], coordinators);
    } else if (Array.isArray(coordinators)) {
      const seen = new Set<unknown>();
      coordinators.forEach((c: unknown, i) => {
        const path = ['roles', 'sakerhetssamordnare', i];
        if (seen.has(c)) add(path, `"${String(c)}" is listed more than once`);
        seen.add(c);
        checkPerson(path, c);
      });
    }
  }

  systems.forEach((system, i) => {
    checkPerson(['systems', i, 'owner'], system['owner']);
    const committee = stringAt(system, 'committee');
    if (committee !== undefined && committee !== '' && !committeeIds.has(committee))
      add(['systems', i, 'committee'], `"${committee}" names no committee in committees`);
  });
  committees.forEach((c, i) => checkPerson(['committees', i, 'breachDecider'], c['breachDecider']));

  documents.forEach((doc, i) => {
    checkPerson(['documents', i, 'owner'], doc['owner']);
    const system = stringAt(doc, 'system');
    if (system !== undefined && system !== '' && !systemIds.has(system)) {
      add(['documents', i, 'system'], `"${system}" names no system in systems`);
    }
    if (doc['type'] === 'systemsakerhetsplan' && doc['system'] === undefined) {
      add(['documents', i], 'a systemsakerhetsplan must name the system it covers in "system"');
    }
  });

  goals.forEach((goal, i) => {
    checkPerson(['goals', i, 'responsible'], goal['responsible']);
    const deadline = stringAt(goal, 'deadline');
    const followUp = goal['followUp'];
    if (deadline === undefined || !isCalendarDate(deadline) || !Array.isArray(followUp)) return;
    followUp.forEach((date: unknown, j) => {
      if (typeof date === 'string' && isCalendarDate(date) && date > deadline)
        add(['goals', i, 'followUp', j], `${date} is after the goal's deadline ${deadline}`);
    });
  });

  controls.forEach((control, i) => {
    const instruction = stringAt(control, 'instruction');
    if (instruction && !documentIds.has(instruction))
      add(['controls', i, 'instruction'], `"${instruction}" names no document in documents`);
    const system = stringAt(control, 'system');
    if (system && !systemIds.has(system))
      add(['controls', i, 'system'], `"${system}" names no system in systems`);
    if (system && control['eachSystem'] === true)
      add(['controls', i], 'name one "system" or set "eachSystem: true", not both');
    checkPerson(['controls', i, 'responsible'], control['responsible']);
    if (!system && control['eachSystem'] !== true && control['responsible'] === undefined)
      add(
        ['controls', i],
        'a control for the whole organisation must name its "responsible" person',
      );
  });

  return problems;
}

// ---------------------------------------------------------------- entry point

type YamlErrorLike = { message: string; linePos?: readonly { line: number; col: number }[] };

function yamlProblems(errors: readonly YamlErrorLike[]): OrgFileProblem[] {
  return errors.map((e): OrgFileProblem => {
    // yaml's message repeats the position and adds a code frame; keep the first sentence.
    const first = (e.message.split('\n')[0] ?? e.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    const pos = e.linePos?.[0];
    const column = pos ? ` (column ${pos.col})` : '';
    return { path: '', line: pos?.line, message: `invalid YAML${column}: ${first}` };
  });
}

function byLine(a: OrgFileProblem, b: OrgFileProblem): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

function inferType(doc: { type?: DocumentType; system?: string }): DocumentType {
  return doc.type ?? (doc.system !== undefined ? 'systemsakerhetsplan' : 'policy');
}

/** Parses and validates the organisation file's text; throws OrgFileError listing every problem. */
export function parseOrganisation(source: string, fileName: string): Organisation {
  const lineCounter = new LineCounter();
  // Core schema: YAML 1.1 quirks (yes/no booleans, timestamps) stay plain text.
  const doc = parseDocument(source, { lineCounter, schema: 'core', version: '1.2' });
  if (doc.errors.length > 0) {
    throw new OrgFileError(fileName, yamlProblems(doc.errors).sort(byLine));
  }

  const data: unknown = doc.toJS();
  if (!isRecord(data)) {
    throw new OrgFileError(fileName, [
      {
        path: '',
        line: 1,
        message: `must be a mapping of keys (organisation, people, roles, ...), not ${describe(data ?? null)}`,
      },
    ]);
  }

  const locator = new Locator(doc.contents, lineCounter);
  const parsed = organisationSchema.safeParse(data, { error: issueMessage });
  const problems = [
    ...(parsed.success ? [] : shapeProblems(parsed.error.issues, locator)),
    ...referenceProblems(data, locator),
  ];
  if (problems.length > 0 || !parsed.success) {
    throw new OrgFileError(fileName, problems.sort(byLine));
  }

  const org = parsed.data;
  return {
    ...org,
    documents: org.documents.map((d): GoverningDocument => ({ ...d, type: inferType(d) })),
  };
}
