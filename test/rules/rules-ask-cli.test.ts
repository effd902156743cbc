import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AREA_IDS } from '../../src/rules/domain/rule.js';
import { projectRoot } from '../../src/platform/paths.js';

/** The `ask` tool of docs/contracts.md, run as people and other tests run it. */
function ask(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'ask', '--', ...args], {
      cwd: projectRoot,
      // No database and no bot: the tool must not need them.
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const match = z.object({
  area: z.enum(AREA_IDS),
  ruleId: z.string().min(1),
  title: z.string().min(1),
  score: z.number(),
});
const answerLine = z.strictObject({ answer: match.nullable(), suggestions: z.array(match) });

describe('npm run --silent ask', () => {
  it('prints exactly one JSON object for a question given as an argument', async () => {
    const { code, stdout } = await ask(['--json', 'får jag använda usb-minne?']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const parsed = answerLine.parse(JSON.parse(stdout));
    expect(parsed.answer).toMatchObject({ area: 'sakerhetskopiering', ruleId: 'SK-04' });
  });

  it('answers null for a question outside the rules', async () => {
    const { stdout } = await ask(['--json', 'vad blir det för lunch i dag?']);
    expect(answerLine.parse(JSON.parse(stdout)).answer).toBeNull();
  });

  it('reads one question per line from standard input and prints one JSON object per line', async () => {
    const { code, stdout } = await ask(
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
    const { code, stdout } = await ask(['får jag jobba hemifrån med min privata dator?']);
    expect(code).toBe(0);
    expect(stdout).toContain('Distansarbete');
    expect(stdout).toContain('DA-01');
  });
});
