import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AREA_IDS, AREA_TITLES, isAreaId, type Area, type Rule } from './rule.js';

/** One thing wrong in a rules file, located as precisely as the file allows. */
export interface RulesProblem {
  file: string;
  line?: number;
  ruleId?: string;
  message: string;
}

export function formatRulesProblem(problem: RulesProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const rule = problem.ruleId ? ` regel ${problem.ruleId}` : '';
  return `${where}${rule}: ${problem.message}`;
}

/** A broken knowledge base: the bot does not start, and the message says what to fix where. */
export class RulesFileError extends Error {
  constructor(
    readonly directory: string,
    readonly problems: RulesProblem[],
  ) {
    const count = problems.length === 1 ? '1 fel' : `${problems.length} fel`;
    super(
      [
        `Regelfilerna i ${directory} har ${count} (formatet beskrivs i ${directory}/README.md):`,
        ...problems.map((p) => `  ${formatRulesProblem(p)}`),
      ].join('\n'),
    );
    this.name = 'RulesFileError';
  }
}

export interface ParsedRulesFile {
  area: Area | undefined;
  rules: Rule[];
  /** Every rule id with a well-formed heading, also of rules with problems (for "Se även" checks). */
  declaredIds: string[];
  problems: RulesProblem[];
}

// Letters, digits and hyphens with at least one digit ("DA-03"), so a title word is never taken for an id.
const RULE_ID = /^(?=.*\d)[A-Za-zÅÄÖåäö0-9]+(?:-[A-Za-zÅÄÖåäö0-9]+)*$/;
const FIELD_LINE = /^([A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]*?)\s*:\s*(.*)$/;
const FIELDS = ['Nyckelord', 'Synonymer', 'Referens', 'Se även'] as const;
type FieldName = (typeof FIELDS)[number];
const FRONT_MATTER_KEYS = ['område', 'avsnitt', 'beskrivning'] as const;

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Parses one area file: YAML front matter (område, avsnitt, beskrivning), then one
 * `## <id> <titel>` section per rule with its field lines, a blank line and the text.
 * Every problem found is reported, not only the first.
 */
export function parseRulesFile(source: string, file: string): ParsedRulesFile {
  // Editors on Windows may save a byte order mark and CRLF line ends.
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RulesProblem[] = [];
  const problem = (message: string, line?: number, ruleId?: string): void => {
    problems.push({
      file,
      message,
      ...(line !== undefined && { line }),
      ...(ruleId && { ruleId }),
    });
  };

  if (lines[0]?.trim() !== '---') {
    problem(
      'filen ska börja med ett huvud mellan två rader "---" (område, avsnitt, beskrivning)',
      1,
    );
    return { area: undefined, rules: [], declaredIds: [], problems };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    problem('huvudet saknar sin avslutande rad "---"', 1);
    return { area: undefined, rules: [], declaredIds: [], problems };
  }
  const area = parseFrontMatter(lines.slice(1, close), file, problem);
  const { rules, declaredIds } = parseRules(lines, close + 1, file, area?.id, problem);
  if (area && rules.length === 0 && !problems.some((p) => p.ruleId)) {
    problem('filen innehåller inga regler; varje regel börjar med "## <id> <titel>"', close + 2);
  }
  return { area, rules, declaredIds, problems };
}

