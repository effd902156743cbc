import { describe, expect, it } from 'vitest';
import { people, type Sender } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { phishingForm } from '../support/incident-samples.js';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startTestApp, useTestApp, type TestApp } from '../support/test-app.js';
import { pressButton } from '../support/teams-client.js';

const { karin, lars, sara, dina, olof, maria, anna, erik } = people;
const everyone = [karin, lars, sara, dina, olof, maria, anna, erik];

/** 2027-03-10 10:00 in Stockholm. */
const clock = { now: () => new Date('2027-03-10T09:00:00Z') };

interface Section {
  id: string;
  heading: string;
  items: { title: string; subtitle: string; flag?: string }[];
}

/** The tab's API in local mode: the person picker's choice is who asks. */
async function tabGet(app: TestApp, path: string, person?: string, locale = 'sv') {
  const response = await fetch(
    `${app.running.url}${path}${path.includes('?') ? '&' : '?'}locale=${locale}`,
    {
      headers: person ? { 'x-local-person': person } : {},
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sectionsOf = (body: Record<string, unknown>) => body.sections as Section[];
const titlesIn = (body: Record<string, unknown>, id: string) =>
  sectionsOf(body)
    .filter((s) => s.id === id)
    .flatMap((s) => s.items.map((i) => i.title));

for (const engine of engines) {
  describe(`the tab's API in local mode (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: everyone });

    async function report(sender: Sender, title: string): Promise<string> {
      const [form] = await app().as(sender).say('incident');
      const answer = await app()
        .as(sender)
        .click(form!, 'Skicka rapporten', { ...phishingForm, title, discoveredDate: '2027-03-10' });
      const number = /INC-2027-\d{4}/.exec(JSON.stringify(answer.value))?.[0];
      expect(number, 'the receipt names the incident').toBeDefined();
      return number!;
    }

    it('shows each person the incidents they reported, and nobody else’s', async () => {
      const annas = await report(anna, 'Anna klickade på en länk');
      const eriks = await report(erik, 'Erik tappade sin telefon');

      const forAnna = await tabGet(app(), '/tab/api/overview', 'anna');
      expect(forAnna.status).toBe(200);
      const mine = titlesIn(forAnna.body, 'incidents.mine');
      expect(mine.some((t) => t.startsWith(annas))).toBe(true);
      expect(mine.some((t) => t.startsWith(eriks))).toBe(false);
      expect(JSON.stringify(forAnna.body)).not.toContain('Erik tappade');
      expect(forAnna.body.dashboard).toBe(false);
      // Staff handle no incidents: no such section for Anna.
      expect(sectionsOf(forAnna.body).map((s) => s.id)).not.toContain('incidents.toHandle');

      // A coordinator handles both.
      const forLars = await tabGet(app(), '/tab/api/overview', 'lars');
      const toHandle = titlesIn(forLars.body, 'incidents.toHandle');
      expect(toHandle.some((t) => t.startsWith(annas))).toBe(true);
      expect(toHandle.some((t) => t.startsWith(eriks))).toBe(true);
      expect(forLars.body.dashboard).toBe(true);
    });

    it('refuses the dashboard to staff (403) and gives it to the coordinators and the kommunchef', async () => {
      await report(anna, 'Ännu en länk');
      const forAnna = await tabGet(app(), '/tab/api/dashboard', 'anna');
      expect(forAnna.status).toBe(403);
      expect(JSON.stringify(forAnna.body)).not.toContain('INC-');
      expect(forAnna.body.error).toMatch(/säkerhetssamordnarna och kommunchefen/);

      for (const who of ['sara', 'karin']) {
        const answer = await tabGet(app(), '/tab/api/dashboard', who);
        expect(answer.status).toBe(200);
        const parts = answer.body.parts as {
          id: string;
          heading: string;
          labels?: string[];
          series?: { label: string; data: number[] }[];
        }[];
        const perMonth = parts.find((p) => p.id === 'incidents-per-month')!;
        expect(perMonth.heading).toBe('Incidenter per månad och kategori 2027');
        const phishingSeries = perMonth.series!.find((s) => s.label === 'Nätfiske (phishing)')!;
        // Every incident of these tests is phishing, reported in March.
        expect(phishingSeries.data[2]).toBeGreaterThanOrEqual(1);
        expect(phishingSeries.data.filter((_, month) => month !== 2).every((n) => n === 0)).toBe(
          true,
        );
        expect(parts.map((p) => p.id)).toEqual(
          expect.arrayContaining([
            'incidents-open-by-age',
            'approvals-by-status',
            'measures-open',
            'controls-year',
            'goals',
            'documents',
            'awareness',
          ]),
        );
      }
    });

    it('answers in English where the Teams locale is English', async () => {
      const answer = await tabGet(app(), '/tab/api/dashboard', 'lars', 'en-GB');
      const parts = answer.body.parts as { id: string; heading: string }[];
      expect(parts.find((p) => p.id === 'incidents-per-month')!.heading).toBe(
        'Incidents per month and category, 2027',
      );
    });

    it('asks who you are before it shows anything, and ignores a name it does not know', async () => {
      for (const person of [undefined, 'nobody', '../lars']) {
        const answer = await tabGet(app(), '/tab/api/overview', person);
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe('Välj vem du är först.');
      }
      const session = await tabGet(app(), '/tab/api/session');
      expect(session.body.mode).toBe('local');
      const names = (session.body.people as { name: string }[]).map((p) => p.name);
      expect(names).toContain('Anna Andersson');
      expect(names).toContain('Karin Lund');
    });

    it('searches the rules with the chat’s own search, and lists them all without a query', async () => {
      const found = await tabGet(
        app(),
        `/tab/api/rules?q=${encodeURIComponent('hur ska jag göra om jag fått ett nätfiskemejl?')}`,
        'anna',
      );
      expect(found.status).toBe(200);
      const answer = found.body.answer as { id: string; area: string } | null;
      expect(answer?.area).toBe('IT-incidenthantering');
      const all = await tabGet(app(), '/tab/api/rules', 'anna');
      const areas = all.body.areas as { title: string; rules: unknown[] }[];
      expect(areas.map((a) => a.title)).toContain('Distansarbete');
      expect(areas.every((a) => a.rules.length > 0)).toBe(true);
    });

    it('shows the cards the bot sent each person, and a press acts as that person', async () => {
      const number = await report(anna, 'Inkorgens incident');
      await app().running.sender.drain();
      const inbox = await tabGet(app(), '/tab/api/local/inbox?person=lars');
      expect(inbox.status).toBe(200);
      const messages = inbox.body.messages as { id: string; cards: Record<string, unknown>[] }[];
      const triage = messages.find((m) => JSON.stringify(m.cards).includes(number));
      expect(triage, 'Lars got the triage card of the incident').toBeDefined();
      const incidentId = (await app().query.incidentsOf(anna)).find((i) => i.number === number)!.id;
      expect(JSON.stringify(triage!.cards)).toContain('"verb":"incident.');

      // The button as Teams sends it (the official SDK), pressed through the inbox view's API.
      const take = pressButton(triage!.cards[0]!, 'Ta ärendet');
      const press = async (person: string, verb: string, data: unknown) => {
        const response = await fetch(`${app().running.url}/tab/api/local/press`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ person, verb, data }),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      };
      const stored = async () =>
        (await app().query.incidentsOf(anna)).find((i) => i.id === incidentId)!;

      // Anna may not take her own incident: the server decides from who presses.
      const byAnna = await press('anna', take.verb!, take.data);
      expect(byAnna.status).toBe(200);
      expect((await stored()).assigneeAadObjectId).toBeNull();

      const byLars = await press('lars', take.verb!, take.data);
      expect(byLars.status).toBe(200);
      expect(JSON.stringify(byLars.body.card)).toContain('Lars Berg');
      expect((await stored()).assigneeAadObjectId).toBe(lars.aadObjectId);

      const malformed = await press('nobody', 'incident.update', {});
      expect(malformed.status).toBe(400);
    });
  });
}

describe('the tab in production mode', () => {
  it('answers only with a valid single sign-on token, has no local inbox and takes no person from a header', async () => {
    const pair = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    const appId = '11111111-1111-1111-1111-111111111111';
    const tenant = '00000000-0000-0000-0000-000000000001';
    const app = await startTestApp({
      env: {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: tenant,
        ORG_FILE: 'config/org.example.yaml',
        BOT_DOMAIN: 'itsak.example.se',
      },
      tab: { signingKeys: createLocalJWKSet({ keys: [jwk] }) },
    });
    const tokenFor = (who: Sender) =>
      new SignJWT({ oid: who.aadObjectId, tid: tenant })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(`https://sts.windows.net/${tenant}/`)
        .setAudience(`api://itsak.example.se/${appId}`)
        .setExpirationTime('1h')
        .sign(pair.privateKey);
    const get = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(`${app.running.url}${path}`, { headers });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    try {
      // The local picker's header means nothing here.
      const picked = await get('/tab/api/overview', { 'x-local-person': 'lars' });
      expect(picked.status).toBe(401);
      expect(picked.body.error).toMatch(/Inloggningen kunde inte bekräftas/);

      const asLars = await get('/tab/api/overview', {
        authorization: `Bearer ${await tokenFor(lars)}`,
      });
      expect(asLars.status).toBe(200);
      expect((asLars.body.viewer as { name: string }).name).toBe('Lars Berg');
      expect(asLars.body.dashboard).toBe(true);
      const dashboard = await get('/tab/api/dashboard', {
        authorization: `Bearer ${await tokenFor(anna)}`,
      });
      expect(dashboard.status).toBe(403);

      const inbox = await fetch(`${app.running.url}/tab/api/local/inbox?person=lars`);
      expect(inbox.status).toBe(404);
      const session = await get('/tab/api/session', {});
      expect(session.body.people).toEqual([]);

      // The page may be framed by Teams and Microsoft 365 only.
      const page = await fetch(`${app.running.url}/tab`);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
      expect(csp).not.toMatch(/frame-ancestors[^;]*\*(\s|;|$)/);
    } finally {
      await app.stop();
    }
  });
});
