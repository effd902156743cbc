import {
  Channels,
  TurnContext,
  type CloudAdapter,
  type ConversationReference,
  type Activity,
} from 'botbuilder';

export interface DeliveryTarget {
  aadObjectId: string;
  tenantId: string;
  /** The stored personal conversation, or null when the bot has never talked to the person. */
  conversationReference: Partial<ConversationReference> | null;
  /** Where to create the conversation when there is none. */
  serviceUrl: string;
}

export interface CreatedConversation {
  id: string;
  reference: string;
  serviceUrl: string;
}

/** A delivery attempt failed; `status` is the Bot Connector's HTTP status, if any. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfter: string | undefined,
    /** The connector gave no answer within the call timeout; the attempt's outcome is unknown. */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Transport {
  deliver(
    target: DeliveryTarget,
    activity: Partial<Activity>,
    onConversationCreated: (conversation: CreatedConversation) => Promise<void>,
    /**
     * Aborted when the sender gave up on this attempt (no answer in time, or stopping).
     * A transport should then send nothing more; the sender treats a late answer as lost.
     */
    signal?: AbortSignal,
  ): Promise<void>;
}

interface ConnectorErrorShape {
  statusCode?: unknown;
  message?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } };
}

function toDeliveryError(error: unknown): DeliveryError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ConnectorErrorShape;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const retryAfter = e.response?.headers?.get?.('retry-after') ?? undefined;
  const message = typeof e.message === 'string' ? e.message.slice(0, 300) : 'delivery failed';
  return new DeliveryError(message, status, retryAfter);
}

/** Thrown inside a turn when the attempt was given up meanwhile: nothing is sent. */
function ensureNotAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new DeliveryError('attempt given up before sending', undefined, undefined);
}

/**
 * Sends proactive messages through the Bot Framework (continue or create the 1:1 chat).
 *
 * The CloudAdapter takes no AbortSignal (neither the token request, the conversation
 * creation nor `sendActivity` can be handed one), so a call cannot be cut off here: the
 * sender races it against its timeout. What this transport does with the signal is not
 * to go on: once the attempt is given up, a turn that opens late sends nothing.
 */
export function createBotFrameworkTransport(adapter: CloudAdapter, botAppId: string): Transport {
  return {
    async deliver(target, activity, onConversationCreated, signal) {
      try {
        ensureNotAborted(signal);
        if (target.conversationReference) {
          await adapter.continueConversationAsync(
            botAppId,
            target.conversationReference,
            async (context) => {
              ensureNotAborted(signal);
              await context.sendActivity(activity);
            },
          );
          return;
        }
        // The audience argument falls back to the configured Bot Framework scope when undefined.
        const defaultAudience = undefined as unknown as string;
        await adapter.createConversationAsync(
          botAppId,
          Channels.Msteams,
          target.serviceUrl,
          defaultAudience,
          {
            isGroup: false,
            bot: { id: botAppId, name: '' },
            members: [{ id: target.aadObjectId, name: '' }],
            tenantId: target.tenantId,
            channelData: { tenant: { id: target.tenantId } },
            activity: undefined as unknown as Activity,
            topicName: undefined as unknown as string,
          },
          async (context) => {
            const reference = TurnContext.getConversationReference(context.activity);
            await onConversationCreated({
              id: context.activity.conversation.id,
              reference: JSON.stringify(reference),
              serviceUrl: target.serviceUrl,
            });
            ensureNotAborted(signal);
            await context.sendActivity(activity);
          },
        );
      } catch (error) {
        throw error instanceof DeliveryError ? error : toDeliveryError(error);
      }
    },
  };
}
