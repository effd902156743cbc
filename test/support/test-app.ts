import { createApp, type AppOptions, type RunningApp } from '../../src/main.js';
import { loadConfig, type Environment } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/log.js';
import { sqliteEngine, type TestDatabase, type TestEngine } from './engines.js';
import { cardAction, message, type Sender } from './activities.js';
import { FakeConnector } from './fake-connector.js';
import { Writable } from 'node:stream';

/** What the bot answers to a card click (the body of the invoke response). */
export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: Record<string, unknown> | string;
}

export interface TestApp {
  running: RunningApp;
  connector: FakeConnector;
  database: TestDatabase;
  /** Lines the process logged, to check nothing personal leaks into them. */
  logLines: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Each person writes to the bot once, so it knows their chats; what it answered is forgotten. */
  introduce(...senders: Sender[]): Promise<void>;
  /** A card click by `sender`; the invoke answer. */
  invoke(sender: Sender, verb: string, data: unknown): Promise<InvokeAnswer>;
  /** Stops the bot but keeps the database and the connector (a restart). */
  stopBot(): Promise<void>;
  /** Starts a bot again on the same database. */
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  engine?: TestEngine;
  env?: Environment;
  /** Reuse a database (a second instance, or a restart). */
  database?: TestDatabase;
  connector?: FakeConnector;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const connector = options.connector ?? (await new FakeConnector().start());
  const database = options.database ?? (await (options.engine ?? sqliteEngine).create());
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    OUTBOX_POLL_INTERVAL_MS: '50',
    // Reminders go out only when a test runs them (running.runDueReminders()) on its own clock.
    REMINDER_TICK_CRON: 'off',
    ...options.env,
  });
  const make = () => createApp(config, { logger: createLogger('info', sink), ...options });
  let app = make();
  let running = await app.start();

  const testApp: TestApp = {
    get running() {
      return running;
    },
    connector,
    database,
    logLines,
    async post(body, headers = {}) {
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    async introduce(...senders) {
      for (const sender of senders) {
        const { status } = await testApp.post(
          message(sender, 'hjälp', { serviceUrl: connector.url }),
        );
        if (status !== 200) throw new Error(`introducing ${sender.name}: HTTP ${status}`);
      }
      await running.sender.drain();
      connector.reset();
    },
    async invoke(sender, verb, data) {
      const response = await testApp.post(
        cardAction(sender, verb, data, { serviceUrl: connector.url }),
      );
      if (response.status !== 200)
        throw new Error(`${verb} by ${sender.name}: HTTP ${response.status}`);
      return JSON.parse(response.body) as InvokeAnswer;
    },
    async stopBot() {
      await app.stop();
    },
    async restartBot() {
      app = make();
      running = await app.start();
    },
    async stop() {
      await app.stop();
      if (!options.connector) await connector.stop();
      if (!options.database) await database.drop();
    },
  };
  return testApp;
}
