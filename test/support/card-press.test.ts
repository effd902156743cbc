import { describe, expect, it } from 'vitest';
import { pressButton } from './card-press.js';

/** A small card with the shapes Teams cards use: top-level actions, an ActionSet in a container, a ShowCard. */
const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'Input.Text', id: 'note', value: 'förifylld' },
    { type: 'Input.ChoiceSet', id: 'status', value: 'ny', choices: [] },
    { type: 'Input.Toggle', id: 'urgent', title: 'Brådskande' },
    { type: 'Input.Text', id: 'empty' },
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
        body: [{ type: 'Input.Text', id: 'reply', isRequired: true }],
        actions: [{ type: 'Action.Execute', title: 'Skicka', verb: 'reply.send', data: { q: 7 } }],
      },
    },
  ],
};

describe('pressing a card button as Teams does', () => {
  it('sends the button’s verb with its data and the card’s input values, leaving empty inputs out', () => {
    expect(pressButton(card, 'Ta ärendet')).toEqual({
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

  it('takes what the person typed over the card’s values', () => {
    expect(pressButton(card, 'Ta ärendet', { note: 'ändrad', urgent: 'true' }).data).toEqual({
      version: 1,
      note: 'ändrad',
      status: 'ny',
      urgent: 'true',
    });
  });

  it('finds a button inside a ShowCard, which sees its own inputs and the card around it', () => {
    expect(pressButton(card, 'Skicka', { reply: 'Hej' })).toEqual({
      verb: 'reply.send',
      data: { q: 7, reply: 'Hej', note: 'förifylld', status: 'ny', urgent: 'false' },
    });
  });

  it('does not press when a required input is empty, as the Teams client refuses', () => {
    expect(() => pressButton(card, 'Skicka')).toThrow(/required input reply/);
  });

  it('sends only the data of a button that takes no inputs', () => {
    expect(pressButton(card, 'Bara knappen').data).toEqual({ note: 'data' });
  });

  it('names the buttons there are when the one asked for is missing, or an input it cannot see', () => {
    expect(() => pressButton(card, 'Avsluta')).toThrow(/Ta ärendet, Bara knappen, Skicka/);
    expect(() => pressButton(card, 'Ta ärendet', { reply: 'x' })).toThrow(/sees no input reply/);
  });
});
