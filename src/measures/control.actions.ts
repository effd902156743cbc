import { z } from 'zod';
import { controlInstanceById, type ControlInstance } from '../org/index.js';
import { aadObjectId } from '../platform/identity.js';
import {
  cardActionsOf,
  cardResponse,
  refusal,
  type CardAction,
} from '../platform/teams/card-action.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import type { Notice } from '../platform/teams/render.js';
import { answerControl, mayAnswer, type ControlResult } from './domain/control.js';
import type { MeasureFeatureDeps } from './index.js';
import { controlCardFor } from './measure.notifier.js';
import { measureStringsFor } from './measure.strings.js';

const cardAction = cardActionsOf<MeasureFeatureDeps>();
type Ctx = HandlerContext<MeasureFeatureDeps>;

const controlRef = z.object({
  controlId: z.string().max(200),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const strings = (ctx: Ctx) => measureStringsFor(ctx.actor.locale);

function cardFor(
  ctx: Ctx,
  instance: ControlInstance,
  dueDate: string,
  result: ControlResult | undefined,
  notice?: Notice,
) {
  return controlCardFor(
    ctx.deps,
    instance,
    dueDate,
    result,
    ctx.actor.aadObjectId ?? '',
    ctx.turn.activity.locale ?? null,
    () => notice,
  );
}

const answer = cardAction({
  verb: 'control.answer',
  data: controlRef.extend({
    outcome: z.enum(['ok', 'deviation']),
    deviationText: z.string().max(20_000).optional(),
  }),
  async handle(ctx, data) {
    const s = strings(ctx);
    if (!ctx.actor.aadObjectId) return refusal('forbidden', s.forbidden);
    const result = await answerControl(
      ctx.deps.measures,
      { aadObjectId: ctx.actor.aadObjectId ?? aadObjectId(''), name: ctx.actor.name },
      data.controlId,
      data.dueDate,
      data.outcome === 'ok'
        ? { kind: 'ok' }
        : { kind: 'deviation', description: data.deviationText ?? '' },
    );
    switch (result.kind) {
      case 'answered':
        return cardResponse(
          await cardFor(ctx, result.instance, data.dueDate, result.result, {
            text: result.measure ? s.control.receiptDeviation : s.control.receiptOk,
            style: 'good',
          }),
        );
      case 'already-answered':
        return cardResponse(
          await cardFor(ctx, result.instance, data.dueDate, result.result, {
            text: s.control.alreadyAnswered,
            style: 'warning',
          }),
        );
      case 'forbidden':
        return refusal('forbidden', s.forbidden);
      case 'not-found':
        return refusal('not-found', s.control.notFound);
      case 'invalid':
        return refusal(
          result.reason,
          result.reason === 'too-long' ? s.tooLong : s.control.descriptionRequired,
        );
    }
  },
});

/**
 * The card as it is now, for the responsible person, the säkerhetssamordnare, the
 * kommunchef and the owner of the system checked.
 */
const refresh = cardAction({
  verb: 'control.refresh',
  data: controlRef,
  async handle(ctx, data) {
    const s = strings(ctx);
    const org = ctx.deps.org;
    const instance = controlInstanceById(org.organisation, data.controlId);
    if (!instance) return refusal('not-found', s.control.notFound);
    const aad = ctx.actor.aadObjectId ?? '';
    const person = org.personByAadObjectId(aad);
    const sees =
      mayAnswer(instance, aad, org) ||
      (person !== undefined &&
        (ctx.actor.roles.includes('sakerhetssamordnare') ||
          ctx.actor.roles.includes('kommunchef') ||
          (instance.systemId !== null && org.systemById(instance.systemId)?.owner === person.id)));
    if (!sees) return refusal('forbidden', s.forbidden);
    const result = await ctx.deps.measures.controls.get(instance.id, data.dueDate);
    return cardResponse(await cardFor(ctx, instance, data.dueDate, result));
  },
});

export const controlActions: CardAction<MeasureFeatureDeps>[] = [answer, refresh];
