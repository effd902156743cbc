import type { IncidentFeatureDeps } from './index.js';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import {
  CATEGORIES,
  LIMITS,
  REPORT_KINDS,
  SEVERITIES,
  STATUSES,
  type Incident,
} from './domain/incident.js';
import {
  actOnIncident,
  reportIncident,
  viewIncident,
  type IncidentAction,
  type IncidentActionResult,
  type InvalidAction,
} from './domain/incident.service.js';
import { validateIncidentForm } from './domain/incident.validation.js';
import { incidentStringsFor, type IncidentStrings } from './incident.strings.js';
import { incidentFormCard } from './incident-form.card.js';
import { incidentReceiptCard } from './incident-receipt.card.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import { incidentCardFor } from './incident.notifier.js';
import { fullIncidentCard } from './incident-full.card.js';
import {
  cardResponse,
  cardActionsOf,
  messageResponse,
  refusal,
  refused,
  type CardAction,
} from '../platform/teams/card-action.js';
import type { Notice } from '../platform/teams/render.js';

const cardAction = cardActionsOf<IncidentFeatureDeps>();

// Generous bounds: the domain gives the precise answer (e.g. "title too long") on the form.
const formText = z.string().max(20_000).optional();
const submitData = z.object({
  submissionId: z.string().uuid(),
  title: formText,
  category: formText,
  system: formText,
  discoveredDate: formText,
  discoveredTime: formText,
  startedDate: formText,
  startedTime: formText,
  supplier: formText,
  description: formText,
  personalData: formText,
  severity: formText,
});

const incidentRef = z.object({ incidentId: z.string().uuid() });
const versioned = incidentRef.extend({ version: z.coerce.number().int().positive() });

function strings(ctx: HandlerContext<IncidentFeatureDeps>): IncidentStrings {
  return incidentStringsFor(ctx.actor.locale, ctx.deps.org.organisation.authorities);
}

async function cardFor(
  ctx: HandlerContext<IncidentFeatureDeps>,
  incident: Incident,
  notice?: Notice,
) {
  const { deps, actor } = ctx;
  return incidentCardFor(
    {
      org: deps.org,
      incidents: deps.incidents.incidents,
      people: deps.people,
      audit: deps.audit,
    },
    incident,
    actor.aadObjectId ?? '',
    ctx.turn.activity.locale ?? null,
    deps.clock.now(),
    notice,
  );
}

const submit = cardAction({
  verb: 'incident.submit',
  data: submitData,
  async handle(ctx, data) {
    const s = strings(ctx);
    const { aadObjectId, tenantId, name } = ctx.actor;
    if (!aadObjectId || !tenantId) return refusal('forbidden', s.forbidden);
    const { org, clock } = ctx.deps;
    const result = validateIncidentForm(data, org, clock.now());
    if (!result.ok)
      return cardResponse(incidentFormCard(s, org, data.submissionId, data, result.errors));
    const outcome = await reportIncident(
      ctx.deps.incidents,
      { aadObjectId, tenantId, name },
      data.submissionId,
      result.value,
    );
    if (outcome.kind === 'limited') {
      const form = incidentFormCard(
        s,
        org,
        data.submissionId,
        data,
        {},
        s.form.limited(outcome.limit.count),
      );
      return refused('limited', cardResponse(form));
    }
    const { incident, created } = outcome;
    const notice = created ? '' : s.receipt.alreadyReported(incident.number);
    return cardResponse(incidentReceiptCard(s, org, incident, notice));
  },
});

async function answer(ctx: HandlerContext<IncidentFeatureDeps>, result: IncidentActionResult) {
  const s = strings(ctx);
  switch (result.kind) {
    case 'ok':
      return cardResponse(await cardFor(ctx, result.incident));
    case 'unchanged':
      return cardResponse(await cardFor(ctx, result.incident));
    case 'stale':
      return cardResponse(
        await cardFor(ctx, result.incident, { text: s.card.changedByOther, style: 'warning' }),
      );
    case 'forbidden':
      return refusal('forbidden', s.forbidden);
    case 'not-found':
      return refusal('not-found', s.notFound);
    case 'invalid':
      return refusal(result.reason, invalidMessage(s, result.reason));
  }
}

function invalidMessage(s: IncidentStrings, reason: InvalidAction): string {
  switch (reason) {
    case 'note-too-long':
      return s.noteTooLong(LIMITS.note);
    case 'note-empty':
      return s.noteEmpty;
    case 'reason-required':
      return s.reasonRequired;
    case 'reason-too-long':
      return s.reasonTooLong(LIMITS.reason);
    case 'no-such-report':
      return s.notFound;
    case 'ended-invalid':
      return s.form.errors.invalidDate;
    case 'ended-in-future':
      return s.form.errors.inFuture;
    case 'ended-before-start':
      return s.endedBeforeStart;
  }
}

function act<T extends z.infer<typeof versioned>>(
  verb: string,
  schema: z.ZodType<T>,
  toAction: (data: T) => IncidentAction,
) {
  return cardAction({
    verb,
    data: schema,
    async handle(ctx, data) {
      const { aadObjectId, name } = ctx.actor;
      if (!aadObjectId) return refusal('forbidden', strings(ctx).forbidden);
      const closing = 'status' in data && data.status === 'avslutad';
      const before = closing ? await ctx.deps.incidents.incidents.get(data.incidentId) : undefined;
      const result = await actOnIncident(
        ctx.deps.incidents,
        { aadObjectId, name },
        data.incidentId,
        data.version,
        toAction(data),
      );
      // Closing the case is the moment to decide what must change so it does not recur
      // (asked once, when it is closed, not at each later save of a closed case).
      if (
        result.kind === 'ok' &&
        before !== undefined &&
        before.status !== 'avslutad' &&
        result.incident.status === 'avslutad'
      )
        return cardResponse(
          await cardFor(ctx, result.incident, {
            text: strings(ctx).card.closedAskMeasures,
            style: 'emphasis',
          }),
        );
      return answer(ctx, result);
    },
  });
}

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const take = act('incident.take', versioned, () => ({ type: 'take' }));

