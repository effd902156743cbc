import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { message, people, personalConversationId } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { textOf, type ConnectorCall } from '../support/fake-connector.js';
import { useTestApp } from '../support/test-app.js';
import { phishingForm } from '../support/incident-samples.js';

const { lars, karin, anna } = people;

/** 2026-11-30 10:00 in Stockholm. */
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };

/** Characters that never belong in stored or shown text: NUL and the bidi controls. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

const apology = 'Något gick fel hos mig';

for (const engine of engines) {
  describe(`input hygiene (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, karin, anna] });
    const sent = (calls: ConnectorCall[]) => calls.map(textOf).join('\n');

    it('stores an incident whose text holds NUL and bidi controls, without them, and shows it so', async () => {
      const [form] = await app().as(anna).say('incident');
      const receipt = await app()
        .as(anna)
        .click(form!, 'Skicka rapporten', {
          ...phishingForm,
          title: 'Skärmen\u0000 visar \u202egnissöl\u202c',
          description: 'Mejl från "chefen"\u2066 med länk\u2069.\u0000',
        });
      expect(JSON.stringify(receipt.value)).not.toContain(apology);
      const [incident] = await app().query.incidentsOf(anna);
      expect(incident, 'the incident is stored').toBeDefined();
      const coordinator = sent(await app().inboxOf(lars));
      expect(coordinator).toContain(incident!.number);
      expect(coordinator).toContain('Skärmen visar gnissöl');
      expect(coordinator).toContain('Mejl från');
      expect(coordinator).not.toMatch(HIDDEN);
      expect(JSON.stringify(coordinator)).not.toContain('\\u0000');
      const [list] = await app().as(anna).say('mina incidenter');
      expect(textOf(list!)).toContain('Skärmen visar gnissöl');
    });

    it('answers a message whose entities lack a type as if they were not there', async () => {
      const conversation = personalConversationId(anna);
      for (const entities of [[{ text: 'x' }], [{ type: 7 }], [null], 'not a list']) {
        app().connector.reset();
        const activity = {
          ...message(anna, 'hjälp', { serviceUrl: app().connector.url }),
          entities,
        };
        const { status } = await app().post(activity);
        expect(status, JSON.stringify(entities)).toBe(200);
        const replies = sent(app().connector.deliveredTo(conversation));
        expect(replies, JSON.stringify(entities)).not.toContain(apology);
        expect(replies, JSON.stringify(entities)).toContain('Rapportera incident');
      }
    });

    it('answers a mention in a group chat even when another entity has no type', async () => {
      const activity = message(anna, 'regler', {
        serviceUrl: app().connector.url,
        conversationType: 'groupChat',
        conversationId: '19:group-hygiene@thread.v2',
      });
      const mentions = 'entities' in activity ? activity.entities : [];
      await app().post({ ...activity, entities: [{ text: 'odd' }, ...mentions] });
      const replies = sent(app().connector.deliveredTo('19:group-hygiene@thread.v2'));
      expect(replies).not.toContain(apology);
      expect(replies).toContain('Regler');
    });

    it('stores an approval link as the URL parser writes it and shows its host next to the button', async () => {
      const [form] = await app().as(anna).say('begär godkännande');
      const answer = await app().as(anna).click(form!, 'Skicka begäran', {
        type: 'arliga-mal',
        subject: 'year:2027',
        title: 'Mål 2027',
        justification: 'Underlaget är granskat.',
        link: 'https://Intra.Kommun.se/mål 2027/"utkast".pdf',
      });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = sent(await app().inboxOf(karin));
      expect(card).toContain('https://intra.kommun.se/m%C3%A5l%202027/%22utkast%22.pdf');
      expect(card).toContain('Öppna underlaget (intra.kommun.se)');
    });

    it('refuses an annual-goals request for a year the form does not offer', async () => {
      // The form offers this year and the next; another year comes only from a forged click.
      for (const year of ['0000', '1999', '2030', '02027']) {
        const answer = await app().invoke(anna, 'approval.submit', {
          submissionId: randomUUID(),
          type: 'arliga-mal',
          subject: `year:${year}`,
          title: `Mål ${year}`,
          justification: 'Underlaget är granskat.',
        });
        expect(JSON.stringify(answer.value), year).toContain('Välj ett av alternativen.');
      }
      await app().running.sender.drain();
      expect(sent(app().connector.deliveredTo(personalConversationId(karin)))).not.toMatch(
        /Mål 0?(0000|1999|2030|2027)/,
      );
    });
  });
}

describe('idle connections', () => {
  const app = useTestApp({ clock, http: { idleTimeoutMs: 300 } });

  it('closes a connection that sends nothing', async () => {
    const { port } = new URL(app().running.url);
    const closed = await new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      const guard = setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, 10_000);
      socket.on('close', () => {
        clearTimeout(guard);
        resolve(true);
      });
      socket.on('error', () => undefined);
    });
    expect(closed, 'the server closed the idle connection').toBe(true);
  });
});
