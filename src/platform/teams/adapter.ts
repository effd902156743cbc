import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import { StatusCodes, TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { localeFrom, stringsFor } from '../strings.js';
import { hasAttachments, isTooLargeForTeams, plainLine } from './card-budget.js';

/** Options for ConfigurationBotFrameworkAuthentication from our validated config. */
export function authenticationOptions(config: Config): Record<string, string> {
  if (config.mode === 'local') return {};
  return {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
}

export function createAuthentication(config: Config): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(authenticationOptions(config));
}

interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * The connector client retries 429 and 5xx on its own (three times, blocking).
 * The outbox owns retries so each attempt is counted, persisted and spaced; this
 * factory hands out clients without the built-in retry phase.
 */
class SingleAttemptConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    (client as unknown as WithPipeline).client?.pipeline?.removePolicy({ phase: 'Retry' });
    return client;
  }
}

class SingleAttemptAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SingleAttemptConnectorFactory(super.createConnectorFactory(claimsIdentity));
  }
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function asUnauthorized(error: unknown): unknown {
  if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
    return new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
  }
  return error;
}

/**
 * botbuilder passes some token failures (a bad signature, a token not yet valid)
 * through as plain errors, which CloudAdapter answers with 500. A bad token is a
 * 401; this wrapper says so and delegates everything else.
 */
class RejectBadTokens extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

/**
 * The one place a failed turn is answered: a Swedish (or English) apology with a
 * correlation id that is also in the log, never the error itself. For a card
 * click the apology is the invoke response, so the card stays as it was.
 */
export function answerTurnError(log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID();
    const activity = context.activity;
    const verb =
      activity?.name === 'adaptiveCard/action'
        ? (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb
        : undefined;
    log.error(
      {
        err: error,
        correlationId,
        activityType: activity?.type,
        verb: typeof verb === 'string' ? verb : undefined,
      },
      'turn failed',
    );
    const apology = stringsFor(localeFrom(activity?.locale)).apology(correlationId);
    try {
      await sendApology(context, apology);
    } catch (sendError) {
      log.error({ err: sendError, correlationId }, 'could not send the apology');
    }
  };
}

/** Says that the database cannot be reached, to the person who wrote or clicked. */
export async function answerDatabaseUnavailable(context: TurnContext, log: Logger): Promise<void> {
  try {
    await sendApology(
      context,
      stringsFor(localeFrom(context.activity?.locale)).databaseUnavailable,
    );
  } catch (error) {
    log.warn({ err: error }, 'could not say that the database cannot be reached');
  }
}

/** An apology as the answer to the activity: the invoke response of a card click, else a reply. */
async function sendApology(context: TurnContext, text: string): Promise<void> {
  if (context.activity?.type === 'invoke') {
    await context.sendActivity({
      type: 'invokeResponse',
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      },
    });
  } else {
    await context.sendActivity(text);
  }
}

/**
 * The adapter that answers incoming activities. `handle` is CloudAdapter's own
 * processing of one activity, for the HTTP server's route: it reads and checks the
 * request itself, and answers failures without botbuilder's console output.
 */
export class TurnAdapter extends CloudAdapter {
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * A reply Teams refuses as too large (413) is not silence: each card of the batch that
 * was refused is sent again as a short text saying so, in the person's language. The
 * cards are kept within the budget (card-budget.ts); this is for one that is not.
 */
export function answerTooLargeReplies(log: Logger) {
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    context.onSendActivities(async (ctx, activities, send) => {
      try {
        return await send();
      } catch (error) {
        if (!isTooLargeForTeams(error) || !activities.some(hasAttachments)) throw error;
        log.warn({ count: activities.length }, 'a reply was too large for Teams; sent as text');
        const strings = stringsFor(localeFrom(ctx.activity?.locale));
        // Sent past the handlers, so this answer is not itself handled again.
        return ctx.adapter.sendActivities(
          ctx,
          activities.filter(hasAttachments).map((refused) => ({
            ...TurnContext.applyConversationReference(
              { type: 'message' },
              TurnContext.getConversationReference(ctx.activity),
            ),
            replyToId: refused.replyToId,
            text: strings.tooLargeReply(
              typeof refused.summary === 'string' ? plainLine(refused.summary) : null,
            ),
          })),
        );
      }
    });
    await next();
  };
}

export function createTurnAdapter(
  authentication: BotFrameworkAuthentication,
  log: Logger,
): TurnAdapter {
  const adapter = new TurnAdapter(new RejectBadTokens(authentication));
  adapter.onTurnError = answerTurnError(log);
  adapter.use(answerTooLargeReplies(log));
  return adapter;
}

/** The adapter the outbox sends through: one HTTP attempt per delivery attempt. */
export function createOutboxAdapter(config: Config): CloudAdapter {
  return new CloudAdapter(new SingleAttemptAuthentication(authenticationOptions(config)));
}
