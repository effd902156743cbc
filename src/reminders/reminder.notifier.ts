import { CardFactory } from 'botbuilder';
import { CATEGORIES } from '../incidents/index.js';
import type { OrgDirectory, Organisation } from '../org/index.js';
import type { AnnualGoal } from './domain/goal.js';
import { buildFollowUpReport, type ReportSources } from './domain/follow-up-report.js';
import type { ReportLabels } from './follow-up-report.export.js';
import { occurrenceDedupeKey, type ReminderOccurrence } from './domain/reminder.js';
import type { ReminderNotifier } from './domain/reminder.service.js';
import type { KnowledgeBase } from '../rules/index.js';
import { formatLocal } from '../platform/calendar.js';
import { approvalStringsFor } from '../approvals/index.js';
import { incidentStringsFor } from '../incidents/index.js';
import { reminderStringsFor, type ReminderStrings } from './reminder.strings.js';
import { localeFrom, type Locale } from '../platform/strings.js';
import type { OutboxMessage } from '../outbox/index.js';
import type { AuditRepository, PersonRepository } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import {
  controlCardFor,
  isOpen,
  measureCardFor,
  measureForEndedException,
  measureStringsFor,
  ownerName,
  type ControlResultRepository,
  type MeasureRepository,
} from '../measures/index.js';
import { controlInstanceById } from '../org/index.js';
import type { UnitOfWork } from '../platform/unit-of-work.js';
import type { CoreTransaction } from '../unit-of-work.js';
import {
  awarenessCard,
  exceptionEndingCard,
  followUpReportCard,
  goalFollowUpCard,
  planningCard,
  revisionCard,
  threatAnalysisCard,
} from './reminder.cards.js';
import type { CardJson, Notice } from '../platform/teams/render.js';

export interface ReminderNotifierDeps {
  org: () => OrgDirectory;
  /** Read when a measure's reminder goes out: it is sent only while the measure is open. */
  measures: Pick<MeasureRepository, 'get'>;
  /** Read when a control's reminder goes out: it is sent only while the due date is unanswered. */
  controls: Pick<ControlResultRepository, 'get'>;
  audit: AuditRepository;
  clock: Clock;
  people: PersonRepository;
  /** One transaction: an ended exception's measure, its audit event and its card commit together. */
  transaction: UnitOfWork<CoreTransaction>;
  knowledgeBase: KnowledgeBase;
  report: ReportSources;
  notify(message: OutboxMessage): Promise<boolean>;
}

/** Labels of incident categories and approval types, for the report card and the export. */
export function reportLabels(
  locale: Locale,
  authorities?: Organisation['authorities'],
): ReportLabels {
  const incidents = incidentStringsFor(locale, authorities);
  const approvals = approvalStringsFor(locale);
  const categories: Record<string, string> = incidents.categories;
  const types: Record<string, string> = approvals.types;
  return {
    category: (id) => categories[id] ?? id,
    approvalType: (id) => types[id] ?? id,
    reportKind: (id) => (incidents.reports as Record<string, string>)[id] ?? id,
    measureOrigin: (id) => (measureStringsFor(locale).origins as Record<string, string>)[id] ?? id,
  };
}

/** The title of an occurrence, as `påminnelser` and the CLI show it. */
export function occurrenceTitle(
  s: ReminderStrings,
  org: OrgDirectory,
  goals: ReadonlyMap<string, AnnualGoal>,
  o: ReminderOccurrence,
): string {
  const subject = o.subject;
  switch (subject.kind) {
    case 'goal':
      return s.titles.goal(
        goals.get(subject.goalId)?.title ?? subject.goalId,
        subject.checkpoint,
        subject.checkpointKind,
      );
    case 'planning':
      return s.titles.planning(subject.year);
    case 'revision':
      return s.titles.revision(
        org.documentById(subject.documentId)?.title ?? subject.documentId,
        subject.stage,
      );
    case 'threat-analysis':
      return s.titles.threatAnalysis(org.systemById(subject.systemId)?.name ?? subject.systemId);
    case 'awareness':
      return s.titles.awareness;
    case 'report':
      return s.titles.report(subject.year);
    case 'measure':
      return s.titles.measure(subject.title, subject.stage);
    case 'control':
      return s.titles.control(subject.title, subject.stage);
    case 'exception':
      return s.titles.exception(subject.title, subject.stage);
  }
}

