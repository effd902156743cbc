import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApp, type AppOptions, type RunningApp } from '../../src/main.js';
import { loadConfig, type Environment } from '../../src/platform/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/log.js';
import { sqliteEngine, type TestDatabase, type TestEngine } from './engines.js';
import {
  cardAction,
  message,
  personalConversationId,
  searchInvoke,
  type ActivityOptions,
  type Sender,
} from './activities.js';
import { dynamicDatasetOf, pressButton, refreshOf, type ButtonRef } from './teams-client.js';
import { cardOf, FakeConnector, type ConnectorCall } from './fake-connector.js';
import { queriesOn, type Queries } from './queries.js';
import { Writable } from 'node:stream';

/** What the bot answers to a card click (the body of the invoke response). */
export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: Record<string, unknown> | string;
}

/** Something a card can be taken from: the card itself, a delivered message, or an invoke answer. */
export type CardSource = Record<string, unknown> | ConnectorCall | InvokeAnswer;

/** One person using the bot, as a scenario reads. */
export interface Actor {
  /** Writes `text` to the bot; what the bot replied in that conversation during the turn. */
  say(text: string, options?: Omit<ActivityOptions, 'serviceUrl'>): Promise<ConnectorCall[]>;
  /**
   * Presses the button titled `buttonTitle` on `card` as Teams does, with the
   * adaptivecards SDK (test/support/teams-client.ts): `inputs` are typed into the
   * card first, and the invoke comes from the conversation the card is in, with the
   * id of its message as `replyToId`.
   */
  click(
    card: CardSource,
    button: ButtonRef,
    inputs?: Record<string, string>,
  ): Promise<InvokeAnswer>;
  /** Teams asks for the current card as the person looks at it (the card's `refresh`). */
  refresh(card: CardSource): Promise<InvokeAnswer>;
  /**
   * Types `text` into the typeahead picker `inputId` of `card`: Teams sends it to the
   * dataset the picker names (`choices.data`), and shows the choices answered.
   */
  search(card: CardSource, inputId: string, text: string): Promise<SearchResult[]>;
}

export interface SearchResult {
  title: string;
  value: string;
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
  /**
   * A card click by `sender` with hand-made data: for forged and malformed requests,
   * which no Teams client sends. A real click is `as(sender).click(...)`.
   */
  invoke(
    sender: Sender,
    verb: string,
    data: unknown,
    options?: Omit<ActivityOptions, 'serviceUrl'>,
  ): Promise<InvokeAnswer>;
  as(person: Sender): Actor;
  /** What reached the person's personal chat so far, once the outbox has nothing due. */
  inboxOf(person: Sender): Promise<ConnectorCall[]>;
  /** What the bot stored, read from its database. */
  query: Queries;
  /** Queues a proactive message as a feature would, and wakes the sender. */
  notify(message: OutboxMessage): Promise<boolean>;
  /** Stops the bot but keeps the database and the connector (a restart). */
  stopBot(): Promise<void>;
  /** Starts a bot again on the same database. */
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What reached the person's chat since the last reset, once the outbox has sent
 * everything (drained, not just idle: a second message to one chat waits for its rate limit).
 */
export async function drainedInboxOf(app: TestApp, who: Sender): Promise<ConnectorCall[]> {
  await app.running.sender.drain();
  return app.connector.deliveredTo(personalConversationId(who));
}

export type OutboxMessage = Parameters<RunningApp['outbox']['enqueue']>[0];

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
  /** Where a card shown by an invoke answer lives: in the message whose card was clicked. */
  const origins = new WeakMap<object, CardOrigin>();
  const originOf = (source: CardSource, card: Record<string, unknown>): CardOrigin | undefined => {
    if ('method' in source && 'path' in source) return originOfCall(source as ConnectorCall);
    const known = origins.get(source) ?? origins.get(card);
    if (known) return known;
    const call = connector.history.find((c) => cardOf(c) === card);
    return call ? originOfCall(call) : undefined;
  };
  let app = make();
  let running = await app.start();

