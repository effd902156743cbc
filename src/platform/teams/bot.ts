import { randomUUID } from 'node:crypto';
import {
  TeamsActivityHandler,
  TurnContext,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type SearchInvokeResponse,
  type SearchInvokeValue,
} from 'botbuilder';
import { z } from 'zod';
import type { AuditRepository, OrgDirectory, PersonRepository } from '../../org/index.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { aadObjectId } from '../identity.js';
import type { Logger } from '../log.js';
import { localeFrom, stringsFor } from '../strings.js';
import {
  adaptiveCardInvokeSchema,
  cleanActivity,
  invokeTriggerSchema,
  incomingActivitySchema,
  tenantOf,
  type IncomingActivity,
} from './activity.js';
import type { Metrics } from '../metrics.js';
import {
  cardResponse,
  messageResponse,
  refusal,
  refusalReason,
  type BoundCardAction,
} from './card-action.js';
import {
  MAX_SEARCH_CHOICES,
  MAX_SEARCH_TEXT,
  splitDataset,
  type BoundCardSearch,
  type SearchChoice,
} from './card-search.js';
import type { BoundCommand } from './command.js';
import { createCommandMatcher } from './command-matcher.js';
import { commandRunAction } from './command-run.action.js';
import type { FeatureModule } from './feature.js';
import type { Actor, TurnScope } from './handler-context.js';
import { renderCardJson } from './render.js';
import { holdBackReplies, isSharedConversation } from './shared-chat.js';

/** A message for the person's personal chat, sent through the outbox. */
export interface PersonalMessage {
  dedupeKey: string;
  recipientAadObjectId: string;
  tenantId: string;
  activity: Record<string, unknown>;
}

/** What the bot itself needs; everything else reaches handlers through their feature. */
export interface BotDeps {
  config: Pick<Config, 'mode' | 'bot' | 'forceLocale'>;
  /** Read at every turn: the register changes when approvals conclude. */
  org(): OrgDirectory;
  people: PersonRepository;
  audit: Pick<AuditRepository, 'record' | 'countSince'>;
  clock: Clock;
  log: Logger;
  features: FeatureModule[];
  /** Queues a message to a person's personal chat (the outbox) and wakes the sender. */
  notify(message: PersonalMessage): Promise<boolean>;
  metrics: Pick<Metrics, 'turns' | 'turnSeconds' | 'refused' | 'limited'>;
}

/** The card data keys that name what a click is about, and the audit object type of each. */
const OBJECT_KEYS: [key: string, objectType: string][] = [
  ['incidentId', 'incident'],
  ['approvalId', 'approval'],
  ['questionId', 'rules-question'],
  ['goalId', 'goal'],
  ['documentId', 'document'],
  ['systemId', 'system'],
  ['ruleId', 'rule'],
];

/**
 * What a refused click was about, as its card data claims: an id of a safe shape only,
 * never free text (the data is the clicker's, and may be forged).
 */
function claimedObject(data: unknown): { objectType: string; objectId: string } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  for (const [key, objectType] of OBJECT_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(value))
      return { objectType, objectId: value };
  }
  return undefined;
}

/**
 * Teams asking for a card's `refresh` as someone looks at it (`trigger: automatic`),
 * rather than a click. botbuilder leaves the trigger out of the invoke value it passes on.
 */
function isRefresh(activity: TurnContext['activity']): boolean {
  return invokeTriggerSchema.safeParse(activity.value).data?.trigger === 'automatic';
}

/** How long a click's answer waits for the update of the message on the other devices. */
const UPDATE_WAIT_MS = 3000;

/** Refused clicks of one person kept in the audit log per minute; more are only counted. */
const REFUSALS_ON_RECORD_PER_MINUTE = 20;

/** Longer messages are not commands or questions; they get a clear answer instead. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The thin bot: it identifies the actor, remembers how to reach them, and hands
 * each message to one command and each card click to one card action. In team
 * channels and group chats only commands and actions marked `shared` answer there;
 * the others answer in the person's personal chat, and the shared chat gets one
 * neutral line.
 */
export class ItSakerhetBot extends TeamsActivityHandler {
  private readonly findCommand: (text: string) => BoundCommand | undefined;
  private readonly cardActions: Map<string, BoundCardAction>;
  private readonly searches: Map<string, BoundCardSearch>;
  private readonly fallback: BoundCommand | undefined;
  private readonly welcomeCommand: BoundCommand | undefined;

