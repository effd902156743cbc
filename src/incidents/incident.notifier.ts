import type { AuditRepository } from '../org/index.js';
import { rolesOnIncident } from './domain/incident.access.js';
import type { Incident } from './domain/incident.js';
import type { IncidentNotifier, IncidentRepository } from './domain/incident.service.js';
import type { DeadlineReminder } from './domain/incident.clocks.js';
import type { OrgDirectory } from '../org/index.js';
import { formatLocal, localParts } from '../platform/calendar.js';
import { markdownFree, type Notice } from '../platform/teams/render.js';
import { incidentStringsFor } from './incident.strings.js';
import { localeFrom } from '../platform/strings.js';
import type { OutboxMessage } from '../outbox/index.js';
import type { KnownPerson, PersonRepository } from '../org/index.js';
import type { AuditEvent } from '../org/index.js';
import type { IncidentNote } from './domain/incident.js';
import { CardFactory } from 'botbuilder';
import { incidentCard } from './incident.card.js';

export interface IncidentNotifierDeps {
  org: OrgDirectory;
  incidents: IncidentRepository;
  people: PersonRepository;
  audit: AuditRepository;
  notify(message: OutboxMessage): Promise<boolean>;
}

/** What every card of one incident shows alike: read once for all its recipients. */
export interface IncidentRecord {
  notes: IncidentNote[];
  history: AuditEvent[];
}

async function recordOf(
  deps: Pick<IncidentNotifierDeps, 'incidents' | 'audit'>,
  incident: Incident,
): Promise<IncidentRecord> {
  return {
    notes: await deps.incidents.notes(incident.id),
    history: await deps.audit.forObject('incident', incident.id),
  };
}

/** Builds the card each person should see of an incident, for a proactive message. */
export async function incidentCardFor(
  deps: Pick<IncidentNotifierDeps, 'org' | 'incidents' | 'people' | 'audit'>,
  incident: Incident,
  viewerAadObjectId: string,
  locale: string | null,
  now: Date,
  notice?: Notice,
  known?: { viewer: KnownPerson | undefined; record: IncidentRecord },
) {
  const strings = incidentStringsFor(localeFrom(locale), deps.org.organisation.authorities);
  const viewer = known ? known.viewer : await deps.people.find(viewerAadObjectId);
  const { notes, history } = known?.record ?? (await recordOf(deps, incident));
  return incidentCard(strings, deps.org, {
    incident,
    notes,
    history,
    viewerAadObjectId,
    roles: rolesOnIncident(incident, viewerAadObjectId, deps.org, now),
    refreshUserIds: viewer?.teamsUserId ? [viewer.teamsUserId] : [],
    notice,
    now,
  });
}

const HOUR = 3_600_000;

/**
 * How long a routing card is retried through a Teams outage: until the first legal
 * deadline of the incident, or a day when no legal clock runs (the coordinators are
 * to know of every incident within the working day).
 */
export function routingDeadline(incident: Incident): Date {
  const pending = incident.reports
    .filter((r) => r.status === 'pending')
    .map((r) => r.dueAt.getTime());
  return new Date(
    pending.length > 0 ? Math.min(...pending) : incident.createdAt.getTime() + 24 * HOUR,
  );
}

/** A deadline reminder is retried until the deadline it is about; an overdue one for a day more. */
function reminderDeadline(reminder: DeadlineReminder): Date {
  const due = reminder.report.dueAt.getTime();
  return new Date(reminder.stage === 'overdue' ? due + 24 * HOUR : due);
}

/** Incident events as outbox messages; each dedupe key makes one message, however often the event is seen. */
export function createIncidentNotifier(deps: IncidentNotifierDeps): IncidentNotifier {
  const tenantId = deps.org.organisation.tenantId;
  const localeOf = async (aad: string) => (await deps.people.find(aad))?.locale ?? null;

  async function sendCard(
    dedupeKey: string,
    incident: Incident,
    record: IncidentRecord,
    aad: string,
    now: Date,
    deadline: OutboxMessage['deadline'],
    text?: (locale: string | null) => Notice,
  ) {
    const viewer = await deps.people.find(aad);
    const locale = viewer?.locale ?? null;
    const notice = text?.(locale);
    const card = await incidentCardFor(deps, incident, aad, locale, now, notice, {
      viewer,
      record,
    });
    const strings = incidentStringsFor(localeFrom(locale), deps.org.organisation.authorities);
    await deps.notify({
      dedupeKey,
      recipientAadObjectId: aad,
      tenantId,
      activity: {
        type: 'message',
        // The reminder, or the number: never the reporter's words on a lock screen.
        summary: notice?.text || strings.routedSummary(incident.number),
        attachments: [CardFactory.adaptiveCard(card)],
      },
      deadline,
      fallbackText: strings.tooLarge(incident.number, notice?.text),
    });
  }

  return {
    async routed(incident, recipients, now) {
      // The notes and the history are the same on every copy: read once, not per person.
      const record = await recordOf(deps, incident);
      for (const recipient of recipients) {
        const aad = recipient.person.aadObjectId;
        await sendCard(`incident:${incident.id}:routed:${aad}`, incident, record, aad, now, {
          at: routingDeadline(incident),
          purpose: 'incident-routing',
          subject: incident.number,
        });
      }
    },

    async statusChanged(incident) {
      const aad = incident.reporterAadObjectId;
      const strings = incidentStringsFor(
        localeFrom(await localeOf(aad)),
        deps.org.organisation.authorities,
      );
      await deps.notify({
        dedupeKey: `incident:${incident.id}:status:${incident.version}:${aad}`,
        recipientAadObjectId: aad,
        tenantId,
        activity: {
          type: 'message',
          text: strings.statusChanged(incident.number, strings.statuses[incident.status]),
        },
      });
    },

    async limitReached(reporter, limit, now) {
      const { date: day } = localParts(now, deps.org.organisation.timezone);
      for (const coordinator of deps.org.sakerhetssamordnare()) {
        const aad = coordinator.aadObjectId;
        const strings = incidentStringsFor(
          localeFrom(await localeOf(aad)),
          deps.org.organisation.authorities,
        );
        await deps.notify({
          dedupeKey: `limit:incident-reports:${reporter.aadObjectId}:${day}:${aad}`,
          recipientAadObjectId: aad,
          tenantId,
          activity: {
            type: 'message',
            text: strings.limitReached(markdownFree(reporter.name), limit.count),
          },
        });
      }
    },

    async deadline(incident, reminder) {
      const tz = deps.org.organisation.timezone;
      const record = await recordOf(deps, incident);
      for (const person of reminder.recipients) {
        const aad = person.aadObjectId;
        await sendCard(
          `incident:${incident.id}:deadline:${reminder.report.kind}:${reminder.stage}:${aad}`,
          incident,
          record,
          aad,
          reminder.at,
          {
            at: reminderDeadline(reminder),
            purpose: 'incident-deadline',
            subject: incident.number,
          },
          (locale) => {
            const strings = incidentStringsFor(
              localeFrom(locale),
              deps.org.organisation.authorities,
            );
            // A legal deadline near or passed: the attention style.
            const text = strings.reminder[reminder.stage](
              strings.reports[reminder.report.kind],
              incident.number,
              formatLocal(reminder.report.dueAt, tz),
            );
            return { text, style: 'attention' };
          },
        );
      }
    },
  };
}