const update = act(
  'incident.update',
  versioned.extend({
    status: z.preprocess(emptyToUndefined, z.enum(STATUSES).optional()),
    severity: z.preprocess(emptyToUndefined, z.enum(SEVERITIES).optional()),
    category: z.preprocess(emptyToUndefined, z.enum(CATEGORIES).optional()),
    triageNote: z.string().max(20_000).optional(),
    endedDate: z.string().max(100).optional(),
    endedTime: z.string().max(100).optional(),
  }),
  (d) => ({
    type: 'update',
    status: d.status,
    severity: d.severity,
    category: d.category,
    note: d.triageNote,
    ended: { date: d.endedDate?.trim() ?? '', time: d.endedTime?.trim() ?? '' },
  }),
);

const REPORT_OUTCOMES = ['made', 'not-required', 'required'] as const;

/**
 * The report buttons name their outcome `outcome`: the triage card's `status` input
 * (the incident's status) would win over a data field of the same name. Cards sent
 * before that carry the outcome in `status`, still read here. *Krävs inte* and *Inte
 * betydande* send the reason typed into their field, `reason-<kind>` (one field per
 * clock, so the ids on the card are unique).
 */
const report = act(
  'incident.report',
  z.preprocess(
    (raw) => {
      const data = raw as Record<string, unknown> | null;
      if (!data || typeof data !== 'object') return raw;
      return {
        ...data,
        outcome: 'outcome' in data ? data.outcome : data.status,
        reason: data[`reason-${String(data.kind)}`],
      };
    },
    versioned.extend({
      kind: z.enum(REPORT_KINDS),
      outcome: z.enum(REPORT_OUTCOMES),
      reason: z.string().max(20_000).optional(),
    }),
  ),
  (d) => ({ type: 'report', kind: d.kind, status: d.outcome, reason: d.reason }),
);

const note = act(
  'incident.note',
  versioned.extend({ note: z.string().max(20_000).optional() }),
  (d) => ({
    type: 'note',
    text: d.note ?? '',
  }),
);

/** The clicker's card of an incident, or the answer that refuses it. */
async function visibleCard(ctx: HandlerContext<IncidentFeatureDeps>, incidentId: string) {
  const view = await viewIncident(ctx.deps.incidents, ctx.actor.aadObjectId ?? '', incidentId);
  if (view === 'forbidden') return { refusal: refusal('forbidden', strings(ctx).forbidden) };
  if (view === 'not-found') return { refusal: refusal('not-found', strings(ctx).notFound) };
  return { card: await cardFor(ctx, view) };
}

/** Teams asks for the current card when someone looks at it (Universal Actions refresh). */
const refresh = cardAction({
  verb: 'incident.refresh',
  data: incidentRef,
  async handle(ctx, data) {
    const found = await visibleCard(ctx, data.incidentId);
    return found.refusal ?? cardResponse(found.card);
  },
});

/** From the list: the incident card comes as a new message, the list stays. */
const open = cardAction({
  verb: 'incident.open',
  data: incidentRef,
  async handle(ctx, data) {
    const found = await visibleCard(ctx, data.incidentId);
    if (found.refusal) return found.refusal;
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(found.card)] });
    return messageResponse(ctx.actor.strings.commandStarted);
  },
});

const fullPage = incidentRef.extend({ page: z.coerce.number().int().positive().max(10_000) });

/**
 * A page of the whole incident, to whoever may see the incident card: the same check
 * as `visibleCard`, from stored state; the card data names only which page.
 */
async function fullIncidentPage(
  ctx: HandlerContext<IncidentFeatureDeps>,
  data: z.infer<typeof fullPage>,
) {
  const { deps } = ctx;
  const view = await viewIncident(deps.incidents, ctx.actor.aadObjectId ?? '', data.incidentId);
  if (view === 'forbidden') return { refusal: refusal('forbidden', strings(ctx).forbidden) };
  if (view === 'not-found') return { refusal: refusal('not-found', strings(ctx).notFound) };
  const card = fullIncidentCard(
    strings(ctx),
    deps.org,
    {
      incident: view,
      notes: await deps.incidents.incidents.notes(view.id),
      history: await deps.audit.forObject('incident', view.id),
    },
    data.page,
  );
  return { card };
}

/** "Visa hela ärendet" on the incident card: the whole incident comes as a new message, the card stays. */
const full = cardAction({
  verb: 'incident.full',
  data: fullPage,
  async handle(ctx, data) {
    const found = await fullIncidentPage(ctx, data);
    if (found.refusal) return found.refusal;
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(found.card)] });
    return messageResponse(strings(ctx).full.sent);
  },
});

/** "Nästa sida" and "Föregående sida" on the whole incident: the page turns in place. */
const fullPageTurn = cardAction({
  verb: 'incident.full-page',
  data: fullPage,
  async handle(ctx, data) {
    const found = await fullIncidentPage(ctx, data);
    return found.refusal ?? cardResponse(found.card);
  },
});

export const incidentActions: CardAction<IncidentFeatureDeps>[] = [
  submit,
  take,
  update,
  report,
  note,
  refresh,
  open,
  full,
  fullPageTurn,
];
