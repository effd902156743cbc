import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, GROUP_CHAT, people, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { declaredButtons } from '../support/teams-client.js';
import { useTestApp } from '../support/test-app.js';
import { phishingForm } from '../support/incident-samples.js';

const { karin, lars, anna, per } = people;

const inGroup = { conversationType: 'groupChat', conversationId: GROUP_CHAT.id } as const;
const inChannel = { conversationType: 'channel', conversationId: CHANNEL.id } as const;

const ANSWERED_PERSONALLY = 'Jag har svarat dig i en personlig chatt.';

const phishing = {
  ...phishingForm,
  title: 'Klickade på länk i mejl från lönekontoret',
  personalData: 'ja',
};

/** Everything the bot put into a conversation: its texts and the cards' JSON. */
const shown = (calls: ConnectorCall[]) => calls.map(textOf).join('\n');

for (const engine of engines) {
  describe(`team channels and group chats (${engine.name})`, () => {
    // Two minutes on for each test, from 2026-11-30 10:00 in Stockholm: Anna reports in
    // most of them, and five reports within a minute are her limit.
    let now = new Date('2026-11-30T09:00:00Z');
    beforeEach(() => {
      now = new Date(now.getTime() + 120_000);
    });
    // Per has never written to the bot in a personal chat: it knows no chat to answer him in.
    const app = useTestApp({
      engine,
      clock: { now: () => now },
      introduce: [karin, lars, people.sara, people.olof, anna],
    });

    /** What the bot posted into the shared conversation in this test, once the outbox is idle too. */
    async function postedIn(conversationId: string): Promise<ConnectorCall[]> {
      await app().running.sender.whenIdle();
      return app().connector.deliveredTo(conversationId);
    }

    async function report(sender: Sender): Promise<string> {
      const [form] = await app().as(sender).say('incident');
      const receipt = await app().as(sender).click(form!, 'Skicka rapporten', phishing);
      const number = /INC-2026-\d{4}/.exec(JSON.stringify(receipt.value))?.[0];
      expect(number).toBeDefined();
      await app().running.sender.drain();
      app().connector.reset();
      return number!;
    }

    it('When Anna asks for her incidents in a team channel, then the channel gets one neutral line and her personal chat the list', async () => {
      const number = await report(anna);

      const said = await app().as(anna).say('mina incidenter', inChannel);
      expect(said.map((c) => c.body.text)).toEqual([ANSWERED_PERSONALLY]);
      expect(said.every((c) => cardOf(c) === undefined)).toBe(true);

      const [list, ...more] = await app().inboxOf(anna);
      expect(more).toEqual([]);
      expect(textOf(list!)).toContain(number);
      expect(textOf(list!)).toContain('Klickade på länk i mejl från lönekontoret');

      const channel = shown(await postedIn(CHANNEL.id));
      expect(channel).not.toContain(number);
      expect(channel).not.toContain('lönekontoret');
      expect(channel).toBe(ANSWERED_PERSONALLY);
    });

    it.each([
      ['incident', 'Skicka rapporten'],
      ['mina incidenter', 'INC-2026-'],
      ['begär godkännande', 'Skicka begäran'],
      ['godkännanden', 'Godkännanden'],
      ['mål', 'Årliga mål 2026'],
      ['påminnelser', 'Dina kommande påminnelser'],
      ['kvittenser', 'genomgången av reglerna'],
      ['utkorg', 'Utkorgen'],
    ])(
      'When the coordinator writes "%s" in a group chat, then the group chat gets only the neutral line and the answer comes in his personal chat',
      async (command, answerShows) => {
        await report(anna);

        const said = await app().as(lars).say(command, inGroup);
        expect(said.map((c) => c.body.text)).toEqual([ANSWERED_PERSONALLY]);

        const inbox = await app().inboxOf(lars);
        expect(inbox).toHaveLength(1);
        expect(shown(inbox).toLowerCase()).toContain(answerShows.toLowerCase());

        const group = await postedIn(GROUP_CHAT.id);
        expect(shown(group)).toBe(ANSWERED_PERSONALLY);
      },
    );

    it('When someone with an English Teams asks in a group chat, then the neutral line is English', async () => {
      const said = await app()
        .as(anna)
        .say('my incidents', { ...inGroup, locale: 'en-US' });
      expect(said.map((c) => c.body.text)).toEqual(['I have answered you in a personal chat.']);
      expect(await app().inboxOf(anna)).toHaveLength(1);
    });

    it('When someone the bot has no personal chat with asks in a group chat, then they are told to open one and nothing is sent anywhere', async () => {
      const said = await app().as(per).say('godkännanden', inGroup);
      expect(said).toHaveLength(1);
      expect(said[0]!.body.text).toContain('personlig chatt');
      expect(said[0]!.body.text).toContain('"godkännanden"');

      await app().running.sender.whenIdle();
      expect(app().connector.calls.filter((c) => c.conversationId !== GROUP_CHAT.id)).toEqual([]);
      expect(app().connector.calls.filter((c) => c.path === '/v3/conversations')).toEqual([]);
    });

    it('When someone asks for help in a group chat, then the card there shows what can be done there and nothing of them', async () => {
      const [help, ...more] = await app().as(lars).say('hjälp', inGroup);
      expect(more).toEqual([]);
      const card = cardOf(help!)!;
      const text = JSON.stringify(card);
      expect(text).toContain('Frågor om reglerna');
      expect(text).not.toContain('Din roll');
      expect(text).not.toContain('samordnare');
      expect(declaredButtons(card).map((b) => b.title)).toEqual(['Regler']);
      expect(await app().inboxOf(lars)).toEqual([]);

      // In his personal chat the same command shows his role and every button.
      const [personal] = await app().as(lars).say('hjälp');
      expect(textOf(personal!)).toContain('IT-säkerhetssamordnare');
      expect(declaredButtons(cardOf(personal!)!).length).toBeGreaterThan(1);
    });

    it('When someone asks a rules question in a channel, then the answer is posted in the channel', async () => {
      const [answer, ...more] = await app().as(anna).say('får jag använda usb-minne?', inChannel);
      expect(more).toEqual([]);
      expect(textOf(answer!)).toContain('USB-minnen och externa hårddiskar');
      expect(await app().inboxOf(anna)).toEqual([]);
    });

    it('When Anna browses the rules in a group chat and presses "Rapportera incident", then the form comes to her personal chat and works there', async () => {
      const [areas] = await app().as(anna).say('regler', inGroup);
      const area = await app().as(anna).click(areas!, 'IT-incidenthantering');
      expect(area.type).toBe('application/vnd.microsoft.card.adaptive');
      const ruleLink = declaredButtons(area.value as Record<string, unknown>).find(
        (b) => b.verb === 'rules.show',
      );
      const rule = await app().as(anna).click(area, ruleLink!.title);
      expect(rule.type).toBe('application/vnd.microsoft.card.adaptive');

      const pressed = await app().as(anna).click(rule, 'Rapportera incident');
      expect(pressed.value).toBe(ANSWERED_PERSONALLY);
      const [form, ...more] = await app().inboxOf(anna);
      expect(more).toEqual([]);
      const receipt = await app().as(anna).click(form!, 'Skicka rapporten', phishing);
      expect(JSON.stringify(receipt.value)).toMatch(/INC-2026-\d{4}/);

      expect(shown(await postedIn(GROUP_CHAT.id))).not.toContain('lönekontoret');
    });

    it('When an incident card sits in a group chat from before, then looking at it shows no detail and a click answers in the personal chat', async () => {
      const number = await report(anna);
      const incident = (await app().query.incidentsOf(anna)).find((i) => i.number === number);

      const refreshed = await app().invoke(
        lars,
        'incident.refresh',
        { incidentId: incident!.id },
        { ...inGroup, trigger: 'automatic' },
      );
      const refreshedText = JSON.stringify(refreshed.value);
      expect(refreshedText).toContain('bara i en personlig chatt');
      expect(refreshedText).not.toContain(number);
      expect(refreshedText).not.toContain('lönekontoret');

      const opened = await app().invoke(
        lars,
        'incident.open',
        { incidentId: incident!.id },
        inGroup,
      );
      expect(opened.value).toBe(ANSWERED_PERSONALLY);
      const [card, ...more] = await app().inboxOf(lars);
      expect(more).toEqual([]);
      expect(textOf(card!)).toContain(number);
      expect(await postedIn(GROUP_CHAT.id)).toEqual([]);
    });
  });
}
