import type { Measure } from '../../src/measures/domain/measure.js';
import { measureCard } from '../../src/measures/measure.card.js';
import { controlCard } from '../../src/measures/control.card.js';
import { controlInstanceById } from '../../src/org/index.js';
import { measureFormCard } from '../../src/measures/measure-form.card.js';
import { measureStringsFor } from '../../src/measures/measure.strings.js';
import type { CardJson } from '../../src/platform/teams/render.js';
import { exampleOrg } from './incident-samples.js';

const sv = measureStringsFor('sv');

export function sampleMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: '7a1c1e9a-1111-4222-8333-444455556666',
    title: 'Inför tvåstegsverifiering <b>för</b> fjärråtkomst',
    description: 'Slå på tvåstegsverifiering för alla konton med behörighet till lön.',
    ownerId: 'olof',
    dueDate: '2026-12-31',
    systemId: 'lon',
    origin: { kind: 'incident', incidentNumber: 'INC-2026-0007' },
    status: 'started',
    createdByAadObjectId: '00000000-0000-0000-0000-0000000000a2',
    createdByName: 'Lars Berg',
    createdAt: new Date('2026-11-30T09:00:00Z'),
    updatedAt: new Date('2026-11-30T09:00:00Z'),
    doneAt: null,
    doneComment: null,
    extension: {
      dueDate: '2027-01-31',
      reason: 'Leverantören uppdaterar i januari.',
      requestedAt: new Date('2026-12-01T09:00:00Z'),
    },
    extensions: 0,
    version: 3,
    ...overrides,
  };
}

const olofAad = exampleOrg.personById('olof')!.aadObjectId;

/** The measure card as its owner sees it, late, with a notice; and the form with errors. */
export const measureCardSamples: Record<string, () => CardJson> = {
  measure: () =>
    measureCard(sv, exampleOrg, {
      measure: sampleMeasure({ extension: null }),
      history: [
        {
          at: new Date('2026-11-30T09:00:00Z'),
          actor: '00000000-0000-0000-0000-0000000000a2',
          action: 'measure.created',
          objectType: 'measure',
          objectId: 'x',
        },
      ],
      viewerAadObjectId: olofAad,
      refreshUserIds: ['29:olof'],
      now: new Date('2027-01-05T09:00:00Z'),
      notice: {
        text: sv.card.notice.reminder.overdue('Olof Strand', '2026-12-31'),
        style: 'warning',
      },
    }),
  control: () =>
    controlCard(sv, exampleOrg, {
      instance: logReview,
      dueDate: '2026-11-30',
      result: undefined,
      viewerAadObjectId: perAad,
      refreshUserIds: ['29:per'],
      notice: { text: sv.control.reminder.due('Per Sjödin', '2026-11-30'), style: 'emphasis' },
    }),
  'measure-form': () =>
    measureFormCard(
      sv,
      exampleOrg,
      '2026-11-30',
      '6f1c1e9a-1111-4222-8333-444455556666',
      { title: 'x'.repeat(130), owner: 'olof', dueDate: '2026-11-01' },
      {
        incidentId: '6f1c1e9a-1111-4222-8333-444455556660',
        incidentNumber: 'INC-2026-0007',
        systemId: 'lon',
      },
      { title: 'tooLong', dueDate: 'dateInPast' },
    ),
};

const logReview = controlInstanceById(exampleOrg.organisation, 'logggranskning-va')!;
const perAad = exampleOrg.personById('per')!.aadObjectId;

/** The card as the one who decides a request for more time sees it. */
export const extraMeasureCards: Record<string, () => CardJson> = {
  'measure (extension to decide)': () =>
    measureCard(sv, exampleOrg, {
      measure: sampleMeasure(),
      history: [],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a2',
      refreshUserIds: [],
      now: new Date('2026-12-01T10:00:00Z'),
    }),
  'measure (new, to its owner)': () =>
    measureCard(sv, exampleOrg, {
      measure: sampleMeasure({ status: 'open', extension: null, origin: { kind: 'manual' } }),
      history: [],
      viewerAadObjectId: olofAad,
      refreshUserIds: [],
      now: new Date('2026-12-01T10:00:00Z'),
      notice: { text: sv.card.notice.assigned('Lars Berg'), style: 'emphasis' },
    }),
  'control (deviation reported)': () =>
    controlCard(sv, exampleOrg, {
      instance: logReview,
      dueDate: '2026-11-30',
      result: {
        controlId: logReview.id,
        dueDate: '2026-11-30',
        outcome: 'deviation',
        description: 'Två inloggningar från <b>okända</b> adresser.',
        measureId: '7a1c1e9a-1111-4222-8333-444455556666',
        answeredByAadObjectId: perAad,
        answeredByName: 'Per Sjödin',
        answeredAt: new Date('2026-11-30T10:00:00Z'),
      },
      viewerAadObjectId: perAad,
      refreshUserIds: [],
      notice: { text: sv.control.receiptDeviation, style: 'good' },
    }),
  'measure (done)': () =>
    measureCard(sv, exampleOrg, {
      measure: sampleMeasure({
        status: 'done',
        extension: null,
        extensions: 1,
        doneComment: 'Påslaget för alla 14 konton.',
        doneAt: new Date('2027-01-20T09:00:00Z'),
      }),
      history: [],
      viewerAadObjectId: olofAad,
      refreshUserIds: [],
      now: new Date('2027-01-20T10:00:00Z'),
    }),
};
