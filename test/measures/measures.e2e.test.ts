import { describe, expect, it } from 'vitest';
import { reminders as remindersTool } from '../../scripts/reminders.js';
import { captureIo } from '../support/cli-io.js';
import { people, type Sender } from '../support/activities.js';
import { cardProblems } from '../support/card-validator.js';
import { containerStyleOf } from '../support/card-text.js';
import { engines } from '../support/engines.js';
import { phishingForm } from '../support/incident-samples.js';
import { cardOf, summaryOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { buttonTitles } from '../support/teams-client.js';
import { drainedInboxOf, useTestApp, type InvokeAnswer } from '../support/test-app.js';

const { karin, lars, sara, olof, maria, per, anna } = people;
const everyone = [karin, lars, sara, olof, maria, per, anna];

/** Monday 30 November 2026, 10:00 in Stockholm. */
let now = new Date('2026-11-30T09:00:00Z');
const clock = { now: () => now };

const json = (answer: InvokeAnswer) => JSON.stringify(answer.value);
const measureIdOf = (answer: InvokeAnswer) => {
  const id = /"measureId":"([0-9a-f-]{36})"/.exec(json(answer))?.[1];
  expect(id, json(answer)).toBeDefined();
  return id!;
};

for (const engine of engines) {
  describe(`measures, end to end (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: everyone });

    /** The person writes "ny åtgärd", fills in the form and presses "Skapa åtgärd". */
    async function decide(by: Sender, values: Record<string, string>) {
      const [form] = await app().as(by).say('ny åtgärd');
      expect(form, 'the form').toBeDefined();
      expect(cardProblems(cardOf(form!)!)).toEqual([]);
      const answer = await app()
        .as(by)
        .click(form!, 'Skapa åtgärd', {
          title: 'Inför tvåstegsverifiering i lönesystemet',
          description: 'Slå på tvåstegsverifiering för alla konton med behörighet till lön.',
          dueDate: '2026-12-31',
          ...values,
        });
      return { answer, measureId: measureIdOf(answer) };
    }

    /** The newest card about the measure that reached the person. */
    async function latestCard(who: Sender, measureId: string): Promise<ConnectorCall> {
      const card = (await drainedInboxOf(app(), who))
        .filter((c) => textOf(c).includes(measureId))
        .at(-1);
      expect(card, `${who.name} has a card of the measure`).toBeDefined();
      return card!;
    }

    it('reaches its owner, who asks for more time, gets it from the one who decided it, and closes it', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const { answer, measureId } = await decide(lars, { owner: 'olof', system: 'lon' });
      const receipt = answer.value as Record<string, unknown>;
      expect(JSON.stringify(receipt)).toContain('Åtgärden är skapad. Olof Strand har fått den.');
      expect(containerStyleOf(receipt, 'Åtgärden är skapad')).toBe('good');

      // The owner's card, with what to do and the owner's buttons.
      const assigned = await latestCard(olof, measureId);
      expect(summaryOf(assigned)).toBe('Ny åtgärd: Inför tvåstegsverifiering i lönesystemet');
      const card = cardOf(assigned)!;
      expect(cardProblems(card)).toEqual([]);
      expect(textOf(assigned)).toContain('Lars Berg har gett dig en åtgärd.');
      expect(textOf(assigned)).toContain('Lön');
      expect(buttonTitles(card)).toEqual(
        expect.arrayContaining(['Påbörjad', 'Markera som genomförd', 'Begär ny tid']),
      );
      // The one who decided it has no owner's buttons on their view.
      expect(buttonTitles(receipt)).not.toContain('Påbörjad');

      const started = await app().as(olof).click(assigned, 'Påbörjad');
      expect(json(started)).toContain('Påbörjad');
      expect(buttonTitles(started.value as Record<string, unknown>)).not.toContain('Påbörjad');

      // More time: the request goes to Lars, who decided the measure.
      const asked = await app().as(olof).click(started, 'Begär ny tid', {
        newDueDate: '2027-01-31',
        extensionReason: 'Leverantören uppdaterar systemet i januari.',
      });
      expect(json(asked)).toContain('Ny tid begärd till 2027-01-31');
      const request = await latestCard(lars, measureId);
      expect(summaryOf(request)).toBe(
        'Begäran om mer tid: Inför tvåstegsverifiering i lönesystemet',
      );
      expect(textOf(request)).toContain('Olof Strand ber om ny tid till 2027-01-31.');
      // The owner cannot approve their own request, whatever they send.
      expect(buttonTitles(asked.value as Record<string, unknown>)).not.toContain(
        'Godkänn nytt datum',
      );
      const requestedAt = /"requestedAt":"([^"]+)"/.exec(textOf(request))?.[1];
      const own = await app().invoke(olof, 'measure.extension', {
        measureId,
        requestedAt,
        decision: 'approved',
      });
      expect(json(own)).toContain('Du kan inte göra det här med åtgärden.');

      const approved = await app().as(lars).click(request, 'Godkänn nytt datum');
      expect(json(approved)).toContain('2027-01-31');
      const told = await latestCard(olof, measureId);
      expect(summaryOf(told)).toBe('Svar om ny tid: Inför tvåstegsverifiering i lönesystemet');
      expect(textOf(told)).toContain('Den nya tiden är godkänd: klart senast 2027-01-31.');
      // A second press of the same request changes nothing.
      const again = await app().as(lars).click(request, 'Godkänn nytt datum');
      expect(json(again)).toContain('Begäran om mer tid är redan besvarad.');

      // Done, with what was done; the one who decided it is told.
      const done = await app().as(olof).click(told, 'Markera som genomförd', {
        doneComment: 'Tvåstegsverifiering är påslagen för alla 14 konton.',
      });
      expect(json(done)).toContain('Genomförd');
      expect(json(done)).toContain('Tvåstegsverifiering är påslagen för alla 14 konton.');
      const closed = await latestCard(lars, measureId);
      expect(summaryOf(closed)).toBe('Åtgärd genomförd: Inför tvåstegsverifiering i lönesystemet');
      expect(containerStyleOf(cardOf(closed)!, 'Olof Strand har genomfört åtgärden.')).toBe('good');

      // Pressed again from the older card: nothing changes, nobody is told twice.
      const before = (await drainedInboxOf(app(), lars)).length;
      const twice = await app().as(olof).click(assigned, 'Markera som genomförd', {
        doneComment: 'Igen',
      });
      expect(json(twice)).toContain('Åtgärden är redan genomförd.');
      expect(await drainedInboxOf(app(), lars)).toHaveLength(before);

      expect(await app().query.auditActions('measure', measureId)).toEqual([
        'measure.created',
        'measure.started',
        'measure.extension-requested',
        'measure.extension-approved',
        'measure.done',
      ]);
    });

    it('lets nobody else close, start or see it, whatever they send', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const { measureId } = await decide(lars, { owner: 'olof' });
      for (const [verb, data] of [
        ['measure.done', { doneComment: 'Klart' }],
        ['measure.begin', {}],
        ['measure.extend', { newDueDate: '2027-02-01', extensionReason: 'x' }],
        ['measure.refresh', {}],
        ['measure.open', {}],
      ] as const) {
        const answer = await app().invoke(anna, verb, { measureId, ...data });
        expect(json(answer), verb).toContain('Du kan inte göra det här med åtgärden.');
        expect(json(answer)).not.toContain('tvåstegsverifiering');
      }
      // Maria owns another system: not this one.
      const maria_ = await app().invoke(maria, 'measure.refresh', { measureId });
      expect(json(maria_)).toContain('Du kan inte göra det här med åtgärden.');
      // The kommunchef sees it, without the owner's buttons.
      const chief = await app().invoke(karin, 'measure.refresh', { measureId });
      expect(json(chief)).toContain('Inför tvåstegsverifiering i lönesystemet');
      expect(buttonTitles(chief.value as Record<string, unknown>)).not.toContain('Genomförd');
      expect(await app().query.auditActions('measure', measureId)).toEqual(['measure.created']);
    });

    it('gives the form back with what to correct, and creates nothing', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(lars).say('ny åtgärd');
      // Teams sends no empty required field; a form kept open since before can still send
      // an owner no longer in the register and a date that has passed since.
      const submissionId = /"submissionId":"([0-9a-f-]{36})"/.exec(textOf(form!))![1];
      const answer = await app().invoke(lars, 'measure.submit', {
        submissionId,
        title: 'Byt lösenord',
        description: 'Alla byter.',
        owner: 'nobody',
        dueDate: '2026-11-01',
      });
      expect(json(answer)).toContain('Personen finns inte i organisationens register.');
      expect(json(answer)).toContain('Datumet har redan passerat.');
      const typo = await app().invoke(lars, 'measure.submit', {
        submissionId,
        title: 'Byt lösenord',
        description: 'Alla byter.',
        owner: 'olof',
        dueDate: '2027-13-01',
      });
      expect(json(typo)).toContain('Ange ett datum som ÅÅÅÅ-MM-DD.');
      expect(
        (await app().query.measuresFrom('manual')).filter((m) => m.title === 'Byt lösenord'),
      ).toEqual([]);
    });

    it('is decided by coordinators, system owners and the kommunchef only', async () => {
      const [reply] = await app().as(anna).say('ny åtgärd');
      expect(textOf(reply!)).toContain('Åtgärder beslutas av säkerhetssamordnare');
      expect(cardOf(reply!)).toBeUndefined();
      const forged = await app().invoke(anna, 'measure.submit', {
        submissionId: '6f1c1e9a-1111-4222-8333-444455556666',
        title: 'x',
        description: 'y',
        owner: 'anna',
        dueDate: '2026-12-31',
      });
      expect(json(forged)).toContain('Åtgärder beslutas av säkerhetssamordnare');
    });

    it('sends the owner’s request for more time to the coordinators when the owner decided it', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const { answer, measureId } = await decide(olof, { owner: 'olof' });
      // Nobody is sent a card of a measure one gives oneself: the answer is the card.
      const asked = await app().as(olof).click(answer, 'Begär ny tid', {
        newDueDate: '2027-02-28',
        extensionReason: 'Väntar på leverantören.',
      });
      expect(json(asked)).toContain('Ny tid begärd till 2027-02-28');
      for (const coordinator of [lars, sara]) {
        const card = await latestCard(coordinator, measureId);
        expect(buttonTitles(cardOf(card)!)).toContain('Godkänn nytt datum');
      }
      const rejected = await app()
        .as(sara)
        .click(await latestCard(sara, measureId), 'Avslå');
      expect(json(rejected)).not.toContain('Godkänn nytt datum');
      const told = await latestCard(olof, measureId);
      expect(textOf(told)).toContain('Begäran om mer tid avslogs.');
      expect(containerStyleOf(cardOf(told)!, 'Begäran om mer tid avslogs.')).toBe('attention');
      // Lars's card of the same request is answered already.
      const late = await app()
        .as(lars)
        .click(await latestCard(lars, measureId), 'Godkänn nytt datum');
      expect(json(late)).toContain('Begäran om mer tid är redan besvarad.');
    });

    it('lists my measures, and every open one for the coordinators', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      await decide(lars, { owner: 'maria', title: 'Testa återläsning av journalsystemet' });
      // Maria's new card is in her chat before she writes.
      await app().running.sender.drain();
      const [mine] = await app().as(maria).say('åtgärder');
      expect(textOf(mine!)).toContain('Mina åtgärder');
      expect(textOf(mine!)).toContain('Testa återläsning av journalsystemet');
      expect(textOf(mine!)).not.toContain('Alla öppna åtgärder');
      const [all] = await app().as(lars).say('åtgärder');
      expect(textOf(all!)).toContain('Alla öppna åtgärder');
      expect(textOf(all!)).toContain('Testa återläsning av journalsystemet');
      expect(textOf(all!)).toContain('Maria Holm');
      const [none] = await app().as(anna).say('åtgärder');
      expect(textOf(none!)).not.toContain('journalsystemet');
    });

    it('reminds the owner before and after the due date, then the coordinators, then the kommunchef, each once, and stops when it is done', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const { measureId } = await decide(lars, {
        owner: 'olof',
        title: 'Uppdatera brandväggens regler',
        dueDate: '2026-12-31',
      });
      const early = await decide(lars, {
        owner: 'olof',
        title: 'Byt lösenord på servicekontot',
        dueDate: '2026-12-31',
      });
      await app()
        .as(olof)
        .click(await latestCard(olof, early.measureId), 'Markera som genomförd', {
          doneComment: 'Bytt.',
        });

      /** The reminders of the measure each person got when the reminders ran at `iso`. */
      async function runAt(iso: string) {
        now = new Date(iso);
        await app().running.sender.drain();
        app().connector.reset();
        await app().running.runDueReminders();
        await app().running.sender.drain();
        const got = new Map<Sender, string[]>();
        for (const p of everyone) {
          // Reminders only: a note about something else may still be on its way.
          const reminders = (await drainedInboxOf(app(), p))
            .filter((c) => textOf(c).includes(measureId))
            .map(summaryOf)
            .filter((s) => /^(Åtgärd snart|Åtgärd försenad|Försenad åtgärd):/.test(s));
          if (reminders.length > 0) got.set(p, reminders);
        }
        return got;
      }

      expect(await runAt('2026-12-23T07:00:00Z')).toEqual(new Map());
      // Seven days before, at 08:00 in Stockholm: the owner.
      const soon = await runAt('2026-12-24T07:00:00Z');
      expect(soon).toEqual(new Map([[olof, ['Åtgärd snart: Uppdatera brandväggens regler']]]));
      expect(await runAt('2026-12-24T09:00:00Z')).toEqual(new Map());
      // The day after the due date: the owner again, in the attention style.
      const overdue = await runAt('2027-01-01T07:00:00Z');
      expect(overdue).toEqual(
        new Map([[olof, ['Åtgärd försenad: Uppdatera brandväggens regler']]]),
      );
      const late = (await drainedInboxOf(app(), olof)).find((c) => textOf(c).includes(measureId))!;
      expect(containerStyleOf(cardOf(late)!, 'Åtgärden skulle ha varit klar 2026-12-31.')).toBe(
        'attention',
      );
      expect(await runAt('2027-01-04T07:00:00Z')).toEqual(new Map());
      // A week later: the coordinators; two weeks later: the kommunchef.
      expect(await runAt('2027-01-08T07:00:00Z')).toEqual(
        new Map([
          [lars, ['Försenad åtgärd: Uppdatera brandväggens regler']],
          [sara, ['Försenad åtgärd: Uppdatera brandväggens regler']],
        ]),
      );
      const chief = await runAt('2027-01-15T07:00:00Z');
      expect(chief).toEqual(new Map([[karin, ['Försenad åtgärd: Uppdatera brandväggens regler']]]));
      const toChief = (await drainedInboxOf(app(), karin)).find((c) =>
        textOf(c).includes(measureId),
      )!;
      expect(textOf(toChief)).toContain('Ansvarig: Olof Strand.');
      expect(await runAt('2027-01-15T09:00:00Z')).toEqual(new Map());

      // Done: nothing more, whenever the reminders run.
      await app()
        .as(olof)
        .click(late, 'Markera som genomförd', { doneComment: 'Reglerna är uppdaterade.' });
      expect(await runAt('2027-01-22T07:00:00Z')).toEqual(new Map());
      const rows = await app()
        .running.db.kysely.selectFrom('reminder_occurrence')
        .select(['kind', 'recipient_key'])
        .where('reminder_id', '=', `measure:${measureId}:2026-12-31`)
        .orderBy('recipient_key')
        .execute();
      expect(rows).toEqual([
        { kind: 'measure', recipient_key: 'karin' },
        { kind: 'measure', recipient_key: 'lars' },
        { kind: 'measure', recipient_key: 'olof' },
        { kind: 'measure', recipient_key: 'olof' },
        { kind: 'measure', recipient_key: 'sara' },
      ]);
      // The measure done in time was never reminded of.
      const early_ = await app()
        .running.db.kysely.selectFrom('reminder_occurrence')
        .select('recipient_key')
        .where('reminder_id', 'like', `measure:${early.measureId}:%`)
        .execute();
      expect(early_).toEqual([]);
    });

    it('is decided from an incident card by those who handle it, with the incident as its origin', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(anna).say('incident');
      await app().as(anna).click(form!, 'Skicka rapporten', phishingForm);
      const incidentCard = (await drainedInboxOf(app(), lars))
        .filter((c) => textOf(c).includes('Klickade på länk i mejl'))
        .at(-1)!;
      const number = /INC-2026-\d{4}/.exec(textOf(incidentCard))![0];
      const incidentId = /"incidentId":"([0-9a-f-]{36})"/.exec(textOf(incidentCard))![1];

      // The reporter's own receipt has no such button, and a forged press is refused.
      expect(JSON.stringify(form)).not.toContain('measure.new');
      const forged = await app().invoke(anna, 'measure.new', { incidentId });
      expect(json(forged)).toContain('Du kan inte göra det här med åtgärden.');

      app().connector.reset();
      const started = await app().as(lars).click(incidentCard, 'Ny åtgärd');
      expect(started.value).toBe('Svaret kommer i ett nytt meddelande.');
      const [measureForm] = (await drainedInboxOf(app(), lars)).filter(
        (c) => cardOf(c) !== undefined,
      );
      expect(textOf(measureForm!)).toContain(`Åtgärden följer av incident ${number}.`);
      expect(cardProblems(cardOf(measureForm!)!)).toEqual([]);
      const answer = await app().as(lars).click(measureForm!, 'Skapa åtgärd', {
        title: 'Utbilda ekonomienheten i nätfiske',
        description: 'En kort utbildning för alla på ekonomienheten.',
        owner: 'olof',
        dueDate: '2027-02-01',
      });
      const measureId = measureIdOf(answer);
      const card = await latestCard(olof, measureId);
      expect(textOf(card)).toContain(`Incident ${number}`);
      // The system of the incident was chosen already.
      expect(textOf(card)).toContain('Ekonomisystem');

      // Closing the case asks whether measures are needed; the form shows those decided.
      const closed = await app()
        .as(lars)
        .click(incidentCard, 'Spara ändringar', { status: 'avslutad' });
      expect(json(closed)).toContain('Ärendet är avslutat. Behövs åtgärder');
      // Asked once: a note saved on the closed case later does not ask again.
      const noted = await app().as(lars).click(closed, 'Spara ändringar', {
        triageNote: 'Utbildning bokad.',
      });
      expect(json(noted)).not.toContain('Behövs åtgärder');
      app().connector.reset();
      await app().as(lars).click(noted, 'Ny åtgärd');
      const [again] = (await drainedInboxOf(app(), lars)).filter((c) => cardOf(c) !== undefined);
      expect(textOf(again!)).toContain('Öppna åtgärder som redan är beslutade för ärendet:');
      expect(textOf(again!)).toContain(
        'Utbilda ekonomienheten i nätfiske · Olof Strand · 2027-02-01',
      );

      // Reminded when late, then escalated; closed by its owner, it is chased no more.
      const remindedAt = async (iso: string, who: Sender) => {
        now = new Date(iso);
        await app().running.sender.drain();
        app().connector.reset();
        await app().running.runDueReminders();
        return (await drainedInboxOf(app(), who))
          .filter((c) => textOf(c).includes(measureId))
          .map(summaryOf);
      };
      expect(await remindedAt('2027-02-02T07:00:00Z', olof)).toEqual([
        'Åtgärd försenad: Utbilda ekonomienheten i nätfiske',
      ]);
      const lateCard = (await drainedInboxOf(app(), olof)).find((c) =>
        textOf(c).includes(measureId),
      )!;
      expect(await remindedAt('2027-02-09T07:00:00Z', lars)).toEqual([
        'Försenad åtgärd: Utbilda ekonomienheten i nätfiske',
      ]);
      await app().as(olof).click(lateCard, 'Markera som genomförd', {
        doneComment: 'Utbildningen hölls 10 februari.',
      });
      expect(await remindedAt('2027-02-16T07:00:00Z', karin)).toEqual([]);
    });

    it('is decided in a threat-analysis answer that says what changed; "nothing changed" stays one click', async () => {
      now = new Date('2027-03-01T07:00:00Z');
      await app().running.sender.drain();
      app().connector.reset();
      await app().running.runDueReminders();
      const card = (await drainedInboxOf(app(), maria))
        .filter((c) => textOf(c).includes('Dags att se över hotbilden'))
        .at(-1)!;
      expect(buttonTitles(cardOf(card)!)).toEqual([
        'Hotbilden är genomgången',
        'Spara ändringarna',
      ]);
      const empty = await app().as(maria).click(card, 'Spara ändringarna');
      expect(json(empty)).toContain('Skriv vad som har ändrats i minst ett av fälten.');
      const answer = await app().as(maria).click(card, 'Spara ändringarna', {
        threats: 'Fler riktade nätfiskeförsök mot hemtjänstens personal.',
        consequences: 'Obehöriga kan läsa journaler.',
        measureTitle: 'Inför tvåstegsverifiering i hemtjänstens appar',
        measureDue: '2027-06-30',
      });
      expect(json(answer)).toContain('Åtgärden är skapad, med dig som ansvarig.');
      expect(json(answer)).toContain('Nya eller ändrade hot: Fler riktade nätfiskeförsök');
      const measureId = measureIdOf(answer);
      const shown = await app().as(maria).click(answer, 'Visa åtgärden');
      expect(shown.value).toBe('Svaret kommer i ett nytt meddelande.');
      const measure = await latestCard(maria, measureId);
      expect(textOf(measure)).toContain('Hotbildsanalys');
      expect(textOf(measure)).toContain('Obehöriga kan läsa journaler.');
      expect(buttonTitles(cardOf(measure)!)).toContain('Markera som genomförd');
      // Answered once: a second press changes nothing and makes no second measure.
      const again = await app().as(maria).click(card, 'Spara ändringarna', {
        threats: 'Igen',
        measureTitle: 'En till',
        measureDue: '2027-06-30',
      });
      expect(json(again)).toContain('Redan bekräftat');
      expect(await app().query.measuresFrom('threat-analysis')).toEqual([
        expect.objectContaining({
          title: 'Inför tvåstegsverifiering i hemtjänstens appar',
          ownerId: 'maria',
          originRef: 'vard',
        }),
      ]);
      // Per's system: nothing changed, one click.
      const pers = (await drainedInboxOf(app(), per))
        .filter((c) => textOf(c).includes('Dags att se över hotbilden'))
        .at(-1)!;
      const confirmed = await app().as(per).click(pers, 'Hotbilden är genomgången');
      expect(json(confirmed)).toContain('Bekräftat');
      expect(json(confirmed)).not.toContain('measureId');
    });

    it('turns an approved exception into its owner’s measure the day after it ends, reminded a month before', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(anna).say('begär godkännande');
      const fields = {
        type: 'undantag',
        subject: 'system:ekonomi',
        title: 'Privat USB-minne för bokslutet',
        justification: 'Revisorerna tar bara emot filer på USB.',
      };
      // An exception is granted until a date.
      const missing = await app().as(anna).click(form!, 'Skicka begäran', fields);
      expect(json(missing)).toContain('Fyll i det här fältet.');
      const requested = await app()
        .as(anna)
        .click(form!, 'Skicka begäran', { ...fields, validUntil: '2027-03-31' });
      const approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(json(requested))![1]!;
      expect(json(requested)).toContain('Gäller till och med: ');
      for (const approver of [olof, lars]) {
        const card = (await drainedInboxOf(app(), approver))
          .filter((c) => textOf(c).includes(approvalId))
          .at(-1)!;
        await app().as(approver).click(card, 'Godkänn');
      }
      const reminders = async (iso: string) => {
        now = new Date(iso);
        await app().running.sender.drain();
        app().connector.reset();
        await app().running.runDueReminders();
        return (await drainedInboxOf(app(), olof))
          .map(summaryOf)
          .filter((t) => t.includes('Privat USB-minne för bokslutet'));
      };
      // A month before its last day, to the system's owner, with the form for a new one.
      expect(await reminders('2027-03-01T07:00:00Z')).toEqual([
        'Undantag upphör snart: Privat USB-minne för bokslutet',
      ]);
      const ending = (await drainedInboxOf(app(), olof)).find((c) =>
        summaryOf(c).startsWith('Undantag upphör snart'),
      )!;
      expect(buttonTitles(cardOf(ending)!)).toEqual(['Begär nytt undantag']);
      // The day after it ends it is a measure for the owner, due a month later; once.
      expect(await reminders('2027-04-01T07:00:00Z')).toEqual([
        'Undantaget har löpt ut: Privat USB-minne för bokslutet',
      ]);
      expect(await reminders('2027-04-01T09:00:00Z')).toEqual([]);
      const card = app()
        .connector.history.filter((c) => summaryOf(c).startsWith('Undantaget har löpt ut'))
        .at(-1)!;
      expect(textOf(card)).toContain('Undantaget har löpt ut: åtgärda eller begär nytt.');
      expect(textOf(card)).toContain('2027-05-01');
      expect(containerStyleOf(cardOf(card)!, 'Undantaget har löpt ut: åtgärda')).toBe('attention');
      expect(await app().query.measuresFrom('exception')).toEqual([
        expect.objectContaining({ ownerId: 'olof', originRef: approvalId, dueDate: '2027-05-01' }),
      ]);
      // Made by the bot: more time is decided by the coordinators.
      const asked = await app().as(olof).click(card, 'Begär ny tid', {
        newDueDate: '2027-06-01',
        extensionReason: 'Bokslutet drog ut på tiden.',
      });
      expect(json(asked)).toContain('Ny tid begärd till 2027-06-01');
      const measureId = measureIdOf(asked);
      expect(buttonTitles(cardOf(await latestCard(sara, measureId))!)).toContain(
        'Godkänn nytt datum',
      );
      // The kommunchef's annual report names it among the exceptions that ran out.
      now = new Date('2027-12-01T07:00:00Z');
      await app().running.runDueReminders();
      const report = (await drainedInboxOf(app(), karin))
        .filter((c) => summaryOf(c).startsWith('Årlig uppföljning'))
        .at(-1)!;
      expect(textOf(report)).toContain('Undantag som har löpt ut');
      expect(textOf(report)).toContain('gällde till och med 2027-03-31 · Olof Strand');
    });

    it('makes each condition of an approval a measure for the requester, set by the last decider only', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const [form] = await app().as(lars).say('begär godkännande');
      const requested = await app().as(lars).click(form!, 'Skicka begäran', {
        type: 'driftgodkannande',
        subject: 'system:vard',
        title: 'Driftgodkännande av journalappen',
        justification: 'Testad i pilotgruppen.',
      });
      const approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(json(requested))![1]!;
      const cardTo = async (who: Sender) =>
        (await drainedInboxOf(app(), who)).filter((c) => textOf(c).includes(approvalId)).at(-1)!;
      // Maria decides the first step: conditions are the kommunchef's, who decides last.
      const first = await cardTo(maria);
      expect(buttonTitles(cardOf(first)!)).not.toContain('Godkänn med dessa villkor');
      const early = await app().invoke(maria, 'approval.decide', {
        approvalId,
        step: 0,
        decision: 'approved',
        withConditions: 'yes',
        conditions: 'Något',
        conditionsDue: '2027-01-31',
      });
      expect(json(early)).toContain('Villkor sätts av den som fattar det sista beslutet.');
      await app().as(maria).click(first, 'Godkänn');
      const last = await cardTo(karin);
      const approved = await app().as(karin).click(last, 'Godkänn med dessa villkor', {
        conditions: 'Uppdatera systemsäkerhetsplanen\n\nGör ett återläsningstest före driftstart',
        conditionsDue: '2027-02-28',
      });
      expect(json(approved)).toContain('Godkänd');
      const measures = (await drainedInboxOf(app(), lars))
        .map(summaryOf)
        .filter((t) => t.startsWith('Ny åtgärd:'));
      expect(measures).toEqual(
        expect.arrayContaining([
          'Ny åtgärd: Uppdatera systemsäkerhetsplanen',
          'Ny åtgärd: Gör ett återläsningstest före driftstart',
        ]),
      );
      const card = (await drainedInboxOf(app(), lars)).find(
        (c) => summaryOf(c) === 'Ny åtgärd: Uppdatera systemsäkerhetsplanen',
      )!;
      expect(textOf(card)).toContain('Villkor i ett godkännande');
      expect(textOf(card)).toContain('Karin Lund har gett dig en åtgärd.');
      expect(textOf(card)).toContain('2027-02-28');
      expect((await app().query.measuresFrom('approval', approvalId)).map((m) => m.title)).toEqual([
        'Gör ett återläsningstest före driftstart',
        'Uppdatera systemsäkerhetsplanen',
      ]);
    });
  });
}

/** The `reminders` tool of docs/contracts.md, run in the test process on the app's database. */
async function remindersCli(args: string[], databaseUrl: string) {
  const io = captureIo();
  const code = await remindersTool(args, {
    ...io,
    env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
  });
  return io.result(code);
}

for (const engine of engines) {
  describe(`measures in the reminders tool and the annual report (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: everyone });

    it('lists measure reminders as kind measure and counts the year’s measures per origin in the report', async () => {
      now = new Date('2026-11-30T09:00:00Z');
      const create = async (title: string, dueDate: string) => {
        const [form] = await app().as(lars).say('ny åtgärd');
        return measureIdOf(
          await app().as(lars).click(form!, 'Skapa åtgärd', {
            title,
            description: 'Se beskrivningen.',
            owner: 'olof',
            dueDate,
          }),
        );
      };
      const done = await create('Stäng gamla konton', '2026-12-15');
      await create('Gå igenom behörigheterna', '2026-12-01');
      now = new Date('2026-12-03T09:00:00Z');
      const card = (await drainedInboxOf(app(), olof))
        .filter((c) => textOf(c).includes(done))
        .at(-1)!;
      await app().as(olof).click(card, 'Markera som genomförd', { doneComment: 'Stängda.' });

      const list = await remindersCli(
        ['list', '--from', '2026-12-01', '--to', '2026-12-31', '--json'],
        app().database.url,
      );
      expect(list.code).toBe(0);
      const entries = JSON.parse(list.stdout) as {
        kind: string;
        title: string;
        recipients: string[];
      }[];
      expect(entries).toContainEqual(
        expect.objectContaining({
          kind: 'measure',
          title: 'Åtgärd försenad: Gå igenom behörigheterna',
          recipients: ['olof'],
        }),
      );
      // The measure done is not reminded of any more.
      expect(entries.filter((e) => e.title.includes('Stäng gamla konton'))).toEqual([]);

      const csv = await remindersCli(
        ['report', '--year', '2026', '--format', 'csv'],
        app().database.url,
      );
      expect(csv.code).toBe(0);
      const rows = csv.stdout.trimEnd().split('\r\n');
      expect(rows).toEqual(
        expect.arrayContaining([
          'åtgärder,Beslutad åtgärd,decided,,,2',
          'åtgärder,Beslutad åtgärd,done,,,1',
          'åtgärder,Beslutad åtgärd,median-days-to-done,,,3',
        ]),
      );
      const md = await remindersCli(['report', '--year', '2026'], app().database.url);
      expect(md.stdout).toContain('## Beslutade åtgärder');
      expect(md.stdout).toContain(
        '- Beslutad åtgärd: 2 beslutade, 1 genomförd, 1 försenad · mediantid till genomförd 3 dagar',
      );
      expect(md.stdout).toContain(
        '- Gå igenom behörigheterna: skulle ha varit klar 2026-12-01 · Olof Strand',
      );
    });
  });
}
