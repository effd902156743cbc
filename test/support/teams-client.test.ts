import { describe, expect, it } from 'vitest';
import { buttonTitles, declaredButtons, pressButton, refreshOf } from './teams-client.js';

/** A small card with the shapes the bot's cards use: ActionSets in containers, a ShowCard, a select action. */
const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: 'thing.refresh', data: { id: 'i1' } } },
  body: [
    { type: 'Input.Text', id: 'note', label: 'Anteckning', value: 'förifylld', maxLength: 10 },
    {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: 'Status',
      value: 'ny',
      choices: [
        { title: 'Ny', value: 'ny' },
        { title: 'Mottagen', value: 'mottagen' },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: 'answer',
      label: 'Svar',
      style: 'expanded',
      choices: [
        { title: 'Ja', value: 'ja' },
        { title: 'Nej', value: 'nej' },
      ],
    },
    { type: 'Input.Toggle', id: 'urgent', title: 'Brådskande' },
    { type: 'Input.Date', id: 'day', label: 'Dag' },
    {
      type: 'Container',
      items: [
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Execute',
              title: 'Markera gjord',
              verb: 'incident.report',
              data: { incidentId: 'i1', status: 'made' },
            },
          ],
        },
      ],
    },
    {
      type: 'Container',
      selectAction: { type: 'Action.Execute', verb: 'rules.show', data: { ruleId: 'DA-01' } },
      items: [{ type: 'TextBlock', text: 'DA-01 Arbeta bara på kommunens utrustning' }],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Ta ärendet', verb: 'incident.take', data: { version: 1 } },
    {
      type: 'Action.Execute',
      title: 'Bara knappen',
      verb: 'plain',
      data: { note: 'data' },
      associatedInputs: 'none',
    },
    {
      type: 'Action.ShowCard',
      title: 'Svara',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'reply',
            label: 'Svar',
            isRequired: true,
            errorMessage: 'Skriv ett svar',
          },
        ],
        actions: [{ type: 'Action.Execute', title: 'Skicka', verb: 'reply.send', data: { q: 7 } }],
      },
    },
  ],
};

describe('pressing a card button as Teams does (the adaptivecards SDK)', () => {
  it('sends the button’s verb with its data and the values of the card’s inputs, leaving empty ones out', () => {
    expect(pressButton(card, 'Ta ärendet')).toEqual({
      type: 'Action.Execute',
      verb: 'incident.take',
      data: { version: 1, note: 'förifylld', status: 'ny', urgent: 'false' },
    });
  });

  it('lets an input value win over a data field of the same name', () => {
    expect(pressButton(card, 'Markera gjord').data).toMatchObject({
      incidentId: 'i1',
      status: 'ny',
    });
  });

  it('takes what the person typed and chose over the card’s values', () => {
    expect(
      pressButton(card, 'Ta ärendet', {
        note: 'ändrad',
        status: 'mottagen',
        answer: 'nej',
        urgent: 'true',
        day: '2026-11-30',
      }).data,
    ).toEqual({
      version: 1,
      note: 'ändrad',
      status: 'mottagen',
      answer: 'nej',
      urgent: 'true',
      day: '2026-11-30',
    });
    expect(pressButton(card, 'Ta ärendet', { note: '' }).data).not.toHaveProperty('note');
  });

  it('reaches a button inside a ShowCard, which sends its own inputs and those of the card around it', () => {
    expect(pressButton(card, 'Skicka', { reply: 'Hej' })).toEqual({
      type: 'Action.Execute',
      verb: 'reply.send',
      data: { q: 7, reply: 'Hej', note: 'förifylld', status: 'ny', urgent: 'false' },
    });
  });

  it('sends nothing when a required input is empty, as the Teams client refuses', () => {
    expect(() => pressButton(card, 'Skicka')).toThrow(/would not send "Skicka".*reply/);
  });

  it('sends only the data of a button with associatedInputs "none"', () => {
    expect(pressButton(card, 'Bara knappen', {}).data).toEqual({ note: 'data' });
    expect(() => pressButton(card, 'Bara knappen', { note: 'x' })).toThrow(/sees no input note/);
  });

  it('presses a container by its text when the container is the button', () => {
    expect(pressButton(card, 'DA-01 Arbeta bara')).toMatchObject({
      verb: 'rules.show',
      data: { ruleId: 'DA-01' },
    });
  });

  it('refuses what a person cannot do: a missing button, a choice not offered, text over the limit', () => {
    expect(() => pressButton(card, 'Avsluta')).toThrow(/Ta ärendet, Bara knappen, .*Skicka/);
    expect(() => pressButton(card, 'Ta ärendet', { status: 'avslutad' })).toThrow(
      /offers no avslutad/,
    );
    expect(() => pressButton(card, 'Ta ärendet', { note: 'x'.repeat(11) })).toThrow(
      /at most 10 characters/,
    );
    expect(() => pressButton(card, 'Ta ärendet', { urgent: 'ja' })).toThrow(/either "true"/);
  });

  it('lists the buttons with their declared data and the inputs each one sends', () => {
    const buttons = declaredButtons(card);
    expect(buttons.find((b) => b.title === 'Markera gjord')).toMatchObject({
      verb: 'incident.report',
      data: { status: 'made' },
      sends: expect.arrayContaining(['status', 'note']) as unknown,
    });
    expect(buttons.find((b) => b.title === 'Bara knappen')?.sends).toEqual([]);
    expect(buttonTitles(card)).toContain('Skicka');
  });

  it('presses an Action.Submit the same way, and tells same-titled buttons apart by a text near them', () => {
    const twoDeadlines = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'comment', label: 'Kommentar' },
        ...['IMY', 'CSIRT'].map((kind) => ({
          type: 'Container',
          items: [
            { type: 'TextBlock', text: `Anmälan till ${kind}` },
            {
              type: 'ActionSet',
              actions: [{ type: 'Action.Submit', title: 'Gjord', data: { kind } }],
            },
          ],
        })),
      ],
    };
    expect(() => pressButton(twoDeadlines, 'Gjord')).toThrow(/2 buttons titled "Gjord"/);
    expect(
      pressButton(twoDeadlines, { title: 'Gjord', near: 'CSIRT' }, { comment: 'Klart' }),
    ).toEqual({
      type: 'Action.Submit',
      verb: undefined,
      data: { kind: 'CSIRT', comment: 'Klart' },
    });
  });

  it('refreshes with the refresh action’s data alone', () => {
    expect(refreshOf(card)).toEqual({
      type: 'Action.Execute',
      verb: 'thing.refresh',
      data: { id: 'i1' },
    });
    expect(refreshOf({ type: 'AdaptiveCard', version: '1.5', body: [] })).toBeUndefined();
  });
});
