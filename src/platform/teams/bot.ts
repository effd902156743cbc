import { randomUUID } from 'node:crypto';
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { localeFrom, stringsFor } from '../strings.js';
import { type CardAction } from './card-action.js';
import { messageResponse } from './card-action.js';
import { createCardActions } from './card-action-registry.js';
import type { Command } from './command.js';
import { commands, createCommandMatcher, questionCommand } from './command-registry.js';
import { helpCommand } from '../../help/help.command.js';
import {
  adaptiveCardInvokeSchema,
  incomingActivitySchema,
  tenantOf,
  type IncomingActivity,
} from './activity.js';
import type { Actor, HandlerContext, Services } from './handler-context.js';

/** Longer messages are not commands or questions; they get a clear answer instead. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The thin bot: it identifies the actor, remembers how to reach them, and hands
 * each message to one command and each card click to one card action.
 */
export class ItSakerhetBot extends TeamsActivityHandler {
  private readonly findCommand: (text: string) => Command | undefined;
  private readonly cardActions: Map<string, CardAction>;

  constructor(private readonly services: Services) {
    super();
    this.findCommand = createCommandMatcher(commands);
    this.cardActions = createCardActions(this.findCommand);

    this.onMessage(async (context, next) => {
      const ctx = await this.handlerContext(context);
      const text =
        TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      if (text.length > MAX_MESSAGE_LENGTH) {
        await context.sendActivity(ctx.actor.strings.tooLong(MAX_MESSAGE_LENGTH));
        return next();
      }
      const command = this.findCommand(text) ?? questionCommand;
      await command.handle(ctx);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.recordInstallation(context, 'app.installed');
      await this.welcome(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const aad = context.activity.from?.aadObjectId;
      if (aad && context.activity.conversation?.conversationType === 'personal') {
        await this.services.people.markUninstalled(aad, this.services.clock.now());
      }
      await this.recordInstallation(context, 'app.uninstalled');
      await next();
    });
  }

  /** Checks the tenant and records the person before any handler runs. */
  override async run(context: TurnContext): Promise<void> {
    const forced = this.services.config.forceLocale;
    if (forced && context.activity) context.activity.locale = forced;
    // The HTTP layer already refused bodies of another shape; this narrows the type.
    const parsed = incomingActivitySchema.safeParse(context.activity);
    if (!parsed.success) return;
    const activity = parsed.data;
    const { config } = this.services;
    if (config.mode === 'production' && tenantOf(activity)?.toLowerCase() !== config.bot.tenantId) {
      this.services.log.warn(
        { activityType: activity.type },
        'activity from another tenant refused',
      );
      if (activity.type === 'invoke')
        await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    await this.rememberPerson(context, activity);
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const ctx = await this.handlerContext(context);
    const parsedInvoke = adaptiveCardInvokeSchema.safeParse(invokeValue);
    const action = parsedInvoke.success
      ? this.cardActions.get(parsedInvoke.data.action.verb)
      : undefined;
    if (!parsedInvoke.success || !action) return messageResponse(ctx.actor.strings.invalidAction);
    const data = action.data.safeParse(parsedInvoke.data.action.data ?? {});
    if (!data.success) return messageResponse(ctx.actor.strings.invalidAction);
    try {
      return await action.handle(ctx, data.data);
    } catch (error) {
      const correlationId = randomUUID();
      this.services.log.error(
        { err: error, correlationId, verb: action.verb },
        'card action failed',
      );
      return messageResponse(ctx.actor.strings.apology(correlationId));
    }
  }

  private async recordInstallation(
    context: TurnContext,
    action: 'app.installed' | 'app.uninstalled',
  ): Promise<void> {
    const { activity } = context;
    await this.services.audit.record({
      at: this.services.clock.now(),
      actor: activity.from?.aadObjectId?.toLowerCase() ?? 'unknown',
      action,
      objectType: 'conversation',
      objectId: activity.conversation?.id ?? 'unknown',
      details: { scope: activity.conversation?.conversationType ?? 'unknown' },
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'personal') return;
    const ctx = await this.handlerContext(context);
    await context.sendActivity(ctx.actor.strings.welcome);
    await helpCommand.handle(ctx);
  }

  private async rememberPerson(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const aad = activity.from.aadObjectId;
    const tenantId = tenantOf(activity);
    if (!aad || !tenantId) return;
    const person = this.services.org.personByAadObjectId(aad);
    const personal = activity.conversation.conversationType === 'personal';
    await this.services.people.saw(
      {
        aadObjectId: aad,
        tenantId,
        personId: person?.id ?? null,
        name: person?.name ?? activity.from.name ?? '',
        locale: activity.locale ?? null,
        serviceUrl: activity.serviceUrl,
        teamsUserId: activity.from.id ?? null,
        personalConversation: personal
          ? {
              id: activity.conversation.id,
              reference: JSON.stringify(TurnContext.getConversationReference(context.activity)),
            }
          : undefined,
      },
      this.services.clock.now(),
    );
  }

  private async handlerContext(context: TurnContext): Promise<HandlerContext> {
    const activity = context.activity;
    const aad = activity.from?.aadObjectId;
    const person = aad ? this.services.org.personByAadObjectId(aad) : undefined;
    const locale = localeFrom(activity.locale);
    const actor: Actor = {
      aadObjectId: aad?.toLowerCase(),
      tenantId: activity.channelData?.tenant?.id ?? activity.conversation?.tenantId,
      name: person?.name ?? activity.from?.name ?? '',
      person,
      roles: person ? this.services.org.rolesOf(person.id) : [],
      locale,
      strings: stringsFor(locale),
    };
    return { turn: context, actor, services: this.services };
  }
}
