import { randomUUID } from 'node:crypto';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import { pickedPersonId } from '../org/index.js';
import { aadObjectId } from '../platform/identity.js';
import {
  cardActionsOf,
  cardResponse,
  messageResponse,
  refusal,
  refused,
  type CardAction,
} from '../platform/teams/card-action.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import type { Notice } from '../platform/teams/render.js';
import type { Measure } from './domain/measure.js';
import {
  changeMeasure,
  createMeasure,
  decideExtension,
  mayView,
  type MeasureActionResult,
  type OwnerChange,
} from './domain/measure.service.js';
import { validateMeasureForm } from './domain/measure.validation.js';
import type { MeasureFeatureDeps } from './index.js';
import { todayOf } from './measure.commands.js';
import { measureFormCard, type MeasureFormOrigin } from './measure-form.card.js';
import { measureCardFor } from './measure.notifier.js';
import { measureStringsFor, type MeasureStrings } from './measure.strings.js';
import { ownerName } from './measure.card.js';

const cardAction = cardActionsOf<MeasureFeatureDeps>();

type Ctx = HandlerContext<MeasureFeatureDeps>;

const strings = (ctx: Ctx): MeasureStrings => measureStringsFor(ctx.actor.locale);
const formText = z.string().max(20_000).optional();
const measureRef = z.object({ measureId: z.string().uuid() });

// An actor without an id (never from Teams) is nobody: the empty id matches no owner.
const actor = (ctx: Ctx) => ({
  aadObjectId: ctx.actor.aadObjectId ?? aadObjectId(''),
  name: ctx.actor.name,
});

async function cardFor(ctx: Ctx, measure: Measure, notice?: Notice) {
  const { card } = await measureCardFor(
    ctx.deps,
    measure,
    ctx.actor.aadObjectId ?? '',
    ctx.turn.activity.locale ?? null,
    () => notice,
  );
  return card;
}

async function answer(ctx: Ctx, result: MeasureActionResult) {
  const s = strings(ctx);
  switch (result.kind) {
    case 'ok':
      return cardResponse(await cardFor(ctx, result.measure));
    case 'already-done':
      return cardResponse(
        await cardFor(ctx, result.measure, { text: s.alreadyDone, style: 'warning' }),
      );
    case 'already-decided':
      return cardResponse(
        await cardFor(ctx, result.measure, { text: s.alreadyDecided, style: 'warning' }),
      );
    case 'extension-pending':
      return cardResponse(
        await cardFor(ctx, result.measure, { text: s.extensionPending, style: 'warning' }),
      );
    case 'changed':
      return cardResponse(
        await cardFor(ctx, result.measure, { text: s.changed, style: 'warning' }),
      );
    case 'forbidden':
      return refusal('forbidden', s.forbidden);
    case 'not-found':
      return refusal('not-found', s.notFound);
    case 'invalid': {
      const text: Record<string, string> = {
        'comment-required': s.commentRequired,
        'reason-required': s.reasonRequired,
        'too-long': s.tooLong,
        ...s.form.errors,
        // A new date must be a real date after the current one.
        badDate: s.badNewDate,
      };
      return refusal(result.reason, text[result.reason] ?? s.badNewDate);
    }
  }
}

/** The incident a measure is started from, if the person may see it. */
async function incidentOrigin(
  ctx: Ctx,
  incidentId: string | undefined,
): Promise<MeasureFormOrigin | undefined | 'forbidden'> {
  if (!incidentId) return undefined;
  const incident = await ctx.deps.incidentFor(incidentId, ctx.actor.aadObjectId ?? '');
  if (!incident) return 'forbidden';
  return { incidentId, incidentNumber: incident.number, systemId: incident.systemId };
}

const submit = cardAction({
  verb: 'measure.submit',
  data: z.object({
    submissionId: z.string().uuid(),
    incidentId: z.string().max(100).optional(),
    title: formText,
    description: formText,
    owner: formText,
    dueDate: formText,
    system: formText,
  }),
  async handle(ctx, sent) {
    const s = strings(ctx);
    if (!ctx.actor.aadObjectId) return refusal('forbidden', s.forbidden);
    const { org } = ctx.deps;
    const origin = await incidentOrigin(ctx, sent.incidentId || undefined);
    if (origin === 'forbidden') return refusal('forbidden', s.forbidden);
    const values = {
      ...sent,
      owner: sent.owner ? pickedPersonId(org.organisation, sent.owner) : sent.owner,
    };
    const today = todayOf(ctx);
    const result = validateMeasureForm(
      values,
      org,
      today,
      origin ? { kind: 'incident', incidentNumber: origin.incidentNumber } : { kind: 'manual' },
    );
    if (!result.ok)
      return refused(
        'invalid-form',
        cardResponse(
          measureFormCard(s, org, today, sent.submissionId, values, origin, result.errors),
        ),
      );
    const created = await createMeasure(
      ctx.deps.measures,
      actor(ctx),
      sent.submissionId,
      result.value,
    );
    if (created.kind === 'forbidden') return refusal('forbidden', s.onlyDeciders);
    // The form becomes the creator's view of the measure, which refreshes as it moves on.
    return cardResponse(
      await cardFor(ctx, created.measure, {
        text: s.card.receipt(ownerName(created.measure, org)),
        style: 'good',
      }),
    );
  },
});

