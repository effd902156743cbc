import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.js';

describe('the lint rules that hold the architecture', () => {
  const eslint = new ESLint({ cwd: projectRoot });
  const lint = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.message));

  it.each([
    ["import { TurnContext } from 'botbuilder';", 'Teams or HTTP'],
    ["import restify from 'restify';", 'Teams or HTTP'],
    ["import { sql } from 'kysely';", 'SQL or the store'],
    ["import pg from 'pg';", 'SQL or the store'],
    ["import { x } from '../../../platform/db/database.js';", 'SQL or the store'],
    ["import { x } from '../../incident.repository.js';", 'SQL or the store'],
    ["import { x } from '../../incident.strings.js';", 'i18n'],
    ["import { x } from '../../../platform/strings.js';", 'i18n'],
  ])('keeps `%s` out of src/<feature>/domain', async (code, reason) => {
    const messages = await lint('src/incidents/domain/example.ts', `${code}\nexport {};\n`);
    expect(messages.join('\n')).toContain(reason);
  });

  it('allows the same import outside a domain folder', async () => {
    expect(
      await lint(
        'src/incidents/example.ts',
        "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n",
      ),
    ).toEqual([]);
  });

  it('lets a feature import another only through its index.ts', async () => {
    const code = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;
    for (const [file, spec] of [
      ['src/reminders/example.ts', '../incidents/incident.strings.js'],
      ['src/reminders/domain/example.ts', '../../org/domain/org.js'],
      ['src/example.ts', './incidents/incident.actions.js'],
      ['scripts/example.ts', '../src/approvals/approval.repository.js'],
    ]) {
      expect((await lint(file!, code(spec!))).join('\n'), `${file} → ${spec}`).toContain(
        'through its index.ts',
      );
    }
    for (const [file, spec] of [
      ['src/reminders/example.ts', '../incidents/index.js'],
      ['src/reminders/example.ts', './domain/goal.js'],
      ['src/example.ts', './incidents/index.js'],
      ['scripts/example.ts', '../src/rules/domain/rules.search.js'],
    ]) {
      expect(await lint(file!, code(spec!)), `${file} → ${spec}`).toEqual([]);
    }
  });

  it('lets only src/platform/config.ts read process.env', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect((await lint('src/incidents/example.ts', code)).join('\n')).toContain(
      'src/platform/config.ts',
    );
    expect(await lint('src/platform/config.ts', code)).toEqual([]);
  });
});
