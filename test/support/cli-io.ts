import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { projectRoot } from '../../src/platform/paths.js';

/** What a command-line tool printed, and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Streams for a tool run in the test process, collecting what it writes. */
export function captureIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _enc, callback) {
        into.push(chunk.toString());
        callback();
      },
    });
  return {
    stdin: Readable.from([stdin]),
    stdout: sink(out),
    stderr: sink(err),
    result: (code: number): CliResult => ({ code, stdout: out.join(''), stderr: err.join('') }),
  };
}

/**
 * Runs a tool in its own process as `npm run --silent <script>` does (`tsx <file>`),
 * but without npm and tsx's own launcher in between, which doubled the start-up time:
 * one smoke test per tool, that it starts and prints only its result. The test that
 * the npm script names the file is in the same smoke test.
 */
export function spawnTool(
  file: string,
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
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

/** The command `npm run <script>` runs, from package.json. */
export function npmScript(script: string): string | undefined {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return manifest.scripts?.[script];
}
