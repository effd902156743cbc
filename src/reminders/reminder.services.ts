import type { Config } from '../platform/config.js';
import type { AuditLog, AuditRepository } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import type { GoalDeps, GoalStore } from './domain/goal.service.js';
import type { OrgDirectory } from '../org/index.js';
import { parseCron } from './domain/cron.js';
import type { ReportSources } from './domain/follow-up-report.js';
import type { AnswerDeps, AnswerStore } from './domain/reminder-answers.js';
import type { ReminderSettings } from './domain/reminder.js';
import type { ReminderDeps } from './domain/reminder.service.js';
import type { KnowledgeBase } from '../rules/index.js';
import type { Executor } from '../platform/db/executor.js';
import type { UnitOfWork } from '../platform/unit-of-work.js';
import type { CoreTransaction } from '../unit-of-work.js';
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
import { createControlResultRepository, createMeasureRepository } from '../measures/index.js';
import { createExceptionSource } from '../approvals/index.js';

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
    measureDaysBefore: config.measureDaysBefore,
    measureEscalateDays: config.measureEscalateDays,
    catchUpDays: config.catchUpDays,
  };
}

export interface ReminderServicesInput {
  db: Executor;
  /** Opens one transaction of the core: an answer and its audit event commit together. */
  transaction: UnitOfWork<CoreTransaction>;
  config: Config;
  /** Read at every use: the register changes when approvals conclude. */
  org: () => OrgDirectory;
  people: PersonRepository;
  audit: AuditRepository;
  clock: Clock;
  knowledgeBase: KnowledgeBase;
  notify(message: OutboxMessage): Promise<boolean>;
}

const goalStore = (db: Executor, audit: AuditLog): GoalStore => ({
  goals: createGoalRepository(db),
  audit,
});

const answerStore = (db: Executor, audit: AuditLog): AnswerStore => ({
  occurrences: createOccurrenceRepository(db),
  threatReviews: createThreatReviewRepository(db),
  awareness: createAwarenessRepository(db),
  measures: createMeasureRepository(db),
  audit,
});

export function createReminderServices(input: ReminderServicesInput): ReminderServices {
  const { db, org, clock, audit, transaction } = input;
  const settings = reminderSettings(input.config.reminders, org().organisation.timezone);
  const { goals } = goalStore(db, audit);
  const {
    occurrences,
    threatReviews,
    awareness,
    measures: answerMeasures,
  } = answerStore(db, audit);
  const exceptions = createExceptionSource(db, org);
  const report: ReportSources = {
    org,
    exceptions,
    goals,
    threatReviews,
    awareness,
    clock,
    ...createReportQueries(db),
  };
  const measures = createMeasureRepository(db);
  const controls = createControlResultRepository(db);
  const notifier = createReminderNotifier({
    org,
    transaction,
    measures,
    controls,
    audit,
    clock,
    people: input.people,
    knowledgeBase: input.knowledgeBase,
    report,
    notify: input.notify,
  });
  return {
    run: {
      org,
      goals,
      measures,
      controls,
      exceptions,
      occurrences,
      staff: createStaffDirectory(db),
      notifier,
      settings,
      clock,
    },
    goals: {
      goals,
      org,
      audit,
      clock,
      unitOfWork: (work) => transaction((tx) => work(goalStore(tx.db, tx.audit))),
    },
    answers: {
      org,
      occurrences,
      threatReviews,
      awareness,
      measures: answerMeasures,
      audit,
      clock,
      unitOfWork: (work) => transaction((tx) => work(answerStore(tx.db, tx.audit))),
    },
    report,
    settings,
  };
}
