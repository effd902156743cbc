import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cardAction,
  installation,
  message,
  people,
  personalConversationId,
} from '../support/activities.js';
import { cardProblems, missingTexts } from '../support/card-validator.js';
import { cardOf, textOf } from '../support/fake-connector.js';
import { engines } from '../support/engines.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { shownAsText } from '../support/card-text.js';
import { declaredButtons } from '../support/teams-client.js';

for (const engine of engines) {
  describe(`the bot in local mode, end to end (${engine.name})`, () => {
    let app: TestApp;
    const as = () => ({ serviceUrl: app.connector.url });

    // A new app and database per test.
    beforeEach(async () => {
      app = await startTestApp({ engine });
    });
    afterEach(async () => {
      await app?.stop();
    });

    async function send(activity: unknown) {
      const response = await app.post(activity);
      expect(response.status).toBe(200);
      return response;
    }

    function repliesTo(sender: { aadObjectId: string }) {
      return app.connector.deliveredTo(personalConversationId(sender as never));
    }

    it('welcomes a person who installs the app with the help card, and remembers their chat', async () => {
      await send(installation(people.anna, 'add', as()));
      const replies = repliesTo(people.anna);
      expect(replies).toHaveLength(2);
      expect(textOf(replies[0]!)).toContain('Välkommen');
      const card = cardOf(replies[1]!);
      expect(card).toBeDefined();
      expect(JSON.stringify(card)).toContain('Hej Anna Andersson!');

      const stored = await app.query.person(people.anna);
      expect(stored?.installed).toBe(true);
      expect(stored?.personId).toBe('anna');
      expect(stored?.conversationId).toBe(personalConversationId(people.anna));
      expect(JSON.parse(stored!.conversationReference!).conversation.id).toBe(
        personalConversationId(people.anna),
      );
    });

    it('answers "hjälp" with a valid help card that lists the four jobs and has buttons', async () => {
      await send(message(people.anna, 'hjälp', as()));
      const [reply] = repliesTo(people.anna);
      const card = cardOf(reply!)!;
      expect(cardProblems(card)).toEqual([]);
      const text = JSON.stringify(card);
      expect(
        missingTexts(text, [
          'Rapportera IT-incidenter',
          'Frågor om reglerna',
          'Godkännanden',
          'Påminnelser',
        ]),
      ).toEqual([]);
      const actions = declaredButtons(card);
      expect(actions.map((a) => a.title)).toEqual([
        'Rapportera incident',
        'Mina incidenter',
        'Regler',
        'Begär godkännande',
        'Godkännanden',
        'Åtgärder',
      ]);
      expect(actions.every((a) => a.type === 'Action.Execute' && a.verb === 'command.run')).toBe(
        true,
      );
    });

    it('matches commands case-insensitively, with a slash, and by their English alias', async () => {
      for (const text of ['HJÄLP', '/hjälp', 'help', 'Hjalp?']) {
        app.connector.reset();
        await send(message(people.anna, text, as()));
        expect(cardOf(repliesTo(people.anna)[0]!), text).toBeDefined();
      }
    });

    it('answers in English when Teams says the locale is English', async () => {
      await send(message(people.anna, 'help', { ...as(), locale: 'en-US' }));
      const text = JSON.stringify(cardOf(repliesTo(people.anna)[0]!));
      expect(text).toContain('Report incident');
      expect(text).toContain('Hi Anna Andersson!');
    });

    it('tells a systemägare and the kommunchef their roles on the help card', async () => {
      await send(message(people.olof, 'hjälp', as()));
      expect(JSON.stringify(cardOf(repliesTo(people.olof)[0]!))).toContain(
        'systemägare för Ekonomisystemet, Lönesystemet',
      );
      await send(message(people.karin, 'hjälp', as()));
      expect(JSON.stringify(cardOf(repliesTo(people.karin)[0]!))).toContain('Din roll: kommunchef');
    });

    it('treats any other text as a question about the Användare rules', async () => {
      await send(message(people.anna, 'får jag använda usb-minne?', as()));
      expect(textOf(repliesTo(people.anna)[0]!)).toContain('Säkerhetskopiering och lagring');
    });

    it('answers an over-long message with a clear Swedish message', async () => {
      await send(message(people.anna, 'x'.repeat(5000), as()));
      expect(textOf(repliesTo(people.anna)[0]!)).toContain('Meddelandet är för långt');
    });

    it('runs the command behind a help-card button and leaves the help card as it was', async () => {
      const [help] = await app.as(people.anna).say('hjälp');
      app.connector.reset();
      const answer = await app.as(people.anna).click(help!, 'Mina incidenter');
      expect(answer).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Svaret kommer i ett nytt meddelande.',
      });
      expect(textOf(repliesTo(people.anna)[0]!)).toContain('Dina rapporter');
      expect(app.connector.updated).toEqual([]);
    });

    it('answers forged or malformed card data with a clear message and does nothing', async () => {
      for (const [verb, data] of [
        ['command.run', { command: 'rm -rf' }],
        ['command.run', { command: 42 }],
        ['no.such.verb', {}],
        ['command.run', null],
      ] as const) {
        const response = await send(cardAction(people.anna, verb, data, as()));
        const invoke = JSON.parse(response.body) as { type: string; value: string };
        expect(invoke.type).toBe('application/vnd.microsoft.activity.message');
        expect(invoke.value).toContain('Knappen kunde inte hanteras');
      }
      expect(repliesTo(people.anna)).toHaveLength(0);
    });

    it('shows a name with markdown as plain text, not as a link', async () => {
      const trickster = {
        aadObjectId: '00000000-0000-0000-0000-0000000000ee',
        name: '[Klicka här](https://evil.example) **fet**',
      };
      await send(message(trickster, 'hjälp', as()));
      const card = cardOf(repliesTo(trickster)[0]!);
      expect(shownAsText(card, '[Klicka här](https://evil.example) **fet**')).toBe(true);
    });

    it('refuses malformed bodies with 400 and keeps running', async () => {
      for (const body of [
        '{not json',
        '[1,2]',
        '"text"',
        JSON.stringify({ type: 'message' }),
        JSON.stringify({ type: 'message', text: 'hjälp', serviceUrl: 'nope' }),
      ]) {
        const response = await app.post(body);
        expect(response.status, body).toBe(400);
        expect(response.body).not.toMatch(/at .*\.ts:\d+/);
      }
      const health = await fetch(`${app.running.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    });

    it('apologises in Swedish with an error code, not a stack trace, when a turn fails', async () => {
      // The connector refuses the first reply (400 is not retried): the turn fails; the apology goes through.
      app.connector.fail(400, { conversationId: personalConversationId(people.anna), times: 1 });
      await app.post(message(people.anna, 'hjälp', as()));
      const apology = await app.connector.waitFor(() => repliesTo(people.anna)[0]);
      const text = textOf(apology);
      expect(text).toMatch(/Något gick fel hos mig.*felkod [0-9a-f-]{36}/);
      expect(text).not.toMatch(/Error|at .*\(/);
      const correlationId = /felkod ([0-9a-f-]{36})/.exec(text)![1]!;
      expect(
        app.logLines.some((line) => line.includes(correlationId) && line.includes('turn failed')),
      ).toBe(true);
    });

    it('keeps names and message text out of the process log', () => {
      const log = app.logLines.join('\n');
      expect(log).not.toContain('Anna Andersson');
      expect(log).not.toContain('usb-minne');
    });

    it('marks a person who removes the app as uninstalled', async () => {
      await send(installation(people.anna, 'remove', as()));
      expect((await app.query.person(people.anna))?.installed).toBe(false);
    });
  });
}

describe('a bot told to answer in one language (FORCE_LOCALE)', () => {
  it('answers in Swedish even when the client says en-US, as the playground does', async () => {
    const app = await startTestApp({ env: { FORCE_LOCALE: 'sv-SE' } });
    try {
      await app.post(
        message(people.anna, 'help', { serviceUrl: app.connector.url, locale: 'en-US' }),
      );
      const [reply] = app.connector.deliveredTo(personalConversationId(people.anna));
      expect(JSON.stringify(cardOf(reply!))).toContain('Hej Anna Andersson!');
      expect((await app.query.person(people.anna))?.locale).toBe('sv-SE');
    } finally {
      await app.stop();
    }
  });
});
