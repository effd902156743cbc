import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, people, personalConversationId, type Sender } from '../support/activities.js';
import { cardProblems, missingTexts } from '../support/card-validator.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { startTestApp, type InvokeAnswer, type TestApp } from '../support/test-app.js';
import { containerStyleOf, shownAsText } from '../support/card-text.js';
import { buttonTitles, pressButton } from '../support/teams-client.js';
import { phishingForm } from '../support/incident-samples.js';

const { karin, lars, sara, dina, olof, maria, anna, erik } = people;
const everyone = [karin, lars, sara, dina, olof, maria, anna, erik];

/** A controlled clock: 2026-11-30 10:00 in Stockholm. */
let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

const phishing = phishingForm;

for (const engine of engines) {
  describe(`incident reporting, end to end (${engine.name})`, () => {
    let app: TestApp;
    const opts = () => ({ serviceUrl: app.connector.url });

    // A new app and database per test: no test sees another's incidents or messages.
    beforeEach(async () => {
      now = new Date('2026-11-30T09:00:00Z');
      app = await startTestApp({
        engine,
        clock,
        env: { INCIDENT_DEADLINE_CHECK_SECONDS: '86400' },
      });
      // Everyone has the app and has written once, so the bot knows their chats.
      await app.introduce(...everyone);
    });
    afterEach(async () => {
      await app?.stop();
    });

    /** Hand-made click data: for forged and malformed requests only, which no Teams client sends. */
    const forge = (sender: Sender, verb: string, data: unknown) => app.invoke(sender, verb, data);

    const cardText = (answer: InvokeAnswer) => JSON.stringify(answer.value);

    /** The person writes "incident" and gets the form, as a message in their chat. */
    async function openForm(sender: Sender): Promise<ConnectorCall> {
      const [form] = await app.as(sender).say('incident');
      expect(form).toBeDefined();
      return form!;
    }

    /** The person fills in the form and presses "Skicka rapporten". */
    async function submit(sender: Sender, values: Record<string, string>) {
      return app.as(sender).click(await openForm(sender), 'Skicka rapporten', values);
    }

    /** The latest message to the person that has the button, once the outbox is idle. */
    async function latestCardWith(person: Sender, title: string): Promise<ConnectorCall> {
      const inbox = await app.inboxOf(person);
      const call = inbox.filter((c) => textOf(c).includes(`"title":"${title}"`)).at(-1);
      expect(call, `${person.name} has a card with "${title}"`).toBeDefined();
      return call!;
    }

    /** Waits for the outbox and returns what each person received since the last reset. */
    async function received(): Promise<Map<string, ConnectorCall[]>> {
      await app.running.sender.drain();
      const byPerson = new Map<string, ConnectorCall[]>();
      for (const p of everyone)
        byPerson.set(p.name, app.connector.deliveredTo(personalConversationId(p)));
      return byPerson;
    }

    async function numberOf(answer: InvokeAnswer): Promise<{ number: string; id: string }> {
      const number = /INC-2026-\d{4}/.exec(cardText(answer))?.[0];
      expect(number).toBeDefined();
      const [incident] = (await app.query.incidentsOf(anna)).filter((i) => i.number === number);
      return { number: number!, id: incident!.id };
    }

    it('opens the report form with the systems of the register and "vet ej"', async () => {
      const [reply] = await app.as(anna).say('incident');
      const card = cardOf(reply!)!;
      expect(cardProblems(card)).toEqual([]);
      const text = JSON.stringify(card);
      expect(
        missingTexts(text, [
          'Ekonomisystemet',
          'Styrsystem för vatten och avlopp',
          'Vet ej',
          'Nätfiske (phishing)',
          'Kritisk',
        ]),
      ).toEqual([]);
      expect(text).toContain('"value":"2026-11-30"');
    });

    it('gives the reporter a numbered receipt with advice, and routes it to the coordinators and the systemägare', async () => {
      const answer = await submit(anna, phishing);
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(answer.value)).toEqual([]);
      const text = cardText(answer);
      expect(text).toMatch(/Tack! Din rapport har nummer INC-2026-\d{4}/);
      expect(text).toContain('Klicka inte på fler länkar');
      expect(text).toContain('byt det nu');

      const got = await received();
      for (const p of [lars, sara, olof]) {
        const [card] = got.get(p.name)!;
        expect(card, p.name).toBeDefined();
        expect(cardProblems(cardOf(card!))).toEqual([]);
        expect(textOf(card!)).toContain('Klickade på länk i mejl');
      }
      expect(textOf(got.get(lars.name)![0]!)).toContain('Ta ärendet');
      expect(textOf(got.get(olof.name)![0]!)).toContain('systemägare för det berörda systemet');
      expect(textOf(got.get(olof.name)![0]!)).not.toContain('Ta ärendet');
      // Not personal data, not serious, not samhällsviktigt: neither the DSO nor the kommunchef.
      expect(got.get(dina.name)).toEqual([]);
      expect(got.get(karin.name)).toEqual([]);
    });

    it('routes a serious personal-data incident on a samhällsviktigt system to its nämnd’s decider, the DSO and the kommunchef, with the clocks', async () => {
      await submit(anna, {
        ...phishing,
        system: 'vard',
        personalData: 'ja',
        severity: 'kritisk',
        category: 'informationslacka',
      });
      const got = await received();
      // Socialnämnden is personuppgiftsansvarig for the vård system: Maria decides on IMY.
      const decider = textOf(got.get(maria.name)![0]!);
      expect(decider).toContain('Anmälan till IMY (personuppgiftsincident), 72 timmar');
      expect(decider).toContain('senast 2026-12-03 09:30');
      expect(decider).toContain('personuppgiftsansvariga nämnden');
      expect(buttonTitles(cardOf(got.get(maria.name)![0]!)!)).toContain('Gjord');
      // The DSO is informed and advises; no report buttons.
      const dso = textOf(got.get(dina.name)![0]!);
      expect(dso).toContain('för kännedom och råd');
      expect(buttonTitles(cardOf(got.get(dina.name)![0]!)!)).not.toContain('Gjord');
      const chief = textOf(got.get(karin.name)![0]!);
      expect(chief).toContain('Är det en betydande incident enligt cybersäkerhetslagen?');
      expect(chief).toContain('senast 2026-12-01 09:30');
      expect(chief).toContain('Slutrapport till CSIRT (MCF), en månad efter incidentanmälan');
      // Until the notification is made: a month after it is due (3 December).
      expect(chief).toContain('senast 2027-01-03 09:30');
      // The ersättare is not told until a CSIRT call is still open near its deadline.
      expect(got.get(olof.name)).toEqual([]);
    });

    it('creates one incident for a double-clicked submit, and numbers stay gap-free', async () => {
      const form = await openForm(anna);
      const [first, second] = await Promise.all([
        app.as(anna).click(form, 'Skicka rapporten', phishing),
        app.as(anna).click(form, 'Skicka rapporten', phishing),
      ]);
      const numbers = [first, second].map((a) => /INC-2026-(\d{4})/.exec(cardText(a))![1]);
      expect(numbers[0]).toBe(numbers[1]);
      expect([cardText(first), cardText(second)].some((t) => t.includes('redan skickad'))).toBe(
        true,
      );
      const third = await submit(anna, phishing);
      expect(Number(/INC-2026-(\d{4})/.exec(cardText(third))![1])).toBe(Number(numbers[0]) + 1);
      const got = await received();
      expect(got.get(lars.name)).toHaveLength(2);
    });

    it('sends a form with a time in the future or a blank title back, with the values kept and the errors in Swedish, creating nothing', async () => {
      const before = (await app.query.incidentsOf(anna)).length;
      const form = await openForm(anna);
      app.connector.reset();
      const answer = await app.as(anna).click(form, 'Skicka rapporten', {
        ...phishing,
        title: '   ',
        discoveredDate: '2026-12-24',
      });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(answer.value)).toEqual([]);
      const text = cardText(answer);
      expect(text).toContain('Fyll i det här fältet.');
      expect(text).toContain('Tidpunkten kan inte ligga i framtiden.');
      expect(text).toContain('"value":"2026-12-24"');
      expect(text).toContain(phishing.description);
      expect((await app.query.incidentsOf(anna)).length).toBe(before);
      expect([...(await received()).values()].flat()).toEqual([]);
    });

    it('records an incident at a supplier with the supplier’s name and when it started', async () => {
      const atSupplier = {
        ...phishing,
        category: 'leverantor',
        supplier: '',
        startedDate: '2026-11-29',
        startedTime: '22:15',
      };
      const missing = await submit(anna, atSupplier);
      expect(cardText(missing)).toContain('Skriv vilken leverantör det gäller.');
      const later = await app.as(anna).click(missing, 'Skicka rapporten', {
        supplier: 'Molnlön AB',
        startedDate: '2026-11-30',
        startedTime: '10:00',
      });
      expect(cardText(later)).toContain('Incidenten kan inte ha börjat efter att den upptäcktes.');
      expect(await app.query.incidentsOf(anna)).toEqual([]);

      const { id } = await numberOf(
        await app
          .as(anna)
          .click(later, 'Skicka rapporten', { startedDate: '2026-11-29', startedTime: '22:15' }),
      );
      const card = textOf(await latestCardWith(lars, 'Spara ändringar'));
      expect(card).toContain('Incident hos en leverantör');
      expect(card).toContain('Molnlön AB');
      expect(card).toContain('2026-11-29 22:15');
      expect(await app.query.incident(id)).toBeDefined();
    });

    it('lets a coordinator record when the incident ended, not before it started nor in the future', async () => {
      const { id } = await numberOf(
        await submit(anna, { ...phishing, startedDate: '2026-11-30', startedTime: '08:00' }),
      );
      const card = await latestCardWith(lars, 'Spara ändringar');
      const tooEarly = await app
        .as(lars)
        .click(card, 'Spara ändringar', { endedDate: '2026-11-30', endedTime: '07:00' });
      expect(tooEarly.value).toBe('Incidenten kan inte ha upphört innan den började.');
      const future = await app
        .as(lars)
        .click(card, 'Spara ändringar', { endedDate: '2026-12-01', endedTime: '12:00' });
      expect(future.value).toBe('Tidpunkten kan inte ligga i framtiden.');
      expect((await app.query.incident(id))!.version).toBe(1);

      const saved = await app
        .as(lars)
        .click(card, 'Spara ändringar', { endedDate: '2026-11-30', endedTime: '09:55' });
      expect(cardText(saved)).toContain('Upphörde');
      expect(cardText(saved)).toContain('2026-11-30 09:55');
      expect(await app.query.auditActions('incident', id)).toContain('incident.ended');
    });

    it('asks whether the data subjects must be informed (GDPR art. 34), and reminds once the answer is yes', async () => {
      const { id, number } = await numberOf(
        await submit(anna, { ...phishing, personalData: 'ja' }),
      );
      const question = async () =>
        (await app.query.incident(id))!.reports.find((r) => r.kind === 'data-subjects');
      expect(await question()).toMatchObject({ status: 'waiting' });
      // Olof decides for kommunstyrelsen, whose system it is.
      const card = await latestCardWith(olof, 'Ja, de ska informeras');
      expect(textOf(card)).toContain('Information till de registrerade (GDPR artikel 34)');
      now = new Date('2026-11-30T12:00:00Z');
      await app.as(olof).click(card, 'Ja, de ska informeras');
      expect(await question()).toMatchObject({
        status: 'pending',
        dueAt: '2026-12-03T12:00:00.000Z',
      });

      app.connector.reset();
      now = new Date('2026-12-03T09:00:00Z'); // three hours before
      await app.running.remindIncidentDeadlines();
      const reminders = (await received())
        .get(olof.name)!
        .map(textOf)
        .filter((t) => t.includes(number));
      expect(reminders.join()).toContain('Information till de registrerade');
      await app.as(olof).click(await latestCardWith(olof, 'Gjord'), {
        title: 'Gjord',
        near: 'Information till de registrerade',
      });
      expect(await question()).toMatchObject({ status: 'made' });
    });

    it('takes a no to informing the data subjects only with a reason', async () => {
      const { id } = await numberOf(await submit(anna, { ...phishing, personalData: 'ja' }));
      const card = await latestCardWith(olof, 'Ja, de ska informeras');
      await app
        .as(olof)
        .click(
          card,
          { title: 'Spara motiveringen', near: 'Information till de registrerade' },
          { 'reason-data-subjects': 'Ingen hög risk: lösenordet byttes inom en timme.' },
        );
      const question = (await app.query.incident(id))!.reports.find(
        (r) => r.kind === 'data-subjects',
      );
      expect(question).toMatchObject({ status: 'not-required' });
    });

    it('answers forged form data (too long, choices the form does not offer) with the errors, creating nothing', async () => {
      const before = (await app.query.incidentsOf(anna)).length;
      const answer = await forge(anna, 'incident.submit', {
        submissionId: randomUUID(),
        ...phishing,
        title: '',
        description: 'x'.repeat(4001),
        category: 'hackning',
        system: 'okänt-system',
      });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(answer.value)).toEqual([]);
      const text = cardText(answer);
      expect(
        missingTexts(text, [
          'Fyll i det här fältet.',
          'Texten är för lång.',
          'Välj ett av alternativen.',
        ]),
      ).toEqual([]);
      expect(text).toContain('x'.repeat(4001));
      expect(text).toContain('"value":"hackning"');
      expect((await app.query.incidentsOf(anna)).length).toBe(before);
      expect([...(await received()).values()].flat()).toEqual([]);
    });

    it('answers forged or malformed submit data clearly', async () => {
      const answer = await forge(anna, 'incident.submit', {
        submissionId: 'not-a-uuid',
        ...phishing,
      });
      expect(answer.value).toContain('Knappen kunde inte hanteras');
    });

    it('lets a coordinator take the case from the card; a second coordinator’s stale card shows who took it', async () => {
      const { number } = await numberOf(await submit(anna, phishing));
      const [larsCard] = await app.inboxOf(lars);
      const [saraCard] = await app.inboxOf(sara);
      app.connector.reset();

      const taken = await app.as(lars).click(larsCard!, 'Ta ärendet');
      expect(cardProblems(taken.value)).toEqual([]);
      expect(cardText(taken)).toContain('Lars Berg');
      expect(cardText(taken)).toContain('Mottagen');

      const late = await app.as(sara).click(saraCard!, 'Ta ärendet');
      expect(cardText(late)).toContain('ändrats av någon annan');
      expect(containerStyleOf(late.value, 'ändrats av någon annan')).toBe('warning');
      expect(cardText(late)).toContain('Lars Berg');
      const refreshed = await app.as(sara).refresh(saraCard!);
      expect(cardText(refreshed)).toContain('Lars Berg');

      expect((await app.inboxOf(anna)).map(textOf)).toEqual([
        `Din incident ${number} har fått status: Mottagen.`,
      ]);
      expect(await app.query.incidentNumbered(number)).toMatchObject({
        assigneeAadObjectId: lars.aadObjectId,
        status: 'mottagen',
        version: 2,
      });
    });

    it('records status changes and notes in the history and tells the reporter', async () => {
      const { id, number } = await numberOf(
        await submit(anna, { ...phishing, title: 'Status **test**' }),
      );
      const larsCard = await latestCardWith(lars, 'Spara ändringar');
      const changes = { status: 'under-utredning', triageNote: 'Spärrat kontot [länk](http://x)' };
      const updated = await app.as(lars).click(larsCard, 'Spara ändringar', changes);
      const text = cardText(updated);
      expect(text).toContain('Under utredning');
      expect(shownAsText(updated.value, 'Spärrat kontot [länk](http://x)')).toBe(true);
      expect(shownAsText(updated.value, 'Status **test**')).toBe(true);
      expect(text).toContain('Status → Under utredning');
      const audit = await app.running.audit.forObject('incident', id);
      expect(audit.map((e) => e.action)).toEqual([
        'incident.reported',
        'incident.status',
        'incident.note',
      ]);
      expect((await received()).get(anna.name)!.map(textOf)).toContain(
        `Din incident ${number} har fått status: Under utredning.`,
      );

      // The same click again on the same card (a double click) changes nothing more.
      await app.as(lars).click(larsCard, 'Spara ändringar', changes);
      expect((await app.running.audit.forObject('incident', id)).length).toBe(3);
    });

    it('refuses everyone outside the incident, whatever the card data says, and changes nothing', async () => {
      const { id } = await numberOf(await submit(anna, phishing));
      const attempts: [Sender, string, Record<string, unknown>][] = [
        [erik, 'incident.take', { incidentId: id, version: 1 }],
        [erik, 'incident.update', { incidentId: id, version: 1, status: 'avslutad' }],
        [erik, 'incident.refresh', { incidentId: id }],
        [erik, 'incident.open', { incidentId: id }],
        [erik, 'incident.note', { incidentId: id, version: 1, note: 'hej' }],
        [olof, 'incident.update', { incidentId: id, version: 1, status: 'avslutad' }],
        [anna, 'incident.take', { incidentId: id, version: 1 }],
        [dina, 'incident.note', { incidentId: id, version: 1, note: 'inte mitt' }],
        [karin, 'incident.report', { incidentId: id, version: 1, kind: 'imy', outcome: 'made' }],
      ];
      for (const [who, verb, data] of attempts) {
        const answer = await forge(who, verb, data);
        expect(answer.value, `${who.name} ${verb}`).toBe(
          'Du har inte behörighet till den här incidenten.',
        );
      }
      expect(await app.query.incident(id)).toMatchObject({
        version: 1,
        status: 'ny',
      });
      const record = await app.running.audit.forObject('incident', id);
      expect(record.map((e) => e.action)).toEqual([
        'incident.reported',
        ...attempts.map(() => 'action.refused'),
      ]);
      // Each refusal on the record: who, which verb, why; nothing of what the card carried.
      expect(record.slice(1).map((e) => [e.actor, e.details])).toEqual(
        attempts.map(([who, verb]) => [
          who.aadObjectId.toLowerCase(),
          { verb, reason: 'forbidden' },
        ]),
      );
      expect(JSON.stringify(record)).not.toContain('inte mitt');

      const unknown = await forge(lars, 'incident.take', { incidentId: randomUUID(), version: 1 });
      expect(unknown.value).toBe('Incidenten finns inte.');
      const malformed = await forge(lars, 'incident.take', { incidentId: id, version: 'senaste' });
      expect(malformed.value).toContain('Knappen kunde inte hanteras');
    });

    it('lets the systemägare add a note, but not change the status', async () => {
      const { id } = await numberOf(await submit(anna, phishing));
      const olofsCard = await latestCardWith(olof, 'Lägg till anteckning');
      expect(textOf(olofsCard)).not.toContain('Spara ändringar');
      const noted = await app.as(olof).click(olofsCard, 'Lägg till anteckning', {
        note: 'Leverantören är informerad.',
      });
      expect(cardText(noted)).toContain('Leverantören är informerad');
      // Teams lets no more than 2 000 characters into the field: only a forged click has more.
      const tooLong = await forge(olof, 'incident.note', {
        incidentId: id,
        version: 2,
        note: 'x'.repeat(2001),
      });
      expect(tooLong.value).toContain('för lång');
    });

    it('lists "mina incidenter" for the reporter, and open incidents for a coordinator', async () => {
      await submit(anna, { ...phishing, title: 'Listad incident' });
      await app.post(message(anna, 'mina incidenter', opts()));
      await app.post(message(lars, 'my incidents', opts()));
      await app.post(message(erik, 'mina incidenter', opts()));
      const listOf = (p: Sender) =>
        textOf(
          app.connector
            .deliveredTo(personalConversationId(p))
            .find((c) => textOf(c).includes('"Incidenter"'))!,
        );
      const annas = listOf(anna);
      expect(annas).toContain('Dina rapporter');
      expect(annas).toContain('Listad incident');
      expect(annas).not.toContain('att hantera');
      const lars1 = listOf(lars);
      expect(lars1).toContain('Öppna incidenter att hantera');
      expect(lars1).toContain('Listad incident');
      const eriks = listOf(erik);
      expect(eriks).toContain('Inga incidenter.');
      expect(eriks).not.toContain('Listad incident');
    });

    it('reminds the IMY decider, the DSO and the coordinators at half time and before the IMY deadline, once each, until the report is marked', async () => {
      const { id, number } = await numberOf(
        await submit(anna, {
          ...phishing,
          personalData: 'ja',
          discoveredDate: '2026-11-30',
          discoveredTime: '09:00',
        }),
      );
      const about = (calls: ConnectorCall[]) => calls.map(textOf).filter((t) => t.includes(number));
      await received();
      app.connector.reset();

      now = new Date('2026-12-01T20:30:00Z'); // 36.5 h after discovery (08:00 UTC)
      await app.running.remindIncidentDeadlines();
      await app.running.remindIncidentDeadlines();
      let got = await received();
      // The ekonomi system is kommunstyrelsen's: Olof decides for it on personal-data breaches.
      for (const p of [olof, dina, lars, sara]) {
        const texts = about(got.get(p.name)!).filter((t) => t.includes('halva tiden'));
        expect(texts, p.name).toHaveLength(1);
      }
      expect(about(got.get(karin.name)!)).toEqual([]);

      app.connector.reset();
      now = new Date('2026-12-03T05:00:00Z'); // 3 h before the 72 h deadline
      await app.running.remindIncidentDeadlines();
      got = await received();
      expect(about(got.get(olof.name)!).join()).toContain('Snart för sent');
      expect(about(got.get(dina.name)!).join()).toContain('Snart för sent');

      const made = await app.as(olof).click(await latestCardWith(olof, 'Gjord'), 'Gjord');
      expect(cardText(made)).toContain('Gjord');
      expect((await app.query.incident(id))!.reports.find((r) => r.kind === 'imy')).toMatchObject({
        status: 'made',
      });
      app.connector.reset();
      now = new Date('2026-12-03T09:00:00Z'); // past the deadline: nothing more once made
      await app.running.remindIncidentDeadlines();
      got = await received();
      expect(about([...got.values()].flat())).toEqual([]);
    });

    it('lets a coordinator mark an authority report Gjord and Krävs inte on the triage card', async () => {
      const { id } = await numberOf(
        await submit(anna, { ...phishing, system: 'vard', personalData: 'ja', severity: 'hog' }),
      );
      const larsCard = await latestCardWith(lars, 'Spara ändringar');
      // The triage card has a status input; the report buttons' own status must still reach the bot.
      const made = await app.as(lars).click(larsCard, {
        title: 'Gjord',
        near: 'Tidig varning till CSIRT',
      });
      expect(made.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(made.value)).toEqual([]);
      // Krävs inte opens a field for the reason; the reason is saved with the call.
      const notRequired = await app.as(lars).click(
        made,
        { title: 'Spara motiveringen', near: 'Anmälan till IMY' },
        {
          'reason-imy': 'Listan var krypterad; osannolikt att den medför risk för de registrerade.',
        },
      );
      expect(notRequired.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(notRequired)).toContain('Listan var krypterad');

      const after = await app.query.incident(id);
      expect(after!.status).toBe('ny');
      expect(Object.fromEntries(after!.reports.map((r) => [r.kind, r.status]))).toEqual({
        imy: 'not-required',
        'data-subjects': 'waiting',
        'csirt-early-warning': 'made',
        'csirt-notification': 'pending',
        'csirt-final': 'pending',
      });

      // A card sent before the fix names the outcome `status`; without the triage inputs it still works.
      await app.invoke(lars, 'incident.report', {
        incidentId: id,
        version: after!.version,
        kind: 'csirt-notification',
        status: 'made',
      });
      const reports = (await app.query.incident(id))!.reports;
      expect(reports.find((r) => r.kind === 'csirt-notification')?.status).toBe('made');
    });

    it('dates the final report from the notification, and asks for a lägesrapport while the incident is still handled', async () => {
      const { id, number } = await numberOf(
        await submit(anna, { ...phishing, system: 'vard', severity: 'hog' }),
      );
      const dueOf = async (kind: string) =>
        (await app.query.incident(id))!.reports.find((r) => r.kind === kind);
      now = new Date('2026-12-01T14:00:00Z'); // the notification made on 1 December, 15:00
      await app.as(karin).click(await latestCardWith(karin, 'Gjord'), {
        title: 'Gjord',
        near: 'Incidentanmälan till CSIRT',
      });
      expect((await dueOf('csirt-final'))!.dueAt).toBe('2027-01-01T14:00:00.000Z');

      // Four hours before, the incident is still under investigation: a lägesrapport is due instead.
      now = new Date('2027-01-01T10:30:00Z');
      app.connector.reset();
      await app.running.remindIncidentDeadlines();
      expect(await dueOf('csirt-progress')).toMatchObject({
        status: 'pending',
        dueAt: '2027-01-01T14:00:00.000Z',
      });
      expect((await dueOf('csirt-final'))!.status).toBe('waiting');
      const reminders = (await received()).get(karin.name)!.map(textOf);
      expect(reminders.filter((t) => t.includes(number)).join()).toContain(
        'Lägesrapport till CSIRT (MCF)',
      );
      const card = textOf(await latestCardWith(karin, 'Gjord'));
      expect(card).toContain('Väntar: en månad efter att incidenten hanterats');

      // Handled on 20 January: the final report is due a month later.
      now = new Date('2027-01-20T08:00:00Z');
      const larsCard = await latestCardWith(lars, 'Spara ändringar');
      await app.as(lars).click(larsCard, 'Spara ändringar', { status: 'atgardad' });
      expect(await dueOf('csirt-final')).toMatchObject({
        status: 'pending',
        dueAt: '2027-02-20T08:00:00.000Z',
      });
      const history = await app.query.auditActions('incident', id);
      expect(history.filter((a) => a === 'incident.clock')).toHaveLength(4);
    });

    it('calls in the kommunchef’s ersättare four hours before an undecided CSIRT deadline, who may then mark it', async () => {
      const { id, number } = await numberOf(
        await submit(anna, { ...phishing, system: 'vard', severity: 'hog' }),
      );
      const early = async () =>
        (await app.query.incident(id))!.reports.find((r) => r.kind === 'csirt-early-warning')!;
      expect((await early()).dueAt).toBe('2026-12-01T08:30:00.000Z');
      const version = (await app.query.incident(id))!.version;
      const forgedMark = () =>
        forge(olof, 'incident.report', {
          incidentId: id,
          version,
          kind: 'csirt-early-warning',
          outcome: 'made',
        });

      // Five hours before: the ersättare is not in the case yet, and may not mark it.
      now = new Date('2026-12-01T03:30:00Z');
      await app.running.remindIncidentDeadlines();
      expect((await received()).get(olof.name)!.filter((c) => textOf(c).includes(number))).toEqual(
        [],
      );
      expect((await forgedMark()).value).toBe('Du har inte behörighet till den här incidenten.');
      expect((await early()).status).toBe('pending');

      // Four hours before, nothing decided: Olof gets the card and marks the early warning.
      now = new Date('2026-12-01T04:30:00Z');
      app.connector.reset();
      await app.running.remindIncidentDeadlines();
      const card = await latestCardWith(olof, 'Gjord');
      expect(textOf(card)).toContain('kommunchefens ersättare');
      const answer = await app
        .as(olof)
        .click(card, { title: 'Gjord', near: 'Tidig varning till CSIRT' });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(await early()).toMatchObject({ status: 'made' });
      expect((await received()).get(karin.name)!.map(textOf).join()).toContain(number);
    });

    it('tells the kommunchef when a coordinator raises the severity, and starts the CSIRT clocks', async () => {
      const { id } = await numberOf(await submit(anna, phishing));
      const larsCard = await latestCardWith(lars, 'Spara ändringar');
      app.connector.reset();
      await app.as(lars).click(larsCard, 'Spara ändringar', { severity: 'hog' });
      const got = await received();
      expect(textOf(got.get(karin.name)![0]!)).toContain('Tidig varning till CSIRT');
      const incident = await app.query.incident(id);
      expect(incident!.reports.map((r) => r.kind)).toEqual([
        'csirt-early-warning',
        'csirt-notification',
        'csirt-final',
      ]);

      // "Not significant" ends all three CSIRT clocks.
      const karinsCard = await latestCardWith(karin, 'Inte betydande');
      const answer = await app
        .as(karin)
        .click(
          karinsCard,
          { title: 'Spara motiveringen', near: 'Tidig varning till CSIRT' },
          { 'reason-csirt-early-warning': 'Ingen påverkan på tjänsten, ett enda konto.' },
        );
      expect(cardProblems(answer.value)).toEqual([]);
      const after = await app.query.incident(id);
      expect(after!.reports.every((r) => r.status === 'not-required')).toBe(true);
      expect(cardText(answer)).toContain('Ingen påverkan på tjänsten, ett enda konto.');
    });

    it('refuses Krävs inte and Inte betydande without a reason, and changes nothing', async () => {
      const { id } = await numberOf(
        await submit(anna, { ...phishing, system: 'vard', personalData: 'ja', severity: 'hog' }),
      );
      const before = await app.query.incident(id);
      // Teams does not send the button with the reason field empty (it is required) …
      const card = await latestCardWith(lars, 'Spara motiveringen');
      expect(() =>
        pressButton(cardOf(card)!, { title: 'Spara motiveringen', near: 'Anmälan till IMY' }),
      ).toThrow(/required/);
      // … and an old card, or a forged click, without one is refused.
      for (const reason of [undefined, '', '   ']) {
        const answer = await forge(lars, 'incident.report', {
          incidentId: id,
          version: before!.version,
          kind: 'imy',
          outcome: 'not-required',
          ...(reason === undefined ? {} : { 'reason-imy': reason }),
        });
        expect(answer.value).toBe(
          'Skriv varför anmälan inte krävs. Motiveringen sparas i ärendet.',
        );
      }
      expect(await app.query.incident(id)).toEqual(before);
    });
  });
}
