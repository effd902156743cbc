import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { AREA_IDS, AREA_TITLES } from '../../src/rules/domain/rule.js';
import { loadKnowledgeBase } from '../../src/rules/domain/rules.load.js';
import { RulesFileError } from '../../src/rules/domain/rules.parse.js';
import { createLogger } from '../../src/platform/log.js';
import { createApp, isStartupProblem } from '../../src/main.js';
import { fromRoot } from '../../src/platform/paths.js';

const CONTENT = fromRoot('content', 'anvandare');
const dirs: string[] = [];

/** A copy of the real rule files, with one file changed by `edit`. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
  dirs.push(dir);
  cpSync(CONTENT, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesFileError);
    return (error as Error).message;
  }
  throw new Error('the rules loaded without a problem');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the knowledge base as written', () => {
  const kb = loadKnowledgeBase(CONTENT);

  it('has the five areas with their Swedish titles, each with at least eight rules', () => {
    expect(kb.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
    for (const area of kb.areas) {
      expect(area.title).toBe(AREA_TITLES[area.id]);
      expect(kb.rulesOf(area.id).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('gives every rule a title, text, keywords, synonyms and a section reference', () => {
    for (const rule of kb.rules) {
      expect(rule.title, rule.id).not.toBe('');
      expect(rule.text.length, rule.id).toBeGreaterThan(100);
      expect(rule.keywords.length, rule.id).toBeGreaterThan(2);
      expect(rule.synonyms.length, rule.id).toBeGreaterThan(2);
      expect(rule.reference, rule.id).toMatch(/avsnitt \d+\.\d+$/);
    }
  });
});

describe('a broken rule file', () => {
  it('names the file, the line and the rule of a duplicate id', () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t.replace('## DA-02 Anslut med VPN', '## DA-01 Anslut med VPN'),
    );
    expect(problemsOf(dir)).toMatch(
      /distansarbete\.md:\d+ regel DA-01: id:t används redan på rad \d+/,
    );
  });

  it('names a rule id used in two files', () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t.replace('## DA-02 Anslut', '## IK-01 Anslut'),
    );
    expect(problemsOf(dir)).toMatch(
      /\.md:\d+ regel IK-01: id:t används redan i .*(distansarbete|informationsklassning)\.md:\d+/,
    );
  });

  it('names a missing field', () => {
    const dir = rulesWith('sakerhetskopiering.md', (t) =>
      t.replace('Referens: IT-säkerhetsinstruktion Användare, avsnitt 4.4\n', ''),
    );
    expect(problemsOf(dir)).toMatch(
      /sakerhetskopiering\.md:\d+ regel SK-04: saknar raden "Referens:"/,
    );
  });

  it('names an empty field and a misspelt one', () => {
    const dir = rulesWith('epost-internet.md', (t) =>
      t
        .replace(/^Synonymer: forward,.*$/m, 'Synonymer:')
        .replace(/^Nyckelord: installera,/m, 'Nykelord: installera,'),
    );
    const message = problemsOf(dir);
    expect(message).toMatch(/regel EI-02: raden "Synonymer:" är tom/);
    expect(message).toMatch(/epost-internet\.md:\d+ regel EI-07: okänt fält "Nykelord"/);
  });

  it('names a rule without text', () => {
    const dir = rulesWith('incidenthantering.md', (t) =>
      t.replace(/(## IH-10 [^\n]+\n\n(?:[^\n]+\n)+)\n[\s\S]*$/, '$1'),
    );
    expect(problemsOf(dir)).toMatch(/regel IH-10: saknar regeltext/);
  });

  it('names a malformed heading', () => {
    const dir = rulesWith('incidenthantering.md', (t) =>
      t.replace('## IH-04 Förlorad', '## Förlorad'),
    );
    expect(problemsOf(dir)).toMatch(
      /incidenthantering\.md:\d+: rubriken ska ha formen "## <id> <titel>"/,
    );
  });

  it('names an unknown area', () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t.replace('område: distansarbete', 'område: hemarbete'),
    );
    const message = problemsOf(dir);
    expect(message).toMatch(/distansarbete\.md:2: okänt område "hemarbete"/);
  });

  it('names a file whose name does not match its area, and the area then missing', () => {
    const dir = rulesWith('distansarbete.md', (t) => t);
    cpSync(path.join(dir, 'distansarbete.md'), path.join(dir, 'hemarbete.md'));
    unlinkSync(path.join(dir, 'distansarbete.md'));
    const message = problemsOf(dir);
    expect(message).toContain(
      'hemarbete.md:2: filen för området "distansarbete" ska heta distansarbete.md',
    );
    expect(message).toContain('området "distansarbete" saknas');
  });

  it('names an area file with no rules', () => {
    const dir = rulesWith('epost-internet.md', (t) => t.slice(0, t.indexOf('## EI-01')));
    expect(problemsOf(dir)).toMatch(/epost-internet\.md:\d+: filen innehåller inga regler/);
  });

  it('names missing front matter and bad YAML in it', () => {
    const dir = rulesWith('distansarbete.md', (t) => t.replace(/^---\n/, ''));
    expect(problemsOf(dir)).toMatch(/distansarbete\.md:1: filen ska börja med ett huvud/);
    const yaml = rulesWith('distansarbete.md', (t) => t.replace('avsnitt: 2', 'avsnitt: [2'));
    expect(problemsOf(yaml)).toMatch(/distansarbete\.md:\d+: huvudet är inte giltig YAML/);
  });

  it('names a "Se även" that points nowhere', () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t.replace('Se även: DA-02, DA-04', 'Se även: DA-02, DA-99'),
    );
    expect(problemsOf(dir)).toMatch(/regel DA-01: "Se även:" nämner DA-99, som inte finns/);
  });

  it('lists every problem at once, not only the first', () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t
        .replace('Referens: IT-säkerhetsinstruktion Användare, avsnitt 2.5\n', '')
        .replace(/^Nyckelord: låna ut,/m, 'Nykelord: låna ut,'),
    );
    const message = problemsOf(dir);
    expect(message).toMatch(/har 3 fel/);
    expect(message).toMatch(/regel DA-05: saknar raden "Referens:"/);
    expect(message).toMatch(/regel DA-04: okänt fält "Nykelord"/);
    expect(message).toMatch(/regel DA-04: saknar raden "Nyckelord:"/);
  });

  it('stops the bot from starting, with a message a person can act on', async () => {
    const dir = rulesWith('distansarbete.md', (t) =>
      t.replace('## DA-02 Anslut', '## DA-01 Anslut'),
    );
    const config = loadConfig({ PORT: '0', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
    const app = createApp(config, { rulesDirectory: dir, logger: createLogger('silent') });
    const error = await app.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    await app.stop();
    expect(isStartupProblem(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /distansarbete\.md:\d+ regel DA-01: id:t används redan/,
    );
  });
});
