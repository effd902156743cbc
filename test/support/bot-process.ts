import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** `npm start` as a child process (tsx, local mode, a free port), with what it printed. */
export interface BotProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** Starts `src/main.ts` with `env` over the local defaults; resolves once it listens. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, MicrosoftAppId: '', ORG_FILE: '', PORT: '0', ...env },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const read = (d: Buffer) => {
      output += d.toString('utf8');
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (found) resolve(found);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(({ code }) => reject(new Error(`the bot exited (${code}): ${output}`)));
  });
  return { child, url, output: () => output, exited };
}