  const searchesOf = new Map<string, Record<string, SearchResult[]>>();
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
    async invoke(sender, verb, data, activityOptions = {}) {
      const response = await testApp.post(
        cardAction(sender, verb, data, { serviceUrl: connector.url, ...activityOptions }),
      );
      if (response.status !== 200)
        throw new Error(`${verb} by ${sender.name}: HTTP ${response.status}`);
      return JSON.parse(response.body) as InvokeAnswer;
    },
    as(person) {
      // What this person's searches found, by picker: their choices to pick from.
      const found = searchesOf.get(person.aadObjectId) ?? {};
      searchesOf.set(person.aadObjectId, found);
      return {
        async say(text, activityOptions = {}) {
          const activity = message(person, text, { serviceUrl: connector.url, ...activityOptions });
          const before = connector.calls.length;
          const { status } = await testApp.post(activity);
          if (status !== 200) throw new Error(`${person.name} says "${text}": HTTP ${status}`);
          return connector.calls
            .slice(before)
            .filter(
              (c) =>
                c.conversationId === activity.conversation.id && connector.delivered.includes(c),
            );
        },
        async click(source, button, inputs) {
          const card = cardFrom(source);
          const press = pressButton(card, button, inputs, found);
          const buttonTitle = typeof button === 'string' ? button : button.title;
          if (press.type !== 'Action.Execute' || !press.verb)
            throw new Error(
              `"${buttonTitle}" is an ${press.type}; the bot's buttons are Action.Execute`,
            );
          return answerIn(
            card,
            source,
            await testApp.invoke(person, press.verb, press.data, where(source, card)),
          );
        },
        async search(source, inputId, text) {
          const card = cardFrom(source);
          const dataset = dynamicDatasetOf(card, inputId);
          if (!dataset) throw new Error(`the card has no typeahead picker ${inputId}`);
          const response = await testApp.post(
            searchInvoke(person, dataset, text, {
              serviceUrl: connector.url,
              ...where(source, card),
            }),
          );
          if (response.status !== 200)
            throw new Error(`search by ${person.name}: HTTP ${response.status} ${response.body}`);
          const answer = JSON.parse(response.body) as {
            type?: string;
            value?: { results?: SearchResult[] };
          };
          if (answer.type !== 'application/vnd.microsoft.search.searchResponse')
            throw new Error(`not a search response: ${response.body}`);
          const results = answer.value?.results ?? [];
          found[inputId] = [...(found[inputId] ?? []), ...results];
          return results;
        },
        async refresh(source) {
          const card = cardFrom(source);
          const press = refreshOf(card);
          if (!press?.verb) throw new Error('the card has no refresh action');
          return answerIn(
            card,
            source,
            await testApp.invoke(person, press.verb, press.data, {
              ...where(source, card),
              trigger: 'automatic',
            }),
          );
        },
      };
    },
    async inboxOf(person) {
      await running.sender.whenIdle();
      return connector.deliveredTo(personalConversationId(person));
    },
    get query() {
      return queriesOn(running.db.kysely, config.orgFile);
    },
    async notify(outgoing) {
      const added = await running.outbox.enqueue(outgoing, (options.clock ?? systemClock).now());
      if (added) running.sender.wake();
      return added;
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
  /** The conversation and message a click on this card comes from. */
  function where(source: CardSource, card: Record<string, unknown>) {
    const origin = originOf(source, card);
    if (!origin) return {};
    return {
      conversationId: origin.conversationId,
      conversationType: origin.conversationType,
      replyToId: origin.activityId,
    };
  }

  /** A card in the invoke answer replaces the clicked one in the same message. */
  function answerIn(card: Record<string, unknown>, source: CardSource, answer: InvokeAnswer) {
    const origin = originOf(source, card);
    if (origin) {
      origins.set(answer, origin);
      if (typeof answer.value === 'object') origins.set(answer.value, origin);
    }
    return answer;
  }

  return testApp;
}

interface CardOrigin {
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  activityId: string | undefined;
}

/** A message the bot posted: its conversation, and the id the connector gave it. */
function originOfCall(call: ConnectorCall): CardOrigin | undefined {
  if (!call.conversationId) return undefined;
  const type = (call.body.conversation as { conversationType?: string } | undefined)
    ?.conversationType;
  return {
    conversationId: call.conversationId,
    conversationType: type === 'groupChat' || type === 'channel' ? type : 'personal',
    activityId: call.activityId,
  };
}

function cardFrom(source: CardSource): Record<string, unknown> {
  if ((source as Record<string, unknown>).type === 'AdaptiveCard')
    return source as Record<string, unknown>;
  if ('body' in source && 'method' in source) {
    const card = cardOf(source as ConnectorCall);
    if (card) return card;
  }
  if ('statusCode' in source && typeof source.value === 'object' && source.value !== null)
    return source.value as Record<string, unknown>;
  throw new Error(`no Adaptive Card in ${JSON.stringify(source).slice(0, 200)}`);
}

/**
 * One test app for the tests of a describe block: started (and `introduce`d to
 * the given people) before them, with a drained outbox and an empty connector
 * before each, stopped after them. Call it inside the describe; read the app
 * through the returned function.
 */
export function useTestApp(
  options: TestAppOptions & { introduce?: readonly Sender[] },
): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
    if (options.introduce) await app.introduce(...options.introduce);
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(async () => {
    await app!.running.sender.drain();
    app!.connector.reset();
  });
  return () => app!;
}
