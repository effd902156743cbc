import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { AuditLog, OrgDirectory, PersonRepository } from '../../org/index.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { aadObjectId } from '../identity.js';
import type { Logger } from '../log.js';
import { localeFrom, stringsFor } from '../strings.js';
import {
  adaptiveCardInvokeSchema,
  incomingActivitySchema,
  tenantOf,
  type IncomingActivity,
} from './activity.js';
import { messageResponse, type BoundCardAction } from './card-action.js';
import type { BoundCommand } from './command.js';
import { createCommandMatcher } from './command-matcher.js';
import { commandRunAction } from './command-run.action.js';
import type { FeatureModule } from './feature.js';
import type { Actor, TurnScope } from './handler-context.js';

/** What the bot itself needs; everything else reaches handlers through their feature. */
export interface BotDeps {
  config: Pick<Config, 'mode' | 'bot' | 'forceLocale'>;
  /** Read at every turn: the register changes when approvals conclude. */
  org(): OrgDirectory;
  people: PersonRepository;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  features: FeatureModule[];
}

/** Longer messages are not commands or questions; they get a clear answer instead. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The thin bot: it identifies the actor, remembers how to reach them, and hands
 * each message to one command and each card click to one card action.
 */
export class ItSakerhetBot extends TeamsActivityHandler {
  private readonly findCommand: (text: string) => BoundCommand | undefined;
  private readonly cardActions: Map<string, BoundCardAction>;
  private readonly fallback: BoundCommand | undefined;
  private readonly welcomeCommand: BoundCommand | undefined;

  constructor(private readonly services: BotDeps) {
    super();
    const { features } = services;
    this.findCommand = createCommandMatcher(features.flatMap((f) => f.commands));
    const actions = [commandRunAction(this.findCommand), ...features.flatMap((f) => f.cardActions)];
    this.cardActions = new Map(actions.map((a) => [a.verb, a]));
    this.fallback = features.find((f) => f.fallback)?.fallback;
    this.welcomeCommand = features.find((f) => f.welcome)?.welcome;

    this.onMessage(async (context, next) => {
      const ctx = this.turnScope(context);
      const text =
        TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      if (text.length > MAX_MESSAGE_LENGTH) {
        await context.sendActivity(ctx.actor.strings.tooLong(MAX_MESSAGE_LENGTH));
        return next();
      }
      const command = this.findCommand(text) ?? this.fallback;
      await command?.handle(ctx);
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
        await this.services.people.markUninstalled(aadObjectId(aad), this.services.clock.now());
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
    const ctx = this.turnScope(context);
    const parsedInvoke = adaptiveCardInvokeSchema.safeParse(invokeValue);
    const action = parsedInvoke.success
      ? this.cardActions.get(parsedInvoke.data.action.verb)
      : undefined;
    if (!parsedInvoke.success || !action) return messageResponse(ctx.actor.strings.invalidAction);
    // An error here reaches the adapter's one turn-error handler, which apologises.
    return action.handle(ctx, parsedInvoke.data.action.data);
  }

  private async recordInstallation(
    context: TurnContext,
    action: 'app.installed' | 'app.uninstalled',
  ): Promise<void> {
    const { activity } = context;
    await this.services.audit.record({
      at: this.services.clock.now(),
      actor: activity.from?.aadObjectId ? aadObjectId(activity.from.aadObjectId) : 'unknown',
      action,
      objectType: 'conversation',
      objectId: activity.conversation?.id ?? 'unknown',
      details: { scope: activity.conversation?.conversationType ?? 'unknown' },
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'personal') return;
    const ctx = this.turnScope(context);
    await context.sendActivity(ctx.actor.strings.welcome);
    await this.welcomeCommand?.handle(ctx);
  }

  private async rememberPerson(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const aad = activity.from.aadObjectId;
    const tenantId = tenantOf(activity);
    if (!aad || !tenantId) return;
    const person = this.services.org().personByAadObjectId(aad);
    const personal = activity.conversation.conversationType === 'personal';
    await this.services.people.saw(
      {
        aadObjectId: aadObjectId(aad),
        tenantId,
        personId: person?.id ?? null,
        name: person?.name ?? activity.from.name ?? '',
        locale: activity.locale ?? null,
        serviceUrl: activity.serviceUrl,
        teamsUserId: activity.from.id ?? null,
        personalConversation: personal
          ? {
              id: activity.conversation.id,
              reference: JSON.stringify(personalReference(context)),
            }
          : undefined,
      },
      this.services.clock.now(),
    );
  }

  private turnScope(context: TurnContext): TurnScope {
    const activity = context.activity;
    const aad = activity.from?.aadObjectId ? aadObjectId(activity.from.aadObjectId) : undefined;
    const org = this.services.org();
    const person = aad ? org.personByAadObjectId(aad) : undefined;
    const locale = localeFrom(activity.locale);
    const actor: Actor = {
      aadObjectId: aad,
      tenantId: activity.channelData?.tenant?.id ?? activity.conversation?.tenantId,
      name: person?.name ?? activity.from?.name ?? '',
      person,
      roles: person ? org.rolesOf(person.id) : [],
      locale,
      strings: stringsFor(locale),
    };
    return { turn: context, actor };
  }
}

/**
 * How to reach the person later. The id of the message they just wrote is left out:
 * a proactive message does not need it, and without it the reference stays the same
 * from one message to the next, so nothing is written when nothing changed.
 */
function personalReference(context: TurnContext) {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  return reference;
}
