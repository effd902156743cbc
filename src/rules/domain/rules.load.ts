import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AREA_IDS, createKnowledgeBase, type Area, type KnowledgeBase, type Rule } from './rule.js';
import { parseRulesFile, RulesFileError, type RulesProblem } from './rules.parse.js';

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * Reads `<area-id>.md` for every area of the instruction from `directory` and checks
 * them together: every area present once, rule ids unique across files, "Se även"
 * naming existing rules. Any problem stops with a RulesFileError listing them all.
 */
export function loadKnowledgeBase(directory: string): KnowledgeBase {
  const dirShown = shown(directory);
  let names: string[];
  try {
    names = readdirSync(directory).filter((n) => n.endsWith('.md') && n !== 'README.md');
  } catch (error) {
    throw new RulesFileError(dirShown, [
      { file: dirShown, message: `mappen kan inte läsas (${(error as Error).message})` },
    ]);
  }
  const problems: RulesProblem[] = [];
  const areas: Area[] = [];
  const rules: Rule[] = [];
  const declared = new Set<string>();
  for (const name of names.sort()) {
    const file = shown(path.join(directory, name));
    const parsed = parseRulesFile(readFileSync(path.join(directory, name), 'utf8'), file);
    problems.push(...parsed.problems);
    for (const id of parsed.declaredIds) declared.add(id);
    if (!parsed.area) continue;
    if (`${parsed.area.id}.md` !== name) {
      problems.push({
        file,
        line: 2,
        message: `filen för området "${parsed.area.id}" ska heta ${parsed.area.id}.md`,
      });
      continue;
    }
    areas.push(parsed.area);
    rules.push(...parsed.rules);
  }

  const present = new Set(areas.map((a) => a.id));
  for (const id of AREA_IDS) {
    if (!present.has(id) && !problems.some((p) => p.file.endsWith(`${id}.md`))) {
      problems.push({ file: dirShown, message: `området "${id}" saknas: lägg till ${id}.md` });
    }
  }

  const first = new Map<string, Rule>();
  for (const rule of rules) {
    const earlier = first.get(rule.id);
    if (earlier && earlier.file !== rule.file) {
      problems.push({
        file: rule.file,
        line: rule.line,
        ruleId: rule.id,
        message: `id:t används redan i ${earlier.file}:${earlier.line}`,
      });
    } else if (!earlier) first.set(rule.id, rule);
  }
  for (const rule of rules) {
    for (const other of rule.seeAlso) {
      if (other === rule.id) {
        problems.push({ ...at(rule), message: '"Se även:" hänvisar till regeln själv' });
      } else if (!declared.has(other)) {
        problems.push({ ...at(rule), message: `"Se även:" nämner ${other}, som inte finns` });
      }
    }
  }

  if (problems.length > 0) throw new RulesFileError(dirShown, problems);
  return createKnowledgeBase(areas, rules);
}

function at(rule: Rule): Pick<RulesProblem, 'file' | 'line' | 'ruleId'> {
  return { file: rule.file, line: rule.line, ruleId: rule.id };
}
