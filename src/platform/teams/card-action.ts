import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { z } from 'zod';
import type { HandlerContext } from './handler-context.js';

/** One card verb: its data is parsed with `data` before `handle` sees it. */
export interface CardAction<T = unknown> {
  verb: string;
  data: z.ZodType<T>;
  handle(ctx: HandlerContext, data: T): Promise<AdaptiveCardInvokeResponse>;
}

export function defineCardAction<T>(action: CardAction<T>): CardAction<T> {
  return action;
}

export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

export function cardResponse(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