function parseFrontMatter(
  header: string[],
  file: string,
  problem: (message: string, line?: number) => void,
): Area | undefined {
  // Line numbers in the file: the header starts on line 2.
  const lineOf = (key: string): number => {
    const index = header.findIndex((l) => l.trimStart().startsWith(`${key}:`));
    return index < 0 ? 1 : index + 2;
  };
  let data: unknown;
  try {
    data = parseYaml(header.join('\n'));
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 1;
    problem(`huvudet är inte giltig YAML (${(error as Error).message.split('\n')[0]})`, line);
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problem('huvudet ska innehålla område, avsnitt och beskrivning', 1);
    return undefined;
  }
  const record = data as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(record)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      problem(
        `okänd nyckel "${key}" i huvudet; tillåtna är ${FRONT_MATTER_KEYS.join(', ')}`,
        lineOf(key),
      );
      ok = false;
    }
  }
  const text = (key: (typeof FRONT_MATTER_KEYS)[number]): string | undefined => {
    const value = record[key];
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    problem(`"${key}" saknas eller är tomt i huvudet`, lineOf(key));
    ok = false;
    return undefined;
  };
  const areaId = text('område');
  const section = text('avsnitt');
  const description = text('beskrivning');
  if (areaId !== undefined && !isAreaId(areaId)) {
    problem(`okänt område "${areaId}"; tillåtna är ${AREA_IDS.join(', ')}`, lineOf('område'));
    return undefined;
  }
  if (!ok || !areaId || !section || !description || !isAreaId(areaId)) return undefined;
  return { id: areaId, title: AREA_TITLES[areaId], section, description, file };
}

function parseRules(
  lines: string[],
  start: number,
  file: string,
  area: Area['id'] | undefined,
  problem: (message: string, line?: number, ruleId?: string) => void,
): { rules: Rule[]; declaredIds: string[] } {
  const headings: number[] = [];
  for (let i = start; i < lines.length; i++) if (/^##(?!#)/.test(lines[i] ?? '')) headings.push(i);

  const rules: Rule[] = [];
  const seen = new Map<string, number>();
  headings.forEach((headingIndex, n) => {
    const end = headings[n + 1] ?? lines.length;
    const lineNo = headingIndex + 1;
    const heading = /^##\s+(\S+)\s+(\S.*?)\s*$/.exec(lines[headingIndex] ?? '');
    if (!heading || !RULE_ID.test(heading[1] ?? '')) {
      problem(
        'rubriken ska ha formen "## <id> <titel>", till exempel "## DA-03 Lås datorn"',
        lineNo,
      );
      return;
    }
    const id = heading[1]!;
    const title = heading[2]!;
    const before = seen.get(id);
    if (before !== undefined) {
      problem(`id:t används redan på rad ${before}`, lineNo, id);
      return;
    }
    seen.set(id, lineNo);

    // Field lines follow the heading directly; a blank line separates them from the text.
    let i = headingIndex + 1;
    while (i < end && lines[i]!.trim() === '') i++;
    const fields = new Map<FieldName, string>();
    let broken = false;
    for (; i < end && lines[i]!.trim() !== ''; i++) {
      const field = FIELD_LINE.exec(lines[i]!.trim());
      const name = field?.[1] as FieldName | undefined;
      if (!field || !name || !(FIELDS as readonly string[]).includes(name)) {
        const what = field ? `okänt fält "${field[1]}"` : 'raden är inget fält';
        problem(
          `${what}; efter rubriken kommer raderna ${FIELDS.map((f) => `"${f}:"`).join(', ')}, sedan en tom rad och texten`,
          i + 1,
          id,
        );
        broken = true;
        continue;
      }
      if (fields.has(name)) {
        problem(`fältet "${name}:" står två gånger`, i + 1, id);
        broken = true;
      }
      fields.set(name, field[2]!.trim());
    }
    const text = lines
      .slice(i, end)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();

    const required = (name: FieldName): string => {
      const value = fields.get(name);
      if (value === undefined) problem(`saknar raden "${name}:"`, lineNo, id);
      else if (value === '') problem(`raden "${name}:" är tom`, lineNo, id);
      else return value;
      broken = true;
      return '';
    };
    const keywords = list(required('Nyckelord'));
    const synonyms = list(required('Synonymer'));
    const reference = required('Referens');
    const seeAlso = list(fields.get('Se även') ?? '');
    if (text === '') {
      problem(
        'saknar regeltext efter fälten (skilj fälten och texten åt med en tom rad)',
        lineNo,
        id,
      );
      broken = true;
    }
    if (broken || !area) return;
    rules.push({
      id,
      area,
      title,
      text,
      keywords,
      synonyms,
      reference,
      seeAlso,
      file,
      line: lineNo,
    });
  });
  return { rules, declaredIds: [...seen.keys()] };
}
