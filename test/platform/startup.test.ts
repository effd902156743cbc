import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { npmScript, spawnTool, type CliResult } from '../support/cli-io.js';
import { postgresEngine, postgresServerUrl } from '../support/engines.js';

/** Starting Node and compiling TypeScript takes seconds of CPU, more on a busy machine. */
/** Four times the slowest start (24 s with two copies of the suite running at once). */
const SPAWN_TIMEOUT = 120_000;

const dir = mkdtempSync(path.join(tmpdir(), 'itsak-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bot started as `npm start` starts it, in local mode, with these settings. */
function start(env: Record<string, string>): Promise<CliResult> {
  return spawnTool('src/main.ts', [], {
    MicrosoftAppId: '',
    ORG_FILE: '',
    PORT: '0',
    DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
    ...env,
  });
}

/** A server on loopback: `silent` accepts connections and never answers (a stuck PostgreSQL). */
async function listening(silent = false): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    if (!silent) socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What a person starting the bot reads: one line that names the setting, no stack trace. */
function expectOneLine(result: CliResult, setting: string): string {
  expect(result.code).toBe(1);
  const lines = `${result.stdout}${result.stderr}`.trim().split('\n');
  expect(lines, lines.join('\n')).toHaveLength(1);
  expect(lines[0]).toContain(setting);
  expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
  return lines[0]!;
}

describe('a start that cannot work', () => {
  it('is the file npm start runs', () => {
    expect(npmScript('start')).toBe('tsx src/main.ts');
  });

  it(
    'When PostgreSQL does not answer on its port, then one line names DATABASE_URL and where, without the password',
    async () => {
      const line = expectOneLine(
        await start({ DATABASE_URL: 'postgres://root:hemligt@127.0.0.1:1/test' }),
        'DATABASE_URL',
      );
      expect(line).toContain('127.0.0.1:1');
      expect(line).not.toContain('hemligt');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'When the PostgreSQL server accepts the connection and then says nothing, then the start gives up and names DATABASE_URL',
    async () => {
      const stuck = await listening(true);
      try {
        const line = expectOneLine(
          await start({ DATABASE_URL: `postgres://root@127.0.0.1:${stuck.port}/test` }),
          'DATABASE_URL',
        );
        expect(line).toContain('10 s');
      } finally {
        await stuck.close();
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'When DATABASE_URL is not a URL the bot can use, then one line says so',
    async () => {
      expectOneLine(await start({ DATABASE_URL: 'mysql://root@127.0.0.1/test' }), 'DATABASE_URL');
      expectOneLine(await start({ DATABASE_URL: 'postgres://root@[nohost/test' }), 'DATABASE_URL');
    },
    SPAWN_TIMEOUT,
  );

  it.skipIf(!postgresServerUrl)(
    'When the role in DATABASE_URL does not exist, or may not create the tables, then one line names DATABASE_URL and the role',
    async () => {
      const missing = new URL((await postgresEngine.create()).url);
      missing.username = `itsak_nobody_${randomUUID().slice(0, 8)}`;
      const gone = expectOneLine(await start({ DATABASE_URL: missing.toString() }), 'DATABASE_URL');
      expect(gone).toContain(missing.username);

      // A role that may log in and nothing else: the tables cannot be created.
      const role = `itsak_norights_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: postgresServerUrl });
      await admin.connect();
      try {
        await admin.query(`create role ${role} login`);
        const powerless = new URL((await postgresEngine.create()).url);
        powerless.username = role;
        const line = expectOneLine(
          await start({ DATABASE_URL: powerless.toString() }),
          'DATABASE_URL',
        );
        expect(line).toContain(role);
      } finally {
        await admin.query(`drop role if exists ${role}`);
        await admin.end();
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'When the port is taken by another program, then one line names PORT and the port',
    async () => {
      const taken = await listening();
      try {
        const line = expectOneLine(await start({ PORT: String(taken.port) }), 'PORT');
        expect(line).toContain(String(taken.port));
      } finally {
        await taken.close();
      }
    },
    SPAWN_TIMEOUT,
  );
});
