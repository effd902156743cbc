import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { z } from 'zod';
import type { HandlerContext, TurnScope } from './handler-context.js';

/**
 * One card verb of a feature. Its data is parsed by the action itself, so the
 * verb's data type stays inside it and lists of actions need no casts.
 */
export interface CardAction<D> {
  verb: string;
  /**
   * Clicked in team channels and group chats too, and answered there: the card it
   * shows holds nothing personal. Any other verb is answered in the personal chat.
   */
  shared?: boolean;
  handle(ctx: HandlerContext<D>, data: unknown): Promise<AdaptiveCardInvokeResponse>;
}

/** A card action bound to its feature's dependencies, as the bot dispatches it. */
export interface BoundCardAction {
  verb: string;
  shared?: boolean;
  handle(scope: TurnScope, data: unknown): Promise<AdaptiveCardInvokeResponse>;
}

export interface CardActionDefinition<D, T> {
  verb: string;
  /** See `CardAction.shared`. */
  shared?: boolean;
  data: z.ZodType<T>;
  handle(ctx: HandlerContext<D>, data: T): Promise<AdaptiveCardInvokeResponse>;
}

/** A verb whose data is parsed with `data`; data of another shape gets the "invalid button" answer. */
export function defineCardAction<D, T>(definition: CardActionDefinition<D, T>): CardAction<D> {
  return {
    verb: definition.verb,
    shared: definition.shared,
    async handle(ctx, raw) {
      const parsed = definition.data.safeParse(raw ?? {});
      if (!parsed.success) return refusal('invalid-data', ctx.actor.strings.invalidAction);
      return definition.handle(ctx, parsed.data);
    },
  };
}

/** `defineCardAction` with the feature's dependency type fixed, so only the data type is inferred. */
export function cardActionsOf<D>() {
  return <T>(definition: CardActionDefinition<D, T>): CardAction<D> => defineCardAction(definition);
}

export function bindCardAction<D>(action: CardAction<D>, deps: D): BoundCardAction {
  return {
    verb: action.verb,
    shared: action.shared,
    handle: (scope, data) => action.handle({ ...scope, deps }, data),
  };
}

export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

const REFUSAL = Symbol('refusal');

/**
 * Why a click was refused, in fixed words for the audit log and `/metrics` (never the
 * person's text): `forbidden`, `not-found`, `invalid-data`, or a feature's own reason.
 */
export type RefusalReason = string;

/**
 * The answer to a click the server refuses: `text` for the person, `reason` for the
 * record. The bot writes an `action.refused` audit event and counts it.
 */
export function refusal(reason: RefusalReason, text: string): AdaptiveCardInvokeResponse {
  return refused(reason, messageResponse(text));
}

/** Marks any answer as a refusal, e.g. a form given back with a notice. */
export function refused(
  reason: RefusalReason,
  response: AdaptiveCardInvokeResponse,
): AdaptiveCardInvokeResponse {
  Object.defineProperty(response, REFUSAL, { value: reason, enumerable: false });
  return response;
}

/** The reason a response was given as a refusal, if it was. */
export function refusalReason(response: AdaptiveCardInvokeResponse): RefusalReason | undefined {
  return (response as { [REFUSAL]?: RefusalReason })[REFUSAL];
}

export function cardResponse(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
