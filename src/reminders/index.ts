import type { Core } from '../composition.js';
import type { OrgDirectory } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import { reminderOverview } from './reminder.overview.js';
import { defineFeature } from '../platform/teams/feature.js';
import { handlerDeps } from '../unit-of-work.js';
import type { KnowledgeBase } from '../rules/index.js';
import { runDueReminders } from './domain/reminder.service.js';
import { reminderActions } from './reminder.actions.js';
import { reminderCommands } from './reminder.commands.js';
import { createReminderServices, type ReminderServices } from './reminder.services.js';

export { buildFollowUpReport } from './domain/follow-up-report.js';
export { listOccurrences } from './domain/reminder.service.js';
export { reportToCsv, reportToMarkdown } from './follow-up-report.export.js';
export { occurrenceTitle, reportLabels } from './reminder.notifier.js';
export { reminderStringsFor } from './reminder.strings.js';
export type { ReminderTables } from './reminder.table.js';

export type { AnnualGoal } from './domain/goal.js';
export type { ReminderRunResult } from './domain/reminder.service.js';
export { runDueReminders };
export { isValidCron } from './domain/cron.js';
export { parseWeekdays } from './domain/send-window.js';
export type { ReminderServices } from './reminder.services.js';

/** What the reminder handlers are given when the feature is built. */
export interface ReminderFeatureDeps {
  readonly reminders: ReminderServices;
  readonly org: OrgDirectory;
  readonly knowledgeBase: KnowledgeBase;
  readonly clock: Clock;
}

/** The reminders feature's services on a core, with the organisation file's goals seeded. */
export async function createReminderDeps(core: Core): Promise<ReminderServices> {
  const services = createReminderServices({
    db: core.db.kysely,
    transaction: core.transaction,
    config: core.config,
    org: () => core.register.current,
    people: core.people,
    audit: core.audit,
    clock: core.clock,
    knowledgeBase: core.knowledgeBase,
    notify: core.notify,
  });
  await services.goals.goals.seed(core.baseOrg.goals ?? [], core.clock.now());
  return services;
}

/** Annual goals, revisions, threat analyses and the yearly acknowledgement, from cron. */
export const reminders = defineFeature<Core, ReminderFeatureDeps>({
  name: 'reminders',
  commands: reminderCommands,
  cardActions: reminderActions,
  deps: async (core) =>
    handlerDeps(core, {
      reminders: await createReminderDeps(core),
      knowledgeBase: core.knowledgeBase,
    }),
  overview: (deps) => reminderOverview(deps.reminders),
  periodic: (deps, core) => [
    {
      name: 'reminders',
      cron: core.config.reminders.tickCron,
      timeZone: core.baseOrg.timezone,
      run: async () => {
        const result = await runDueReminders(deps.reminders.run);
        for (const { kind, late } of result.occurrences)
          core.metrics.remindersSent.inc({ kind, late: String(late) });
        return result;
      },
    },
  ],
});
