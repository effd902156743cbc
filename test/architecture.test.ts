import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';

describe('the lint rules that hold the architecture', () => {
  const eslint = new ESLint({ cwd: projectRoot });
  const lint = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.message));

  it.each([
    ["import { TurnContext } from 'botbuilder';", 'Teams or HTTP'],
    ["import restify from 'restify';", 'Teams or HTTP'],
    ["import { sql } from 'kysely';", 'SQL or the store'],
    ["import pg from 'pg';", 'SQL or the store'],
    ["import { x } from '../../store/database.js';", 'SQL or the store'],
  ])('keeps `%s` out of src/domain', async (code, reason) => {
    const messages = await lint('src/domain/org/example.ts', `${code}\nexport {};\n`);
    expect(messages.join('\n')).toContain(reason);
  });

  it('allows the same import outside src/domain', async () => {
    expect(
      await lint(
        'src/teams/example.ts',
        "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n",
      ),
    ).toEqual([]);
  });

  it('lets only src/config.ts read process.env', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect((await lint('src/teams/example.ts', code)).join('\n')).toContain('src/config.ts');
    expect(await lint('src/config.ts', code)).toEqual([]);
  });
});