/** Occurrences as outbox messages; the dedupe key is the occurrence key, so each is sent once. */
export function createReminderNotifier(deps: ReminderNotifierDeps): ReminderNotifier {
  // The yearly message is the same card for thousands of people: build it once per language.
  const awarenessCards = new Map<string, CardJson>();

  /** The goal register with each goal's latest follow-up, read for goal reminders only. */
  type GoalEntries = Awaited<ReturnType<ReminderNotifierDeps['report']['goals']['listWithStatus']>>;

  async function cardFor(
    o: ReminderOccurrence,
    s: ReminderStrings,
    locale: Locale,
    notice: Notice | undefined,
    goals: GoalEntries,
  ): Promise<CardJson | undefined> {
    const org = deps.org();
    const tz = org.organisation.timezone;
    const subject = o.subject;
    switch (subject.kind) {
      case 'goal': {
        const entry = goals.find((g) => g.goal.id === subject.goalId);
        if (!entry) return undefined;
        return goalFollowUpCard(s, org, tz, {
          goal: entry.goal,
          latest: entry.latest,
          checkpoint: subject.checkpoint,
          checkpointKind: subject.checkpointKind,
          notice,
        });
      }
      case 'planning':
        return planningCard(s, subject.year, notice?.text);
      case 'revision': {
        const doc = org.documentById(subject.documentId);
        return doc
          ? revisionCard(s, org, doc, subject.dueDate, subject.stage, notice?.text)
          : undefined;
      }
      case 'threat-analysis': {
        const system = org.systemById(subject.systemId);
        if (!system) return undefined;
        const last = await deps.report.threatReviews.latest(system.id);
        return threatAnalysisCard(s, system, o.localDate, last, tz, { open: true, notice });
      }
      case 'awareness': {
        const cacheKey = `${locale}|${o.localDate}|${notice?.text ?? ''}`;
        let card = awarenessCards.get(cacheKey);
        if (!card) {
          if (awarenessCards.size > 20) awarenessCards.clear();
          card = awarenessCard(s, deps.knowledgeBase, o.localDate, {
            open: true,
            notice,
          });
          awarenessCards.set(cacheKey, card);
        }
        return card;
      }
      case 'measure': {
        const measure = await deps.measures.get(subject.measureId);
        // Done, or given a new date, since the schedule was computed: nothing to remind of.
        if (!measure || !isOpen(measure) || measure.dueDate !== subject.dueDate) return undefined;
        const org = deps.org();
        const { card } = await measureCardFor(
          { org, people: deps.people, audit: deps.audit, clock: deps.clock },
          measure,
          o.recipient.aadObjectId,
          locale,
          (ms) => ({
            text: ms.card.notice.reminder[subject.stage](ownerName(measure, org), measure.dueDate),
            style: subject.stage === 'soon' ? 'warning' : 'attention',
          }),
        );
        return card;
      }
      case 'exception':
        // The ended stage is sent by `send` itself, in one transaction with its measure.
        return exceptionEndingCard(s, subject, notice?.text);
      case 'control': {
        const org = deps.org();
        const instance = controlInstanceById(org.organisation, subject.controlId);
        if (!instance || (await deps.controls.get(instance.id, subject.dueDate))) return undefined;
        const who = org.personById(instance.responsibleId)?.name ?? instance.responsibleId;
        return controlCardFor(
          { org, people: deps.people },
          instance,
          subject.dueDate,
          undefined,
          o.recipient.aadObjectId,
          locale,
          (ms) => ({
            text: ms.control.reminder[subject.stage](who, subject.dueDate),
            style: subject.stage === 'due' ? 'emphasis' : 'attention',
          }),
        );
      }
      case 'report': {
        const report = await buildFollowUpReport(deps.report, subject.year, CATEGORIES);
        return followUpReportCard(
          s,
          report,
          reportLabels(locale, org.organisation.authorities),
          tz,
        );
      }
    }
  }

  /** The day after its last day an exception becomes its owner's measure, sent as that. */
  async function exceptionEnded(
    o: ReminderOccurrence,
    subject: Extract<ReminderOccurrence['subject'], { kind: 'exception' }>,
    locale: Locale,
  ): Promise<void> {
    const s = reminderStringsFor(locale);
    const ownerId = deps.org().personByAadObjectId(o.recipient.aadObjectId)?.id;
    if (!ownerId) return;
    await deps.transaction(async (tx) => {
      const measure = await measureForEndedException(
        tx,
        deps.clock.now(),
        { ...subject, ownerId },
        { title: s.exception.measureTitle, description: s.exception.measureDescription },
      );
      const { card } = await measureCardFor(
        { org: tx.org, people: tx.people, audit: tx.audit, clock: deps.clock },
        measure,
        o.recipient.aadObjectId,
        locale,
        () => ({ text: s.exception.ended, style: 'attention' }),
      );
      await tx.notify({
        dedupeKey: occurrenceDedupeKey(o),
        recipientAadObjectId: o.recipient.aadObjectId,
        tenantId: tx.org.organisation.tenantId,
        activity: {
          type: 'message',
          summary: s.titles.exception(subject.title, 'ended'),
          attachments: [CardFactory.adaptiveCard(card)],
        },
      });
    });
  }

  return {
    async send(o, late) {
      const org = deps.org();
      const locale = localeFrom((await deps.people.find(o.recipient.aadObjectId))?.locale);
      if (o.subject.kind === 'exception' && o.subject.stage === 'ended')
        return exceptionEnded(o, o.subject, locale);
      const s = reminderStringsFor(locale);
      const notice: Notice | undefined = late
        ? { text: s.late(formatLocal(o.sendAt, org.organisation.timezone)), style: 'warning' }
        : undefined;
      // The goal's card and title for a goal reminder; the other kinds need no lookup.
      const goalEntries = o.subject.kind === 'goal' ? await deps.report.goals.listWithStatus() : [];
      const card = await cardFor(o, s, locale, notice, goalEntries);
      // The subject left the register since the schedule was computed: nothing to remind of.
      if (!card) return;
      const goals = new Map(goalEntries.map(({ goal }) => [goal.id, goal]));
      await deps.notify({
        dedupeKey: occurrenceDedupeKey(o),
        recipientAadObjectId: o.recipient.aadObjectId,
        tenantId: org.organisation.tenantId,
        activity: {
          type: 'message',
          summary: occurrenceTitle(s, org, goals, o),
          attachments: [CardFactory.adaptiveCard(card)],
        },
      });
    },
  };
}
