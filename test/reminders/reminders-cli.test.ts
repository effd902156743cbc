import { afterEach, describe, expect, it } from 'vitest';
import { reminders as remindersTool } from '../../scripts/reminders.js';
import { message, personalConversationId, type Sender } from '../support/activities.js';
import { captureIo, npmScript, spawnTool, type CliResult } from '../support/cli-io.js';
import { engines } from '../support/engines.js';
import { textOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A spawned tool starts Node and compiles TypeScript: seconds of CPU, more when the machine
 * is busy. Four times the slowest run (18 s with two copies of the suite running at once).
 */
const SPAWN_TIMEOUT_MS = 90_000;

const karin: Sender = { aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Karin Lund' };
const lars: Sender = { aadObjectId: '00000000-0000-0000-0000-0000000000a2', name: 'Lars Berg' };
const sara: Sender = { aadObjectId: '00000000-0000-0000-0000-0000000000a3', name: 'Sara Nyström' };

/** The `reminders` tool of CONTRACTS.md, run in the test process on the test app's database. */
async function reminders(args: string[], databaseUrl: string): Promise<CliResult> {
  const io = captureIo();
  const code = await remindersTool(args, {
    ...io,
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
  });
  return io.result(code);
}

interface Listed {
  reminderId: string;
  dueAt: string;
  recipients: string[];
  title: string;
}

for (const engine of engines) {
  describe(`the reminders command-line tool (${engine.name})`, () => {
    let app: TestApp | undefined;
    afterEach(async () => {
      await app?.stop();
      app = undefined;
    });

    it('lists the occurrences of a window as the JSON of docs/contracts.md, and nothing else on stdout', async () => {
      app = await startTestApp({ engine });
      const { code, stdout } = await reminders(
        ['list', '--from', '2026-09-01', '--to', '2026-09-30', '--json'],
        app.database.url,
      );
      expect(code).toBe(0);
      const list = JSON.parse(stdout) as Listed[];
      expect(list).toContainEqual(
        expect.objectContaining({
          reminderId: 'planning',
          dueAt: '2026-09-01T06:00:00.000Z',
          recipients: ['karin', 'lars', 'sara'],
          title: 'Förbered årliga mål för 2027',
        }),
      );
      expect(list).toContainEqual(
        expect.objectContaining({ reminderId: 'threat-analysis:vard', recipients: ['maria'] }),
      );
      expect(list.map((e) => e.dueAt)).toEqual([...list.map((e) => e.dueAt)].sort());
      for (const e of list) {
        expect(new Date(e.dueAt).getTime()).toBeGreaterThanOrEqual(
          Date.parse('2026-08-31T22:00:00Z'),
        );
        expect(new Date(e.dueAt).getTime()).toBeLessThan(Date.parse('2026-09-30T22:00:00Z'));
      }
    });

    it('runs what is due at a given time through the outbox, once, and exits when it is sent', async () => {
      app = await startTestApp({ engine });
      for (const p of [karin, lars, sara])
        await app.post(message(p, 'hjälp', { serviceUrl: app.connector.url }));
      await app.running.sender.drain();
      await app.stopBot();
      app.connector.reset();

      const first = await reminders(['run', '--at', '2026-09-01T08:00'], app.database.url);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^Köade \d+ påminnelser \(\d+ försenade\).*utkorgen är tömd\.\n$/,
      );
      expect(first.stderr).not.toContain('Karin');
      for (const p of [karin, lars, sara]) {
        const cards = app.connector
          .deliveredTo(personalConversationId(p))
          .filter((c) => textOf(c).includes('Dags att förbereda årliga mål för 2027'));
        expect(cards).toHaveLength(1);
        // What the lock screen shows of the card, instead of "sent a card".
        expect(cards[0]!.body.summary).toBe('Förbered årliga mål för 2027');
      }
      const again = await reminders(
        ['run', '--at', '2026-09-01T08:30', '--json'],
        app.database.url,
      );
      expect(JSON.parse(again.stdout)).toMatchObject({ enqueued: 0, unsent: 0 });
      await app.restartBot();
    });

    it('refuses an unknown command with exit code 64 and the usage', async () => {
      app = await startTestApp({ engine });
      const { code, stdout, stderr } = await reminders(['lista'], app.database.url);
      expect(code).toBe(64);
      expect(stdout).toBe('');
      expect(stderr).toContain('npm run --silent reminders -- list --from');
    });

    it('exports the annual follow-up report as CSV and Markdown', async () => {
      app = await startTestApp({ engine });
      const csv = await reminders(
        ['report', '--year', '2026', '--format', 'csv'],
        app.database.url,
      );
      expect(csv.code).toBe(0);
      const rows = csv.stdout.trimEnd().split('\r\n');
      expect(rows[0]).toBe('avsnitt,post,status,datum,person,antal');
      expect(rows).toContain(
        'mål,Alla medarbetare har gått grundutbildningen i informationssäkerhet,Inte uppföljd än,2026-11-30,Lars Berg,',
      );
      const md = await reminders(['report', '--year', '2026'], app.database.url);
      expect(md.stdout).toMatch(/^# Årlig uppföljning av IT-säkerhetsarbetet 2026\n/);
      expect(md.stdout).toContain('## Försenade revideringar');
    });
  });
}

describe('the reminders command-line tool in its own process', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
  });

  it(
    'runs as `npm run --silent reminders`, printing only the list on stdout',
    async () => {
      app = await startTestApp();
      expect(npmScript('reminders')).toBe('tsx scripts/reminders.ts');
      const { code, stdout } = await spawnTool(
        'scripts/reminders.ts',
        ['list', '--from', '2026-09-01', '--to', '2026-09-01', '--json'],
        { DATABASE_URL: app.database.url, LOG_LEVEL: 'info', ORG_FILE: '' },
      );
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toContainEqual(
        expect.objectContaining({ reminderId: 'planning', recipients: ['karin', 'lars', 'sara'] }),
      );
    },
    SPAWN_TIMEOUT_MS,
  );
});