/** "Ny åtgärd" on an incident card: the form, with the incident as its origin, as a new message. */
const start = cardAction({
  verb: 'measure.new',
  data: z.object({ incidentId: z.string().max(100).optional() }),
  async handle(ctx, data) {
    const s = strings(ctx);
    const origin = await incidentOrigin(ctx, data.incidentId);
    if (origin === 'forbidden') return refusal('forbidden', s.forbidden);
    if (!ctx.deps.mayCreate(ctx.actor.person)) return refusal('forbidden', s.onlyDeciders);
    if (origin) {
      const org = ctx.deps.org;
      origin.decided = (await ctx.deps.measures.measures.listOpen())
        .filter(
          (m) => m.origin.kind === 'incident' && m.origin.incidentNumber === origin.incidentNumber,
        )
        .map((m) => `${m.title} · ${ownerName(m, org)} · ${m.dueDate}`);
    }
    const values = { system: origin?.systemId ?? undefined };
    const card = measureFormCard(s, ctx.deps.org, todayOf(ctx), randomUUID(), values, origin);
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    return messageResponse(ctx.actor.strings.commandStarted);
  },
});

function ownerAction(
  verb: string,
  change: (data: Record<string, string | undefined>) => OwnerChange,
) {
  return cardAction({
    verb,
    data: measureRef.extend({
      doneComment: z.string().max(20_000).optional(),
      newDueDate: z.string().max(100).optional(),
      extensionReason: z.string().max(20_000).optional(),
    }),
    async handle(ctx, data) {
      if (!ctx.actor.aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
      return answer(
        ctx,
        await changeMeasure(ctx.deps.measures, actor(ctx), data.measureId, change(data)),
      );
    },
  });
}

const begin = ownerAction('measure.begin', () => ({ kind: 'start' }));
const done = ownerAction('measure.done', (d) => ({ kind: 'done', comment: d.doneComment ?? '' }));
const extend = ownerAction('measure.extend', (d) => ({
  kind: 'request-extension',
  dueDate: d.newDueDate ?? '',
  reason: d.extensionReason ?? '',
}));

const extension = cardAction({
  verb: 'measure.extension',
  data: measureRef.extend({
    requestedAt: z.string().max(40),
    decision: z.enum(['approved', 'rejected']),
  }),
  async handle(ctx, data) {
    if (!ctx.actor.aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
    return answer(
      ctx,
      await decideExtension(
        ctx.deps.measures,
        actor(ctx),
        data.measureId,
        data.requestedAt,
        data.decision,
      ),
    );
  },
});

async function visible(ctx: Ctx, measureId: string): Promise<Measure | 'forbidden' | 'not-found'> {
  const measure = await ctx.deps.measures.measures.get(measureId);
  if (!measure) return 'not-found';
  return mayView(measure, ctx.actor.aadObjectId ?? '', ctx.deps.org) ? measure : 'forbidden';
}

const refresh = cardAction({
  verb: 'measure.refresh',
  data: measureRef,
  async handle(ctx, data) {
    const measure = await visible(ctx, data.measureId);
    if (measure === 'forbidden') return refusal('forbidden', strings(ctx).forbidden);
    if (measure === 'not-found') return refusal('not-found', strings(ctx).notFound);
    return cardResponse(await cardFor(ctx, measure));
  },
});

const open = cardAction({
  verb: 'measure.open',
  data: measureRef,
  async handle(ctx, data) {
    const measure = await visible(ctx, data.measureId);
    if (measure === 'forbidden') return refusal('forbidden', strings(ctx).forbidden);
    if (measure === 'not-found') return refusal('not-found', strings(ctx).notFound);
    await ctx.turn.sendActivity({
      attachments: [CardFactory.adaptiveCard(await cardFor(ctx, measure))],
    });
    return messageResponse(ctx.actor.strings.commandStarted);
  },
});

export const measureActions: CardAction<MeasureFeatureDeps>[] = [
  submit,
  start,
  begin,
  done,
  extend,
  extension,
  refresh,
  open,
];
