import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, people, personalConversationId, type Sender } from '../support/activities.js';
import { cardProblems, missingTexts } from '../support/card-validator.js';
import { engines } from '../support/engines.js';
import { cardOf } from '../support/fake-connector.js';
import { declaredButtons } from '../support/teams-client.js';
import { startTestApp, type CardSource, type TestApp } from '../support/test-app.js';
import { containerStyleOf, shownAsText } from '../support/card-text.js';

const { karin, lars, sara, anna, erik } = people;

type Action = ReturnType<typeof declaredButtons>[number];

/** Every button on a card as the SDK reads it; a container to press is titled by its text. */
const actionsOf = (card: unknown): Action[] => declaredButtons(card as Record<string, unknown>);

const button = (card: unknown, title: string): Action => {
  const action = actionsOf(card).find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}" on the card`);
  return action;
};

for (const engine of engines) {
  describe(`rules Q&A, end to end (${engine.name})`, () => {
    let app: TestApp;
    const opts = (locale?: string) => ({
      serviceUrl: app.connector.url,
      ...(locale && { locale }),
    });

    // A new app and database per test.
    beforeEach(async () => {
      app = await startTestApp({ engine });
      // Everyone has written once, so the bot knows their chats.
      await app.introduce(karin, lars, sara, anna, erik);
    });
    afterEach(async () => {
      await app?.stop();
    });

    const chat = (p: Sender) => app.connector.deliveredTo(personalConversationId(p));

    async function ask(p: Sender, text: string, locale?: string): Promise<Record<string, unknown>> {
      // Nothing queued earlier may land in between and be taken for the answer.
      await app.running.sender.drain();
      app.connector.reset();
      expect((await app.post(message(p, text, opts(locale)))).status).toBe(200);
      const card = cardOf(chat(p).at(-1)!);
      expect(card, text).toBeDefined();
      expect(cardProblems(card)).toEqual([]);
      return card!;
    }

    /** The person presses the button on the card as in Teams; a card that comes back is valid. */
    async function press(
      p: Sender,
      card: CardSource,
      title: string,
      inputs: Record<string, string> = {},
    ) {
      const answer = await app.as(p).click(card, title, inputs);
      if (answer.type === 'application/vnd.microsoft.card.adaptive')
        expect(cardProblems(answer.value)).toEqual([]);
      return answer;
    }

    /** Hand-made click data: for forged and malformed requests only, which no Teams client sends. */
    const forge = (p: Sender, verb: string | undefined, data: Record<string, unknown>) =>
      app.invoke(p, verb ?? '', data);

    async function feedbackRows(questionId: string) {
      return app.running.db.kysely
        .selectFrom('rules_feedback')
        .selectAll()
        .where('question_id', '=', questionId)
        .execute();
    }

    it('answers a question with the rule on a card: area title, rule, reference, related rules and feedback', async () => {
      const card = await ask(anna, 'får jag använda usb-minne?');
      const text = JSON.stringify(card);
      expect(text).toContain('"Säkerhetskopiering och lagring"');
      expect(text).toContain('SK-04 USB-minnen och externa hårddiskar');
      expect(text).toContain('IT-säkerhetsinstruktion Användare, avsnitt 4.4');
      expect(shownAsText(card, 'Din fråga: får jag använda usb-minne?')).toBe(true);
      expect(text).toContain('Hjälpte svaret?');
      const related = actionsOf(card).filter((a) => a.verb === 'rules.show');
      expect(related.length).toBeGreaterThan(0);
      expect(related.length).toBeLessThanOrEqual(3);
      expect(actionsOf(card).some((a) => a.verb === 'command.run')).toBe(false);

      const stored = await app.query.rulesQuestion(String(button(card, 'Ja').data.questionId));
      expect(stored).toMatchObject({
        text: 'får jag använda usb-minne?',
        matchedRuleId: 'SK-04',
        askerName: 'Anna Andersson',
      });
    });

    it('opens a related rule in a new message and leaves the answer card as it was', async () => {
      const card = await ask(anna, 'får jag använda usb-minne?');
      const related = actionsOf(card).find((a) => a.verb === 'rules.show')!;
      app.connector.reset();
      const answer = await press(anna, card, related.title);
      expect(answer.value).toBe('Regeln visas i ett nytt meddelande.');
      const ruleCard = cardOf(chat(anna)[0]!)!;
      expect(cardProblems(ruleCard)).toEqual([]);
      expect(JSON.stringify(ruleCard)).toContain(`${String(related.data.ruleId)} `);
      expect(JSON.stringify(ruleCard)).not.toContain('Hjälpte svaret?');
    });

    it('stores "Ja" once however often it is clicked, and thanks on the updated card', async () => {
      const card = await ask(anna, 'får jag jobba hemifrån med min privata dator?');
      const yes = button(card, 'Ja');
      const first = await press(anna, card, 'Ja');
      await press(anna, card, 'Ja');
      expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(first.value)).toContain('Tack! Bra att svaret hjälpte.');
      expect(JSON.stringify(first.value)).toContain('"Distansarbete"');
      const rows = await feedbackRows(String(yes.data.questionId));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ helpful: 1, comment: null });
    });

    it('asks for a comment after "Nej", stores it, and then offers to ask the coordinator', async () => {
      const card = await ask(anna, 'vem bestämmer hur informationen ska klassas?');
      const no = button(card, 'Nej');
      const commentCard = await press(anna, card, 'Nej');
      expect(JSON.stringify(commentCard.value)).toContain('"id":"comment"');
      const thanks = await press(anna, commentCard, 'Skicka kommentar', {
        comment: 'Jag ville veta vem som är informationsägare i min förvaltning',
      });
      expect(JSON.stringify(thanks.value)).toContain(
        'Tack! IT-säkerhetssamordnaren använder synpunkterna',
      );
      button(thanks.value, 'Fråga IT-säkerhetssamordnaren');
      const rows = await feedbackRows(String(no.data.questionId));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        helpful: 0,
        comment: 'Jag ville veta vem som är informationsägare i min förvaltning',
      });
    });

    it('offers the incident form on an answer from IT-incidenthantering', async () => {
      const card = await ask(
        anna,
        'jag har klickat på en länk i ett konstigt mejl, vad gör jag nu?',
      );
      expect(JSON.stringify(card)).toContain('"IT-incidenthantering"');
      expect(button(card, 'Rapportera incident')).toMatchObject({
        verb: 'command.run',
        data: { command: 'incident' },
      });
    });

    it('answers in English for an English Teams, naming the area by its Swedish title', async () => {
      const card = await ask(anna, 'Can I forward work email to my private account?', 'en-US');
      const text = JSON.stringify(card);
      expect(text).toContain('"E-post och användning av Internet"');
      expect(text).toContain('Did this answer help?');
      button(card, 'Yes');
    });

    it('says honestly when no rule answers, suggests the closest, and forwards to every coordinator once', async () => {
      const card = await ask(anna, 'får jag använda dropbx');
      const text = JSON.stringify(card);
      expect(text).toContain('Jag hittade ingen regel som säkert svarar på det');
      expect(
        actionsOf(card).some((a) => a.verb === 'rules.show' && a.data.ruleId === 'SK-03'),
      ).toBe(true);
      // Each suggestion names its rule once ("SK-03 …", not "SK-03  SK-03 …").
      expect(text).toMatch(/"SK-03 [^"]/);
      expect(text).not.toMatch(/SK-03\s+SK-03/);
      const forward = button(card, 'Fråga IT-säkerhetssamordnaren');
      const questionId = String(forward.data.questionId);

      app.connector.reset();
      const first = await press(anna, card, 'Fråga IT-säkerhetssamordnaren');
      await press(anna, card, 'Fråga IT-säkerhetssamordnaren');
      expect(JSON.stringify(first.value)).toContain(
        'Frågan är skickad till IT-säkerhetssamordnaren',
      );
      expect(actionsOf(first.value).some((a) => a.verb === 'rules.forward')).toBe(false);
      await app.running.sender.drain();

      for (const coordinator of [lars, sara]) {
        const delivered = chat(coordinator);
        expect(delivered, coordinator.name).toHaveLength(1);
        const coordinatorCard = cardOf(delivered[0]!)!;
        expect(cardProblems(coordinatorCard)).toEqual([]);
        const coordinatorText = JSON.stringify(coordinatorCard);
        expect(coordinatorText).toContain('får jag använda dropbx');
        expect(coordinatorText).toContain('Anna Andersson (Handläggare) frågar:');
        expect(coordinatorText).toContain('"id":"reply"');
      }
      const audit = await app.running.audit.forObject('rules-question', questionId);
      expect(audit.map((e) => e.action)).toEqual(['rules.question.forwarded']);
    });

    it('delivers the first coordinator reply to the asker, refuses a second as already answered, and a forged one', async () => {
      const card = await ask(anna, 'vad blir det för lunch i [dag](https://evil.example)?');
      expect(JSON.stringify(card)).toContain('Jag hittade ingen regel som säkert svarar på det');
      await press(anna, card, 'Fråga IT-säkerhetssamordnaren');
      await app.running.sender.drain();
      const larsMessage = chat(lars)[0]!;
      const saraMessage = chat(sara)[0]!;
      const larsCard = cardOf(larsMessage)!;
      expect(shownAsText(larsCard, 'vad blir det för lunch i [dag](https://evil.example)?')).toBe(
        true,
      );
      const reply = button(larsCard, 'Skicka svar');

      app.connector.reset();
      const answered = await press(lars, larsMessage, 'Skicka svar', {
        reply: 'Matsedeln finns på **intranätet**.',
      });
      const answeredText = JSON.stringify(answered.value);
      expect(answeredText).toContain('Besvarad av Lars Berg');
      // A success, so not in the red attention style.
      expect(containerStyleOf(answered.value, 'Ditt svar är skickat till Anna Andersson.')).toBe(
        'good',
      );
      expect(answeredText).not.toContain('"id":"reply"');
      await app.running.sender.drain();
      const delivered = chat(anna);
      expect(delivered).toHaveLength(1);
      const replyCard = cardOf(delivered[0]!)!;
      expect(cardProblems(replyCard)).toEqual([]);
      expect(JSON.stringify(replyCard)).toContain('Svar från IT-säkerhetssamordnaren');
      expect(shownAsText(replyCard, 'Matsedeln finns på **intranätet**.')).toBe(true);

      const second = await press(sara, saraMessage, 'Skicka svar', { reply: 'Fråga köket.' });
      expect(containerStyleOf(second.value, 'redan besvarad av Lars Berg')).toBe('warning');
      expect(JSON.stringify(second.value)).toContain('Matsedeln finns på');

      // Only the coordinators got the card: anyone else's click is forged.
      for (const forger of [anna, erik, karin]) {
        const refused = await forge(forger, reply.verb, {
          ...reply.data,
          reply: 'Förfalskat svar',
        });
        expect(refused.value).toBe(
          'Bara IT-säkerhetssamordnaren kan svara på frågor som skickats till samordnaren.',
        );
      }
      await app.running.sender.drain();
      expect(chat(anna)).toHaveLength(1);
      const stored = await app.query.rulesQuestion(String(reply.data.questionId));
      expect(stored?.answer).toMatchObject({
        text: 'Matsedeln finns på **intranätet**.',
        byName: 'Lars Berg',
      });
      const audit = await app.running.audit.forObject(
        'rules-question',
        String(reply.data.questionId),
      );
      expect(audit.filter((e) => e.action !== 'action.refused').map((e) => e.action)).toEqual([
        'rules.question.forwarded',
        'rules.question.answered',
      ]);
      expect(
        audit.filter((e) => e.action === 'action.refused').map((e) => e.details?.reason),
      ).toEqual(['not-coordinator', 'not-coordinator', 'not-coordinator']);

      // Sara's card refreshes to show the question is answered.
      const refreshed = await app.as(sara).refresh(saraMessage);
      expect(JSON.stringify(refreshed.value)).toContain('Besvarad av Lars Berg');
    });

    it('refuses forged and unknown question ids with a clear message', async () => {
      const unknown = '6f1c1e9a-1111-4222-8333-444455556666';
      for (const verb of ['rules.feedback', 'rules.forward']) {
        const refused = await forge(anna, verb, { questionId: unknown, helpful: true });
        expect(refused.value, verb).toBe('Frågan finns inte längre hos mig. Skriv den gärna igen.');
      }
      const refused = await forge(lars, 'rules.reply', { questionId: unknown, reply: 'x' });
      expect(refused.value).toBe('Frågan finns inte längre hos mig. Skriv den gärna igen.');

      // Someone else's question: its id proves nothing.
      const card = await ask(anna, 'får jag använda dropbox?');
      const yes = button(card, 'Ja');
      const notYours = await forge(erik, yes.verb, yes.data);
      expect(notYours.value).toBe(
        'Knappen hör till någon annans fråga, så den kan du inte använda.',
      );
      expect(await feedbackRows(String(yes.data.questionId))).toHaveLength(0);

      const malformed = await forge(anna, 'rules.forward', { questionId: "1' or 1=1" });
      expect(malformed.value).toContain('Knappen kunde inte hanteras');
    });

    it('browses the rules with "regler": areas, then an area\'s rules, then a rule', async () => {
      const areas = await ask(anna, 'regler');
      const areasText = JSON.stringify(areas);
      expect(
        missingTexts(areasText, [
          '"Informationsklassning"',
          '"Distansarbete"',
          '"IT-incidenthantering"',
          '"Säkerhetskopiering och lagring"',
          '"E-post och användning av Internet"',
        ]),
      ).toEqual([]);
      expect(areasText).toContain('Utkast');

      const area = await press(anna, areas, 'Distansarbete');
      expect(area.type).toBe('application/vnd.microsoft.card.adaptive');
      // Each rule of the area is a container to press.
      const ruleLinks = declaredButtons(area.value as Record<string, unknown>).filter(
        (b) => b.verb === 'rules.show',
      );
      expect(ruleLinks.length).toBeGreaterThanOrEqual(8);

      const rule = await press(anna, area, ruleLinks[0]!.title);
      expect(JSON.stringify(rule.value)).toContain('DA-01 Arbeta bara på kommunens utrustning');
      const back = await press(anna, rule, 'Tillbaka till Distansarbete');
      expect(back.type).toBe('application/vnd.microsoft.card.adaptive');
      expect((await press(anna, area, 'Alla områden')).type).toBe(
        'application/vnd.microsoft.card.adaptive',
      );

      const english = await ask(anna, 'rules', 'en-US');
      expect(JSON.stringify(english)).toContain(
        'Draft: the municipality has not adopted the instruction yet.',
      );
    });

    it('keeps questions and replies out of the process log', () => {
      const log = app.logLines.join('\n');
      expect(log).not.toContain('dropbx');
      expect(log).not.toContain('Matsedeln');
    });
  });
}
