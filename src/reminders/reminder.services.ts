import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { AuditLog } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import type { GoalDeps } from './domain/goal.service.js';
import type { OrgDirectory } from '../org/index.js';
import { parseCron } from './domain/cron.js';
import type { ReportSources } from './domain/follow-up-report.js';
import type { AnswerDeps } from './domain/reminder-answers.js';
import type { ReminderSettings } from './domain/reminder.js';
import type { ReminderDeps } from './domain/reminder.service.js';
import type { KnowledgeBase } from '../rules/index.js';
import type { Database } from '../platform/db/database.js';
import { createGoalRepository } from './goal.repository.js';
import type { OutboxMessage } from '../outbox/index.js';
import type { PersonRepository } from '../org/index.js';
import {
  createAwarenessRepository,
  createOccurrenceRepository,
  createReportQueries,
  createStaffDirectory,
  createThreatReviewRepository,
} from './reminder.repository.js';
import { createReminderNotifier } from './reminder.notifier.js';

/** Everything the reminders feature needs, for the scheduler, the commands, the card actions and the CLI. */
export interface ReminderServices {
  run: ReminderDeps;
  goals: GoalDeps;
  answers: AnswerDeps;
  report: ReportSources;
  settings: ReminderSettings;
}

export function reminderSettings(config: Config['reminders'], timeZone: string): ReminderSettings {
  return {
    timeZone,
    schedules: {
      planning: parseCron(config.planningCron),
      threatAnalysis: parseCron(config.threatAnalysisCron),
      awareness: parseCron(config.awarenessCron),
      report: parseCron(config.reportCron),
    },
    dailyTime: config.dailyTime,
    sendWindow: { days: new Set(config.sendDays), start: config.sendStart, end: config.sendEnd },
    revisionDaysBefore: config.revisionDaysBefore,
    goalDaysBefore: config.goalDaysBefore,
    catchUpDays: config.catchUpDays,
  };
}

export interface ReminderServicesInput {
  db: Kysely<Database>;
  config: Config;
  /** Read at every use: the register changes when approvals conclude. */
  org: () => OrgDirectory;
  people: PersonRepository;
  audit: AuditLog;
  clock: Clock;
  knowledgeBase: KnowledgeBase;
  notify(message: OutboxMessage): Promise<boolean>;
}

export function createReminderServices(input: ReminderServicesInput): ReminderServices {
  const { db, org, clock, audit } = input;
  const settings = reminderSettings(input.config.reminders, org().organisation.timezone);
  const goals = createGoalRepository(db);
  const occurrences = createOccurrenceRepository(db);
  const threatReviews = createThreatReviewRepository(db);
  const awareness = createAwarenessRepository(db);
  const report: ReportSources = {
    org,
    goals,
    threatReviews,
    awareness,
    clock,
    ...createReportQueries(db),
  };
  const notifier = createReminderNotifier({
    org,
    people: input.people,
    knowledgeBase: input.knowledgeBase,
    report,
    notify: input.notify,
  });
  return {
    run: {
      org,
      goals,
      occurrences,
      staff: createStaffDirectory(db),
      notifier,
      settings,
      clock,
    },
    goals: { goals, org, audit, clock },
    answers: { org, occurrences, threatReviews, awareness, audit, clock },
    report,
    settings,
  };
}
