import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, people, personalConversationId, type Sender } from '../support/activities.js';
import { cardProblems, missingTexts } from '../support/card-validator.js';
import { engines } from '../support/engines.js';
import { cardOf, textOf, type ConnectorCall } from '../support/fake-connector.js';
import { startTestApp, type InvokeAnswer, type TestApp } from '../support/test-app.js';
import { containerStyleOf, shownAsText } from '../support/card-text.js';

const { karin, lars, sara, olof, maria, per, anna, erik } = people;
const everyone = [karin, lars, sara, olof, maria, per, anna, erik];

/** Monday 30 November 2026, 10:00 in Stockholm. */
const MONDAY = new Date('2026-11-30T09:00:00Z');
let now = MONDAY;
const clock = { now: () => now };

for (const engine of engines) {
  describe(`approvals, end to end (${engine.name})`, () => {
    let app: TestApp;
    const opts = () => ({ serviceUrl: app.connector.url });

    // A new app and database per test: no test sees another's approvals or register changes.
    beforeEach(async () => {
      now = MONDAY;
      app = await startTestApp({ engine, clock, env: { APPROVAL_CHECK_SECONDS: '86400' } });
      await app.introduce(...everyone);
    });
    afterEach(async () => {
      await app?.stop();
    });

    /** Hand-made click data: for forged and malformed requests only, which no Teams client sends. */
    const forge = (sender: Sender, verb: string, data: unknown) => app.invoke(sender, verb, data);
    const text = (answer: InvokeAnswer) => JSON.stringify(answer.value);

    /** The person writes "begär godkännande", fills in the form and presses "Skicka begäran". */
    async function request(requester: Sender, values: Record<string, string>) {
      const [form] = await app.as(requester).say('begär godkännande');
      expect(form).toBeDefined();
      // What follows from the request is what the test looks at, not the form.
      app.connector.reset();
      const answer = await app.as(requester).click(form!, 'Skicka begäran', {
        title: 'Begäran',
        justification: 'Underlaget är granskat.',
        ...values,
      });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      const approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(text(answer))?.[1];
      expect(approvalId, text(answer)).toBeDefined();
      return { answer, approvalId: approvalId! };
    }

    async function inbox(): Promise<Map<Sender, ConnectorCall[]>> {
      await app.running.sender.drain();
      return new Map(
        everyone.map((p) => [p, app.connector.deliveredTo(personalConversationId(p))]),
      );
    }

    /** The latest card of this request the person got, once the outbox is idle. */
    async function cardOfRequest(who: Sender, approvalId: string): Promise<ConnectorCall> {
      await app.inboxOf(who);
      const card = app.connector.history
        .filter(
          (c) =>
            c.conversationId === personalConversationId(who) &&
            c.method === 'POST' &&
            textOf(c).includes(approvalId),
        )
        .at(-1);
      expect(card, `${who.name} has a card of ${approvalId}`).toBeDefined();
      return card!;
    }

    /** The approver presses Godkänn or Avslå on the card they got, with a comment typed in. */
    async function decide(
      who: Sender,
      approvalId: string,
      decision: 'approved' | 'rejected',
      comment?: string,
    ) {
      const card = await cardOfRequest(who, approvalId);
      return app
        .as(who)
        .click(card, decision === 'approved' ? 'Godkänn' : 'Avslå', comment ? { comment } : {});
    }

    /** A decision no card offers this person: hand-made data, as a forger sends it. */
    const forgeDecision = (
      who: Sender,
      approvalId: string,
      step: number | string,
      decision: 'approved' | 'rejected',
    ) => forge(who, 'approval.decide', { approvalId, step, decision });

    // What changed the request; refused clicks are on the record too, see `refusals`.
    const audit = async (id: string) =>
      (await app.running.audit.forObject('approval', id))
        .map((e) => e.action)
        .filter((action) => action !== 'action.refused');
    const refusals = async (id: string) =>
      (await app.running.audit.forObject('approval', id))
        .filter((e) => e.action === 'action.refused')
        .map((e) => `${e.actor} ${String(e.details?.reason)}`);

    it('opens the request form with the types, the register and next year', async () => {
      await app.post(message(lars, 'begär godkännande', opts()));
      const card = cardOf(app.connector.deliveredTo(personalConversationId(lars))[0]!)!;
      expect(cardProblems(card)).toEqual([]);
      const t = JSON.stringify(card);
      expect(
        missingTexts(t, [
          'Driftgodkännande',
          'System: Ekonomisystemet',
          'Dokument: IT-säkerhetspolicy',
          'Årliga mål för 2027',
          'Utse systemägare',
        ]),
      ).toEqual([]);
    });

    it('opens the form with type and subject chosen from a reminder button, ignoring unknown subjects', async () => {
      // The IT-säkerhetsinstruktion Drift was due for revision in March: Sara, its owner, is reminded.
      await app.running.runDueReminders();
      const reminder = (await app.inboxOf(sara)).find((c) =>
        textOf(c).includes('Begär godkännande av reviderat dokument'),
      );
      expect(reminder).toBeDefined();
      const answer = await app.as(sara).click(reminder!, 'Begär godkännande av reviderat dokument');
      expect(answer.value).toBe('Svaret kommer i ett nytt meddelande.');
      const form = JSON.stringify(
        cardOf(
          (await app.inboxOf(sara)).filter((c) => textOf(c).includes('approval.submit')).at(-1)!,
        ),
      );
      expect(form).toMatch(/"id":"type"[^{]*"value":"styrande-dokument"/);
      expect(form).toMatch(/"id":"subject"[^{]*"value":"document:instruktion-drift"/);
      await forge(sara, 'approval.start', { type: 'arliga-mal', subject: 'document:finns-inte' });
      const second = JSON.stringify(
        cardOf(
          app.connector
            .deliveredTo(personalConversationId(sara))
            .filter((c) => textOf(c).includes('approval.submit'))
            .at(-1)!,
        ),
      );
      expect(second).toMatch(/"id":"subject"[^{]*"value":""/);
      expect((await forge(sara, 'approval.start', { type: 'semester' })).value).toContain(
        'Knappen kunde inte hanteras',
      );
    });

    it('runs a two-step driftgodkännande to the end and records the approval on the system', async () => {
      const { answer, approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:vard',
        title: 'Driftgodkännande efter uppgradering [x](http://e)',
      });
      expect(cardProblems(answer.value)).toEqual([]);
      expect(text(answer)).toContain('Din begäran är skickad');
      // Good news, not in the red attention style.
      expect(containerStyleOf(answer.value, 'Din begäran är skickad')).toBe('good');
      expect(shownAsText(answer.value, 'Driftgodkännande efter uppgradering [x](http://e)')).toBe(
        true,
      );
      let got = await inbox();
      const toMaria = cardOf(got.get(maria)![0]!)!;
      expect(cardProblems(toMaria)).toEqual([]);
      expect(JSON.stringify(toMaria)).toContain('Godkänn');
      expect(JSON.stringify(toMaria)).toContain('Avslå');
      expect(got.get(karin)).toEqual([]);

      app.connector.reset();
      const first = await decide(maria, approvalId, 'approved', 'Testat i förproduktion.');
      expect(text(first)).toContain('Godkänt av Maria Holm');
      expect(text(first)).not.toContain('"verb":"approval.decide"');
      got = await inbox();
      expect(textOf(got.get(karin)![0]!)).toContain('Ditt beslut behövs');

      app.connector.reset();
      await decide(karin, approvalId, 'approved');
      got = await inbox();
      expect(got.get(lars)!.map(textOf).join()).toContain('är godkänd');
      expect((await app.query.register()).systemById('vard')?.approvedAt).toBe('2026-11-30');
      expect(await audit(approvalId)).toEqual([
        'approval.requested',
        'approval.approved-step',
        'approval.approved-step',
        'register.changed',
      ]);
    });

    it('routes each type to the right approvers', async () => {
      const cases: [Record<string, string>, Sender[]][] = [
        [{ type: 'driftgodkannande', subject: 'system:ekonomi' }, [olof]],
        [{ type: 'systemsakerhetsplan', subject: 'system:va-styr' }, [per]],
        [{ type: 'arliga-mal', subject: 'year:2027' }, [karin]],
        [{ type: 'styrande-dokument', subject: 'document:instruktion-drift' }, [sara]],
        [{ type: 'styrande-dokument', subject: 'document:it-sakerhetspolicy' }, [karin]],
        [{ type: 'utse-systemagare', subject: 'system:lon', proposedOwner: 'maria' }, [karin]],
        [{ type: 'undantag', subject: 'system:ekonomi', validUntil: '2027-06-30' }, [olof]],
      ];
      for (const [values, approvers] of cases) {
        app.connector.reset();
        await request(anna, values);
        const got = await inbox();
        const receivers = everyone.filter((p) => got.get(p)!.length > 0);
        expect(
          receivers.map((p) => p.name),
          JSON.stringify(values),
        ).toEqual(approvers.map((p) => p.name));
      }
    });

    it('takes effect in the register: a new systemägare, a restarted revision clock', async () => {
      const owner = await request(anna, {
        type: 'utse-systemagare',
        subject: 'system:lon',
        proposedOwner: 'maria',
      });
      await decide(karin, owner.approvalId, 'approved');
      expect((await app.query.register()).systemById('lon')?.owner).toBe('maria');
      const plan = await request(lars, { type: 'systemsakerhetsplan', subject: 'system:va-styr' });
      await decide(per, plan.approvalId, 'approved');
      expect((await app.query.register()).documentById('ssp-va-styr')?.approvedAt).toBe(
        '2026-11-30',
      );
    });

    it("makes approved annual goals the year's goals: `mål` says they are fastställda", async () => {
      const goalsCard = async () => {
        await app.running.sender.drain();
        app.connector.reset();
        await app.post(message(lars, 'mål', opts()));
        const replies = app.connector.deliveredTo(personalConversationId(lars)).map(textOf);
        return replies.find((t) => t.includes('IT-säkerhetspolicy 2.2')) ?? '';
      };
      expect(await goalsCard()).toContain('Inte fastställda genom ett godkännande i boten.');
      const { approvalId } = await request(lars, {
        type: 'arliga-mal',
        subject: 'year:2026',
        title: 'Årliga mål 2026',
      });
      await decide(karin, approvalId, 'approved');
      expect(await goalsCard()).toContain('Fastställda av kommunchefen 2026-11-30.');
    });

    it('needs a comment to reject, and tells the requester', async () => {
      const { approvalId } = await request(anna, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
      });
      const bare = await decide(olof, approvalId, 'rejected');
      expect(bare.value).toBe('Skriv en kommentar som förklarar avslaget.');
      expect(await audit(approvalId)).toEqual(['approval.requested']);
      app.connector.reset();
      const rejected = await decide(olof, approvalId, 'rejected', 'Säkerhetsloggningen saknas.');
      expect(text(rejected)).toContain('Avslagen');
      expect(text(rejected)).toContain('Säkerhetsloggningen saknas');
      const got = await inbox();
      expect(got.get(anna)!.map(textOf).join()).toContain('är avslagen');
    });

    it('refuses a decision by the requester, a bystander and the next approver too early', async () => {
      const { answer, approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:vard',
      });
      // The requester's own card has no decision buttons; nobody else got a card yet.
      expect(text(answer)).not.toContain('"title":"Godkänn"');
      expect((await forgeDecision(lars, approvalId, 0, 'approved')).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
      expect((await forgeDecision(erik, approvalId, 0, 'approved')).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
      expect((await forgeDecision(erik, approvalId, 1, 'approved')).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
      expect(text(await forgeDecision(karin, approvalId, 1, 'approved'))).toContain(
        'Det är inte din tur att besluta ännu.',
      );
      expect(await audit(approvalId)).toEqual(['approval.requested']);
      expect(await refusals(approvalId)).toEqual([
        `${lars.aadObjectId} forbidden`,
        `${erik.aadObjectId} forbidden`,
        `${erik.aadObjectId} forbidden`,
      ]);
      expect((await forgeDecision(maria, randomUUID(), 0, 'approved')).value).toBe(
        'Begäran finns inte.',
      );
      expect((await forgeDecision(maria, approvalId, 'first', 'approved')).value).toContain(
        'Knappen kunde inte hanteras',
      );
    });

    it('never lets the requester decide: a systemägare’s own request goes to the kommunchef', async () => {
      const { answer, approvalId } = await request(per, {
        type: 'systemsakerhetsplan',
        subject: 'system:va-styr',
      });
      expect(text(answer)).not.toContain('"title":"Godkänn"');
      const got = await inbox();
      expect(got.get(per)).toEqual([]);
      expect(textOf(got.get(karin)![0]!)).toContain('Ditt beslut behövs');
      expect((await forgeDecision(per, approvalId, 0, 'approved')).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
      await decide(karin, approvalId, 'approved');
      expect((await app.query.register()).documentById('ssp-va-styr')?.approvedAt).toBe(
        '2026-11-30',
      );
    });

    it('leaves the requester out of the coordinators who decide an exception', async () => {
      const { approvalId } = await request(lars, {
        type: 'undantag',
        subject: 'system:ekonomi',
        validUntil: '2027-06-30',
      });
      await decide(olof, approvalId, 'approved');
      const got = await inbox();
      expect(got.get(sara)!.map(textOf).join()).toContain('Ditt beslut behövs');
      expect(got.get(lars)!.map(textOf).join()).not.toContain('"title":"Godkänn"');
      expect((await forgeDecision(lars, approvalId, 1, 'approved')).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
    });

    it('does not offer the requester as a delegate, and refuses a delegation to them', async () => {
      const { approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
      });
      const olofsCard = cardOf(await cardOfRequest(olof, approvalId))!;
      const choices = JSON.stringify(olofsCard).match(/"id":"delegateTo".*?\]/)?.[0] ?? '';
      // Offered without typing: who decides or answers for something, not the requester.
      expect(choices).toContain('"value":"sara"');
      expect(choices).not.toContain('"value":"lars"');
      expect(choices).not.toContain('"value":"olof"');
      // Typing finds anyone else, but neither the requester nor oneself.
      const found = (text: string) =>
        app
          .as(olof)
          .search(olofsCard, 'delegateTo', text)
          .then((r) => r.map((c) => c.value));
      expect(await found('anna')).toEqual(['anna']);
      expect(await found('Lars')).toEqual([]);
      expect(await found('olof')).toEqual([]);
      const refused = await forge(olof, 'approval.delegate', {
        approvalId,
        step: 0,
        delegateTo: 'lars',
      });
      expect(refused.value).toBe('Du kan inte delegera beslutet till den som har begärt det.');
      expect(await audit(approvalId)).toEqual(['approval.requested']);
    });

    it('refuses a request that only the requester could decide, and creates nothing', async () => {
      const [form] = await app.as(karin).say('begär godkännande');
      app.connector.reset();
      const answer = await app.as(karin).click(form!, 'Skicka begäran', {
        type: 'arliga-mal',
        subject: 'year:2027',
        title: 'Årliga mål 2027',
        justification: 'Förslag från ledningsgruppen.',
      });
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(text(answer)).toContain('Bara du själv skulle kunna besluta om den här begäran');
      expect(text(answer)).toContain('"id":"type"');
      expect(await app.query.approvalsOf(karin)).toEqual([]);
      expect([...(await inbox()).values()].flat()).toEqual([]);
    });

    it('answers a replayed card of a decided step with "redan beslutat" and the current state', async () => {
      const { approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:vard',
      });
      const mariasCard = await cardOfRequest(maria, approvalId);
      await app.as(maria).click(mariasCard, 'Godkänn');
      const replay = await app.as(maria).click(mariasCard, 'Avslå', { comment: 'Ångrar mig' });
      expect(text(replay)).toContain('Redan beslutat');
      expect(await audit(approvalId)).toEqual(['approval.requested', 'approval.approved-step']);
    });

    it('records one decision when the approver clicks twice at the same moment', async () => {
      const { approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
      });
      const olofsCard = await cardOfRequest(olof, approvalId);
      const answers = await Promise.all([
        app.as(olof).click(olofsCard, 'Godkänn'),
        app.as(olof).click(olofsCard, 'Godkänn'),
      ]);
      expect(answers.filter((a) => text(a).includes('Redan beslutat'))).toHaveLength(1);
      expect((await audit(approvalId)).filter((a) => a === 'approval.approved-step')).toHaveLength(
        1,
      );
      const got = await inbox();
      expect(
        got
          .get(lars)!
          .map(textOf)
          .filter((t) => t.includes('är godkänd')),
      ).toHaveLength(1);
    });

    it('lets the approver delegate the step to a named person, who then decides', async () => {
      const { approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
      });
      const olofsCard = await cardOfRequest(olof, approvalId);
      app.connector.reset();
      // Anna has no role, so the card does not list her: Olof types her name.
      const [found] = await app.as(olof).search(olofsCard, 'delegateTo', 'andersson');
      expect(found).toEqual({ title: 'Anna Andersson (Handläggare)', value: 'anna' });
      const delegated = await app.as(olof).click(olofsCard, 'Delegera', { delegateTo: 'anna' });
      expect(text(delegated)).toContain('delegerat till Anna Andersson');
      // The list offers only the people of the register: anything else is forged.
      expect(
        (await forge(olof, 'approval.delegate', { approvalId, step: 0, delegateTo: 'nobody' }))
          .value,
      ).toBe('Välj en person i listan.');
      const got = await inbox();
      expect(textOf(got.get(anna)![0]!)).toContain('Olof Strand har delegerat beslutet till dig');
      await decide(anna, approvalId, 'approved', 'OK enligt delegation.');
      expect(await audit(approvalId)).toEqual([
        'approval.requested',
        'approval.delegated',
        'approval.approved-step',
        'register.changed',
      ]);
    });

    it('lets the requester withdraw a pending request; later clicks change nothing', async () => {
      const { answer, approvalId } = await request(lars, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
      });
      expect((await forge(erik, 'approval.withdraw', { approvalId })).value).toBe(
        'Du har inte behörighet att besluta om den här begäran.',
      );
      const withdrawn = await app.as(lars).click(answer, 'Återkalla begäran');
      expect(text(withdrawn)).toContain('Återkallad');
      expect(text(await decide(olof, approvalId, 'approved'))).toContain('Redan beslutat');
      expect(await audit(approvalId)).toEqual(['approval.requested', 'approval.withdrawn']);
    });

    it('reminds a waiting approver after three working days and escalates to the kommunchef after ten, once each', async () => {
      const { approvalId } = await request(lars, {
        type: 'undantag',
        subject: 'system:ekonomi',
        validUntil: '2027-06-30',
        title: 'Väntande undantag',
      });
      const about = (calls: ConnectorCall[]) =>
        calls.map(textOf).filter((t) => t.includes('Väntande undantag'));
      await inbox();
      app.connector.reset();
      now = new Date('2026-12-02T15:00:00Z'); // Wednesday: two working days
      expect(await app.running.remindPendingApprovals()).toBe(0);
      now = new Date('2026-12-03T09:00:00Z'); // Thursday: three
      await app.running.remindPendingApprovals();
      await app.running.remindPendingApprovals();
      let got = await inbox();
      expect(about(got.get(olof)!).filter((t) => t.includes('Påminnelse'))).toHaveLength(1);
      app.connector.reset();
      now = new Date('2026-12-14T09:00:00Z'); // ten working days later
      await app.running.remindPendingApprovals();
      await app.running.remindPendingApprovals();
      got = await inbox();
      const escalations = about(got.get(karin)!).filter((t) => t.includes('Eskalering'));
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toContain('Olof Strand i 10 arbetsdagar');
      expect(await audit(approvalId)).toEqual([
        'approval.requested',
        'approval.reminded',
        'approval.escalated',
      ]);
    });

    it('lists what waits for the person and what they requested', async () => {
      await request(anna, {
        type: 'driftgodkannande',
        subject: 'system:ekonomi',
        title: 'Listad begäran',
      });
      await app.post(message(olof, 'godkännanden', opts()));
      await app.post(message(anna, 'approvals', opts()));
      const list = (p: Sender) =>
        textOf(
          app.connector
            .deliveredTo(personalConversationId(p))
            .find((c) => textOf(c).includes('"Godkännanden"'))!,
        );
      expect(list(olof)).toMatch(/Väntar på ditt beslut.*Listad begäran/);
      expect(list(anna)).toMatch(/Dina begäranden.*Listad begäran.*Väntar på beslut/);
      const open = JSON.parse(list(olof)) as unknown;
      expect(JSON.stringify(open)).toContain('"verb":"approval.open","data":{"approvalId"');
    });

    it('sends an invalid request back with the values and errors, creating nothing', async () => {
      const [form] = await app.as(anna).say('begär godkännande');
      app.connector.reset();
      const answer = await app.as(anna).click(form!, 'Skicka begäran', {
        type: 'styrande-dokument',
        subject: 'system:ekonomi',
        title: '   ',
        justification: 'x',
        link: 'http://intranat/dok',
      });
      expect(cardProblems(answer.value)).toEqual([]);
      expect(
        missingTexts(text(answer), [
          'passar inte ihop med typen',
          'Fyll i det här fältet.',
          'fullständig https-adress',
        ]),
      ).toEqual([]);
      expect(text(answer)).toContain('http://intranat/dok');
      expect([...(await inbox()).values()].flat()).toEqual([]);
    });
  });
}
