import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ask } from '../../scripts/ask.js';
import { AREA_IDS } from '../../src/rules/domain/rule.js';
import { captureIo, npmScript, spawnTool, type CliResult } from '../support/cli-io.js';

/** A spawned tool starts Node and compiles TypeScript: seconds of CPU, more when the machine is busy. */
const SPAWN_TIMEOUT_MS = 60_000;

/** The `ask` tool of CONTRACTS.md, run in the test process. */
async function askInProcess(args: string[], stdin = ''): Promise<CliResult> {
  const io = captureIo(stdin);
  return io.result(await ask(args, io));
}

const match = z.object({
  area: z.enum(AREA_IDS),
  ruleId: z.string().min(1),
  title: z.string().min(1),
  score: z.number(),
});
const answerLine = z.strictObject({ answer: match.nullable(), suggestions: z.array(match) });

describe('the ask command-line tool', () => {
  it('prints exactly one JSON object for a question given as an argument', async () => {
    const { code, stdout } = await askInProcess(['--json', 'får jag använda usb-minne?']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const parsed = answerLine.parse(JSON.parse(stdout));
    expect(parsed.answer).toMatchObject({ area: 'sakerhetskopiering', ruleId: 'SK-04' });
  });

  it('answers null for a question outside the rules', async () => {
    const { stdout } = await askInProcess(['--json', 'vad blir det för lunch i dag?']);
    expect(answerLine.parse(JSON.parse(stdout)).answer).toBeNull();
  });

  it('reads one question per line from standard input and prints one JSON object per line', async () => {
    const { code, stdout } = await askInProcess(
      ['--json'],
      'jag har tappat bort min telefon\nvar kan jag parkera?\nCan I forward work email to my private account?\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => answerLine.parse(JSON.parse(l)));
    expect(lines).toHaveLength(3);
    expect(lines[0]!.answer?.area).toBe('incidenthantering');
    expect(lines[2]!.answer?.area).toBe('epost-internet');
  });

  it('prints a readable answer without --json', async () => {
    const { code, stdout } = await askInProcess(['får jag jobba hemifrån med min privata dator?']);
    expect(code).toBe(0);
    expect(stdout).toContain('Distansarbete');
    expect(stdout).toContain('DA-01');
  });

  it('refuses an unknown flag with exit code 2 and the usage on standard error', async () => {
    const { code, stdout, stderr } = await askInProcess(['--jsn', 'usb-minne']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Okänd flagga: --jsn');
    expect(stderr).toContain('Användning:');
  });

  it(
    'runs as `npm run --silent ask`, without a database, printing only the answer',
    async () => {
      expect(npmScript('ask')).toBe('tsx scripts/ask.ts');
      const { code, stdout } = await spawnTool(
        'scripts/ask.ts',
        ['--json', 'får jag använda usb-minne?'],
        {
          // No database and no bot: the tool must not need them.
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        },
      );
      expect(code).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      expect(answerLine.parse(JSON.parse(stdout)).answer).toMatchObject({ ruleId: 'SK-04' });
    },
    SPAWN_TIMEOUT_MS,
  );
});