  constructor(private readonly services: BotDeps) {
    super();
    const { features } = services;
    this.findCommand = createCommandMatcher(features.flatMap((f) => f.commands));
    const actions = [
      commandRunAction(this.findCommand, (command, scope) => this.runCommand(command, scope)),
      ...features.flatMap((f) => f.cardActions),
    ];
    this.cardActions = new Map(actions.map((a) => [a.verb, a]));
    this.searches = new Map(features.flatMap((f) => f.searches).map((q) => [q.dataset, q]));
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
      const elsewhere = command && (await this.runCommand(command, ctx));
      if (elsewhere) await context.sendActivity(elsewhere);
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

  /** Cleans what the person sent, checks the tenant and records the person before any handler runs. */
  override async run(context: TurnContext): Promise<void> {
    const type = activityTypeLabel(context.activity?.type);
    const done = this.services.metrics.turnSeconds.startTimer({ type });
    try {
      await this.runCleaned(context);
    } finally {
      done();
      this.services.metrics.turns.inc({ type });
    }
  }

  private async runCleaned(context: TurnContext): Promise<void> {
    const forced = this.services.config.forceLocale;
    if (forced && context.activity) context.activity.locale = forced;
    if (context.activity) cleanActivity(context.activity);
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
    if (!parsedInvoke.success || !action) {
      const response = refusal('unknown-verb', ctx.actor.strings.invalidAction);
      await this.recordRefusal(ctx, 'unknown', parsedInvoke.data?.action.data, response);
      return response;
    }
    const { data } = parsedInvoke.data.action;
    return this.dispatch(context, ctx, action, data);
  }

  /**
   * A card's typeahead picker asks for choices (`application/search`). Names are not
   * for shared chats: there, and for a dataset nobody offers, the answer is no choices.
   */
  protected override async onSearchInvoke(
    context: TurnContext,
    invokeValue: SearchInvokeValue,
  ): Promise<SearchInvokeResponse> {
    const parsed = searchInvokeSchema.safeParse(invokeValue);
    const dataset = parsed.success ? splitDataset(parsed.data.dataset) : undefined;
    const search = dataset ? this.searches.get(dataset.name) : undefined;
    let results: SearchChoice[] = [];
    if (parsed.success && search && !isSharedConversation(context.activity)) {
      const { queryText, queryOptions } = parsed.data;
      const top = Math.min(queryOptions?.top ?? MAX_SEARCH_CHOICES, MAX_SEARCH_CHOICES);
      const skip = queryOptions?.skip ?? 0;
      const query = queryText.slice(0, MAX_SEARCH_TEXT);
      results = (
        await search.search(this.turnScope(context), query, skip + top, dataset?.context)
      ).slice(skip, skip + top);
    }
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results },
    };
  }

  private async dispatch(
    context: TurnContext,
    ctx: TurnScope,
    bound: BoundCardAction,
    data: unknown,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action: BoundCardAction = {
      ...bound,
      handle: async (scope, raw) => {
        const response = await bound.handle(scope, raw);
        await this.recordRefusal(scope, bound.verb, raw, response);
        return response;
      },
    };
    // An error here reaches the adapter's one turn-error handler, which apologises.
    if (!isSharedConversation(context.activity)) {
      const response = await action.handle(ctx, data);
      await this.updateOnEveryDevice(context, action.verb, response);
      return response;
    }
    if (action.shared) return action.handle(ctx, data);
    return this.invokePersonally(action, ctx, data, isRefresh(context.activity));
  }

  /**
   * A card in the invoke response replaces the card only where it was clicked (Teams
   * shows it to the one who interacted, on that device). Replacing the message itself
   * too makes the person's other devices, and later views, show the same card. Not in a
   * shared chat, where the message is everyone's and must not become one person's view;
   * not for a `refresh`, which shows the card as it is and changes nothing. A failure
   * here is logged: the click itself is answered anyway. Teams waits for the invoke
   * response only a few seconds, so a slow update is not waited for beyond
   * `UPDATE_WAIT_MS`; it goes on, and its failure is still logged.
   */
  private async updateOnEveryDevice(
    context: TurnContext,
    verb: string,
    response: AdaptiveCardInvokeResponse,
  ): Promise<void> {
    const messageId = context.activity.replyToId;
    const isCard = response.type === 'application/vnd.microsoft.card.adaptive';
    if (!messageId || !isCard || !response.value || isRefresh(context.activity)) return;
    const update = context
      .updateActivity({
        type: 'message',
        id: messageId,
        attachments: [CardFactory.adaptiveCard(response.value)],
      })
      .then(
        () => undefined,
        (error: unknown) => {
          this.services.log.warn({ err: error, verb }, 'the clicked card could not be updated');
        },
      );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      update,
      new Promise((resolve) => (timer = setTimeout(resolve, UPDATE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Runs a command where its answer belongs. In a shared chat a command that is not
   * `shared` answers in the person's personal chat; the returned line is for the
   * shared chat (that it did, or that the person must open a personal chat first).
   */
  private async runCommand(command: BoundCommand, ctx: TurnScope): Promise<string | undefined> {
    if (command.shared || !isSharedConversation(ctx.turn.activity)) {
      await command.handle(ctx);
      return undefined;
    }
    const { strings, locale } = ctx.actor;
    if (!(await this.hasPersonalChat(ctx.actor))) {
      const name = (locale === 'en' ? command.names[1] : undefined) ?? command.names[0];
      return strings.sharedChat.openPersonalChat(name);
    }
    await this.sendPersonally(ctx, await holdBackReplies(ctx.turn, () => command.handle(ctx)));
    return strings.sharedChat.answeredPersonally;
  }

  /**
   * A click in a shared chat on a card that is not `shared` (a card posted there before
   * personal answers moved to the personal chat, or a forged one): the action runs, and
   * what it answers goes to the personal chat. Teams asking for such a card's refresh
   * gets a card that says where to look instead of the card.
   */
  private async invokePersonally(
    action: BoundCardAction,
    ctx: TurnScope,
    data: unknown,
    automatic: boolean,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { strings } = ctx.actor;
    if (automatic) {
      return cardResponse(
        renderCardJson('platform/teams/personal-only', {
          text: strings.sharedChat.personalOnlyCard,
        }),
      );
    }
    if (!(await this.hasPersonalChat(ctx.actor)))
      return messageResponse(strings.sharedChat.openPersonalChat());
    let response: AdaptiveCardInvokeResponse | undefined;
    const replies = await holdBackReplies(ctx.turn, async () => {
      response = await action.handle(ctx, data);
    });
    const value = response?.value as unknown;
    if (response?.type === 'application/vnd.microsoft.card.adaptive' && value) {
      replies.push({ type: 'message', attachments: [CardFactory.adaptiveCard(value)] });
    } else if (typeof value === 'string' && replies.length === 0) {
      // A message answer in place ("the answer follows in a new message") says nothing
      // once the answer itself is in the personal chat; a refusal does.
      replies.push({ type: 'message', text: value });
    }
    await this.sendPersonally(ctx, replies);
    return messageResponse(strings.sharedChat.answeredPersonally);
  }

  /**
   * A refused click leaves a trace: an `action.refused` audit event (who, the verb, what
   * the card claimed it was about, the reason; no free text) and a count in `/metrics`.
   */
  private async recordRefusal(
    ctx: TurnScope,
    verb: string,
    data: unknown,
    response: AdaptiveCardInvokeResponse,
  ): Promise<void> {
    const reason = refusalReason(response);
    if (!reason) return;
    this.services.metrics.refused.inc({ verb, reason });
    if (reason === 'limited') this.services.metrics.limited.inc({ what: verb });
    const object = claimedObject(data) ?? { objectType: 'card-action', objectId: verb };
    const at = this.services.clock.now();
    const actor = ctx.actor.aadObjectId ?? 'unknown';
    // A flood of forged clicks must not grow the audit log without bound: the first
    // refusals of a person in a minute are kept, the rest only counted in /metrics (no log
    // line either, which would grow as fast).
    const recent = await this.services.audit.countSince(
      actor,
      'action.refused',
      new Date(at.getTime() - 60_000),
    );
    if (recent >= REFUSALS_ON_RECORD_PER_MINUTE) return;
    await this.services.audit.record({
      at,
      actor,
      action: 'action.refused',
      ...object,
      details: { verb, reason },
    });
  }

  /** Whether the bot can write to the person in their personal chat (it has the reference). */
  private async hasPersonalChat(actor: Actor): Promise<boolean> {
    if (!actor.aadObjectId) return false;
    const known = await this.services.people.find(actor.aadObjectId);
    return Boolean(known?.conversationReference) && !known?.unreachableAt;
  }

  /** Queues the replies for the personal chat; a resent activity queues nothing twice. */
  private async sendPersonally(ctx: TurnScope, replies: Record<string, unknown>[]): Promise<void> {
    const aad = ctx.actor.aadObjectId;
    if (!aad) return;
    const tenantId = ctx.actor.tenantId ?? this.services.org().organisation.tenantId;
    const activityId = ctx.turn.activity.id ?? randomUUID();
    for (const [index, activity] of replies.entries()) {
      await this.services.notify({
        dedupeKey: `reply:${aad}:${activityId}:${index}`,
        recipientAadObjectId: aad,
        tenantId,
        activity,
      });
    }
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

const searchInvokeSchema = z.object({
  queryText: z.string(),
  dataset: z.string().max(100),
  queryOptions: z
    .object({
      skip: z.coerce.number().int().min(0).max(1000).optional(),
      top: z.coerce.number().int().min(1).max(1000).optional(),
    })
    .optional(),
});

const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate']);

/** The activity type as a metrics label: a known type, else `other` (labels stay few). */
function activityTypeLabel(type: string | undefined): string {
  return type && ACTIVITY_TYPES.has(type) ? type : 'other';
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
