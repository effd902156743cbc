import type { TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import type { ApprovalDeps } from '../../approvals/domain/approval.service.js';
import type { IncidentDeps } from '../../incidents/domain/incident.service.js';
import type { RulesDeps } from '../../rules/domain/rules-question.service.js';
import type { ReminderServices } from '../../reminders/reminder.services.js';
import type { AuditRepository } from '../../org/audit.repository.js';
import type { Clock } from '../clock.js';
import type { OrgDirectory } from '../../org/domain/org.directory.js';
import type { Person, RoleName } from '../../org/domain/org.js';
import type { Locale, Strings } from '../strings.js';
import type { Logger } from '../log.js';
import type { OutboxMessage } from '../../outbox/outbox.repository.js';
import type { PersonRepository } from '../../org/person.repository.js';

/** What handlers may use; passed in, never reached for. */
export interface Services {
  config: Config;
  org: OrgDirectory;
  people: PersonRepository;
  audit: AuditRepository;
  /** What the incident service needs (repository, notifier, clock...). */
  incidents: IncidentDeps;
  approvals: ApprovalDeps;
  /** The Användare rules, their search and the questions asked (rules Q&A). */
  rules: RulesDeps;
  /** Goal register, reminder occurrences and the answers to reminder cards. */
  reminders: ReminderServices;
  clock: Clock;
  log: Logger;
  /** Queues a proactive message; returns false when its dedupe key was already queued. */
  notify(message: OutboxMessage): Promise<boolean>;
}

/** The person behind the activity, as the server knows them (never from card data). */
export interface Actor {
  aadObjectId: string | undefined;
  tenantId: string | undefined;
  name: string;
  /** Set when the person is listed in the organisation file. */
  person: Person | undefined;
  roles: RoleName[];
  locale: Locale;
  strings: Strings;
}

export interface HandlerContext {
  turn: TurnContext;
  actor: Actor;
  services: Services;
}
