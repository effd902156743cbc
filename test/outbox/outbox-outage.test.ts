import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GROUP_CHAT,
  people,
  personalConversationId,
  TENANT,
  type Sender,
} from '../support/activities.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { karin, lars, sara, dina, olof, maria, anna, erik } = people;
const everyone = [karin, lars, sara, dina, olof, maria, anna, erik];

/** The simulated time: the outbox retries on this clock; nothing in these tests waits for real. */
let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const kritisk = {
  title: 'Journalsystemet krypterat',
  category: 'skadlig-kod',
  system: 'vard',
  discoveredDate: '2026-11-30',
  discoveredTime: '09:30',
  description: 'Skärmarna visar ett meddelande om lösensumma.',
  personalData: 'ja',
  severity: 'kritisk',
};

for (const engine of engines) {
  describe(`the outbox through a Teams outage (${engine.name})`, () => {
    let app: TestApp;
    // A new app and database per test, everyone introduced, so the bot knows their chats.
    beforeEach(async () => {
      now = new Date('2026-11-30T09:00:00Z');
      app = await startTestApp({
        engine,
        clock,
        env: { INCIDENT_DEADLINE_CHECK_SECONDS: '86400', OUTBOX_MAX_ATTEMPTS: '3' },
      });
      await app.introduce(...everyone);
    });
    afterEach(async () => {
      await app?.stop();
    });

    /**
     * Lets simulated time pass in steps, the sender doing what is due after each step,
     * until `ms` have passed or `done` holds.
     */
    async function letTimePass(
      ms: number,
      step: number,
      done: () => boolean = () => false,
    ): Promise<void> {
      const end = now.getTime() + ms;
      while (now.getTime() < end && !done()) {
        await app.running.sender.whenIdle();
        advance(step);
      }
      await app.running.sender.whenIdle();
    }

    const inbox = (person: Sender) => app.connector.deliveredTo(personalConversationId(person));

    it('When Teams answers 5xx for three minutes, then every routing card of a kritisk incident is delivered afterwards', async () => {
      app.connector.fail(503, { times: Number.POSITIVE_INFINITY });
      const receipt = await app.invoke(anna, 'incident.submit', {
        submissionId: randomUUID(),
        ...kritisk,
      });
      const number = /INC-2026-\d{4}/.exec(JSON.stringify(receipt.value))![0];

      await letTimePass(3 * MINUTE, 15 * SECOND);
      expect(app.connector.calls.filter((c) => c.status === 503).length).toBeGreaterThan(5);
      expect(app.connector.delivered).toHaveLength(0);

      app.connector.recover();
      // Coordinators (triage), the systemägare of vård, the DSO (personal data) and the kommunchef.
      const routedTo = [lars, sara, maria, dina, karin];
      // The longest backoff is minutes: within a quarter of an hour everything is through.
      await letTimePass(15 * MINUTE, 30 * SECOND, () => routedTo.every((p) => inbox(p).length > 0));
      for (const person of routedTo) {
        const cards = inbox(person).filter((c) => textOf(c).includes(number));
        expect(cards, person.name).toHaveLength(1);
      }
      for (const person of [olof, erik]) expect(inbox(person), person.name).toHaveLength(0);
    });

    it('When an outage outlasts a message’s deadline, then the coordinators are told what could not be delivered', async () => {
      app.connector.fail(503, {
        times: Number.POSITIVE_INFINITY,
        conversationId: personalConversationId(olof),
      });
      await app.notify({
        dedupeKey: 'routing-to-olof',
        recipientAadObjectId: olof.aadObjectId,
        tenantId: TENANT,
        activity: { type: 'message', text: 'Ny incident INC-2026-0042' },
        deadline: {
          at: new Date(now.getTime() + 10 * MINUTE),
          purpose: 'incident-routing',
          subject: 'INC-2026-0042',
        },
      });
      // Tried for all of its ten minutes, not given up after the usual three attempts.
      await letTimePass(12 * MINUTE, 30 * SECOND);
      const tries = app.connector.calls.filter(
        (c) => c.conversationId === personalConversationId(olof),
      );
      expect(tries.length).toBeGreaterThan(3);
      expect(await app.query.outboxRow('routing-to-olof')).toMatchObject({ status: 'failed' });

      await app.running.runTask('outbox recovery');
      await app.running.sender.whenIdle();
      for (const coordinator of [lars, sara]) {
        const [notice, ...more] = inbox(coordinator);
        expect(more).toHaveLength(0);
        const text = textOf(notice!);
        expect(text).toContain('INC-2026-0042');
        expect(text).toContain('Olof Strand');
        expect(text).toContain('utkorg');
      }
      // Told once, however often the check runs.
      await app.running.runTask('outbox recovery');
      await app.running.sender.whenIdle();
      expect(inbox(lars)).toHaveLength(1);
    });

    it('When the connector answers again, then the periodic check sends a message that failed on a 5xx, not one Teams refused', async () => {
      app.connector.fail(503, { times: 3, conversationId: personalConversationId(anna) });
      app.connector.fail(400, { conversationId: personalConversationId(erik) });
      await app.notify(message(anna, 'transient'));
      await app.notify(message(erik, 'refused'));
      await letTimePass(2 * MINUTE, 10 * SECOND);
      expect(await app.query.outboxRow('transient')).toMatchObject({ status: 'failed' });
      expect(await app.query.outboxRow('refused')).toMatchObject({ status: 'failed' });

      // Nothing shows yet that the connector is back: the check leaves the message alone.
      await app.running.runTask('outbox recovery');
      await app.running.sender.whenIdle();
      expect(inbox(anna)).toHaveLength(0);

      await app.notify(message(karin, 'proof-of-life'));
      await app.running.sender.whenIdle();
      expect(inbox(karin)).toHaveLength(1);
      await app.running.runTask('outbox recovery');
      await app.running.sender.whenIdle();
      expect(inbox(anna)).toHaveLength(1);
      expect(await app.query.outboxRow('transient')).toMatchObject({ status: 'sent' });
      expect(await app.query.outboxRow('refused')).toMatchObject({ status: 'failed' });
      expect(inbox(erik)).toHaveLength(0);
    });

    it('When a coordinator says "utkorg", then they see what could not be delivered and can send it again', async () => {
      app.connector.fail(400, { conversationId: personalConversationId(anna) });
      await app.notify(message(anna, 'stuck'));
      await app.running.sender.whenIdle();
      expect(await app.query.outboxRow('stuck')).toMatchObject({ status: 'failed' });

      const [reply] = await app.as(lars).say('utkorg');
      const card = cardOf(reply!)!;
      expect(JSON.stringify(card)).toContain('Anna Andersson');
      expect(JSON.stringify(card)).toContain('HTTP 400');

      const answer = await app.as(lars).click(card, 'Skicka igen');
      expect(JSON.stringify(answer.value)).toContain('Anna Andersson');
      await app.running.sender.whenIdle();
      expect(inbox(anna)).toHaveLength(1);
      expect(await app.query.outboxRow('stuck')).toMatchObject({ status: 'sent' });

      // A second click on the old card sends nothing more.
      const again = await app.as(lars).click(card, 'Skicka igen');
      expect(JSON.stringify(again.value)).toContain('redan');
      await app.running.sender.whenIdle();
      expect(inbox(anna)).toHaveLength(1);

      const [english] = await app.as(sara).say('outbox', { locale: 'en-US' });
      expect(JSON.stringify(cardOf(english!))).toContain('Nothing');
    });

    it('When someone who is no coordinator asks for the outbox, then they see none of it; asked in a group chat, it comes to the personal chat', async () => {
      app.connector.fail(400, { conversationId: personalConversationId(anna) });
      await app.notify(message(anna, 'stuck'));
      await app.running.sender.whenIdle();

      const [refusal] = await app.as(erik).say('utkorg');
      expect(textOf(refusal!)).toContain('säkerhetssamordnare');
      expect(textOf(refusal!)).not.toContain('Anna');

      // Asked in a group chat, the list comes to his personal chat; the group sees one line.
      const group = await app.as(lars).say('utkorg', {
        conversationType: 'groupChat',
        conversationId: GROUP_CHAT.id,
      });
      expect(group.map(textOf)).toEqual(['Jag har svarat dig i en personlig chatt.']);
      await app.running.sender.whenIdle();
      const [list] = app.connector.deliveredTo(personalConversationId(lars));
      expect(textOf(list!)).toContain('Anna');

      const forged = await app.invoke(erik, 'outbox.requeue', {
        id: (await app.query.outboxRow('stuck'))!.id,
      });
      expect(JSON.stringify(forged.value)).toContain('säkerhetssamordnare');
      await app.running.sender.whenIdle();
      expect(await app.query.outboxRow('stuck')).toMatchObject({ status: 'failed' });
    });
  });
}

function message(recipient: Sender, key: string) {
  return {
    dedupeKey: key,
    recipientAadObjectId: recipient.aadObjectId,
    tenantId: TENANT,
    activity: { type: 'message', text: `Meddelande ${key}` },
  };
}
