import { CardFactory } from 'botbuilder';
import type {
  AuditRepository,
  ControlInstance,
  OrgDirectory,
  PersonRepository,
} from '../org/index.js';
import { controlCard } from './control.card.js';
import type { ControlResult } from './domain/control.js';
import type { OutboxMessage } from '../outbox/index.js';
import type { Clock } from '../platform/clock.js';
import { localeFrom } from '../platform/strings.js';
import type { CardJson, Notice } from '../platform/teams/render.js';
import type { Measure } from './domain/measure.js';
import { extensionDeciders, ownerAad, type MeasureNotifier } from './domain/measure.service.js';
import { measureCard, ownerName } from './measure.card.js';
import { measureStringsFor, type MeasureStrings } from './measure.strings.js';

export interface MeasureNotifierDeps {
  readonly org: OrgDirectory;
  people: PersonRepository;
  audit: AuditRepository;
  clock: Clock;
  notify(message: OutboxMessage): Promise<boolean>;
}

/** The measure card as a given person should see it, in their language. */
export async function measureCardFor(
  deps: Pick<MeasureNotifierDeps, 'org' | 'people' | 'audit' | 'clock'>,
  measure: Measure,
  viewerAadObjectId: string,
  locale: string | null,
  notice?: (strings: MeasureStrings) => Notice | undefined,
): Promise<{ card: CardJson; strings: MeasureStrings; notice: Notice | undefined }> {
  const viewer = await deps.people.find(viewerAadObjectId);
  const strings = measureStringsFor(localeFrom(locale ?? viewer?.locale));
  const shown = notice?.(strings);
  const card = measureCard(strings, deps.org, {
    measure,
    history: await deps.audit.forObject('measure', measure.id),
    viewerAadObjectId,
    refreshUserIds: viewer?.teamsUserId ? [viewer.teamsUserId] : [],
    now: deps.clock.now(),
    notice: shown,
  });
  return { card, strings, notice: shown };
}

/** One due date of a control as a given person should see it, in their language. */
export async function controlCardFor(
  deps: Pick<MeasureNotifierDeps, 'org' | 'people'>,
  instance: ControlInstance,
  dueDate: string,
  result: ControlResult | undefined,
  viewerAadObjectId: string,
  locale: string | null,
  notice?: (strings: MeasureStrings) => Notice | undefined,
): Promise<CardJson> {
  const viewer = await deps.people.find(viewerAadObjectId);
  const strings = measureStringsFor(localeFrom(locale ?? viewer?.locale));
  return controlCard(strings, deps.org, {
    instance,
    dueDate,
    result,
    viewerAadObjectId,
    refreshUserIds: viewer?.teamsUserId ? [viewer.teamsUserId] : [],
    notice: notice?.(strings),
  });
}

/** Measure events as outbox messages, one per dedupe key. */
export function createMeasureNotifier(deps: MeasureNotifierDeps): MeasureNotifier {
  async function send(
    dedupeKey: string,
    measure: Measure,
    aad: string,
    summary: (s: MeasureStrings) => string,
    notice: (s: MeasureStrings) => Notice,
  ) {
    const { card, strings } = await measureCardFor(deps, measure, aad, null, notice);
    await deps.notify({
      dedupeKey,
      recipientAadObjectId: aad,
      tenantId: deps.org.organisation.tenantId,
      activity: {
        type: 'message',
        summary: summary(strings),
        attachments: [CardFactory.adaptiveCard(card)],
      },
    });
  }

  return {
    async assigned(measure) {
      const owner = ownerAad(measure, deps.org);
      // Whoever gives themselves a measure has its card already, as the form's answer.
      if (!owner || owner === measure.createdByAadObjectId.toLowerCase()) return;
      await send(
        `measure:${measure.id}:assigned:${owner}`,
        measure,
        owner,
        (s) => s.summaries.assigned(measure.title),
        (s) => ({ text: s.card.notice.assigned(measure.createdByName), style: 'emphasis' }),
      );
    },

    async extensionRequested(measure) {
      const at = measure.extension?.requestedAt.toISOString() ?? '';
      for (const aad of extensionDeciders(measure, deps.org)) {
        await send(
          `measure:${measure.id}:extension:${at}:${aad}`,
          measure,
          aad,
          (s) => s.summaries.extension(measure.title),
          (s) => ({
            text: s.card.notice.extensionRequested(ownerName(measure, deps.org)),
            style: 'warning',
          }),
        );
      }
    },

    async extensionDecided(measure, decision, requestedAt) {
      const owner = ownerAad(measure, deps.org);
      if (!owner) return;
      await send(
        `measure:${measure.id}:extension:${requestedAt.toISOString()}:decided:${owner}`,
        measure,
        owner,
        (s) => s.summaries.decided(measure.title),
        (s) =>
          decision === 'approved'
            ? { text: s.card.notice.extensionApproved(measure.dueDate), style: 'good' }
            : { text: s.card.notice.extensionRejected, style: 'attention' },
      );
    },

    async deviation(measure) {
      const owner = ownerAad(measure, deps.org);
      for (const coordinator of deps.org.sakerhetssamordnare()) {
        const aad = coordinator.aadObjectId.toLowerCase();
        if (aad === owner) continue;
        await send(
          `measure:${measure.id}:deviation:${aad}`,
          measure,
          aad,
          (s) => s.summaries.deviation(measure.title),
          (s) => ({
            text: s.card.notice.deviation(ownerName(measure, deps.org)),
            style: 'warning',
          }),
        );
      }
    },

    async done(measure) {
      const creator = measure.createdByAadObjectId.toLowerCase();
      if (creator === ownerAad(measure, deps.org)) return;
      await send(
        `measure:${measure.id}:done:${creator}`,
        measure,
        creator,
        (s) => s.summaries.done(measure.title),
        (s) => ({ text: s.card.notice.done(ownerName(measure, deps.org)), style: 'good' }),
      );
    },
  };
}
