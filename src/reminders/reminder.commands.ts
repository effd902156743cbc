import type { ReminderFeatureDeps } from './index.js';
import { CardFactory } from 'botbuilder';
import { upcomingFor } from './domain/reminder.service.js';
import { awarenessShare } from './domain/reminder-answers.js';
import { formatLocal, localParts } from '../platform/calendar.js';
import { reminderStringsFor } from './reminder.strings.js';
import {
  awarenessStatusCard,
  followUpReportCard,
  goalListCard,
  reminderListCard,
} from './reminder.cards.js';
import type { CardJson } from '../platform/teams/render.js';
import type { HandlerContext } from '../platform/teams/handler-context.js';
import { occurrenceTitle, reportLabels } from './reminder.notifier.js';
import { buildFollowUpReport } from './domain/follow-up-report.js';
import { CATEGORIES } from '../incidents/index.js';
import type { Command } from '../platform/teams/command.js';

const UPCOMING_DAYS = 400;
const UPCOMING_LIMIT = 15;

async function sendCard(ctx: HandlerContext<ReminderFeatureDeps>, card: CardJson): Promise<void> {
  await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

/** `mål`: this year's goals with their latest status; comments for the kommunchef and coordinators. */
export const goalsCommand: Command<ReminderFeatureDeps> = {
  id: 'goals',
  names: ['mål', 'goals', 'årliga mål', 'annual goals'],
  async handle(ctx) {
    const s = reminderStringsFor(ctx.actor.locale);
    const { reminders, clock } = ctx.deps;
    const org = ctx.deps.org;
    const year = Number(localParts(clock.now(), org.organisation.timezone).date.slice(0, 4));
    const goals = await reminders.goals.goals.listWithStatus(year);
    const overseer = ctx.actor.roles.some((r) => r === 'kommunchef' || r === 'sakerhetssamordnare');
    await sendCard(ctx, goalListCard(s, org, year, goals, overseer));
  },
};

/** `påminnelser`: the reminders coming to this person. */
export const remindersCommand: Command<ReminderFeatureDeps> = {
  id: 'reminders',
  names: ['påminnelser', 'reminders', 'mina påminnelser', 'my reminders'],
  async handle(ctx) {
    const s = reminderStringsFor(ctx.actor.locale);
    const aad = ctx.actor.aadObjectId;
    if (!aad) {
      await ctx.turn.sendActivity(s.notInOrganisation);
      return;
    }
    const { reminders } = ctx.deps;
    const org = ctx.deps.org;
    const upcoming = await upcomingFor(reminders.run, aad, UPCOMING_DAYS);
    const goals = new Map(
      (await reminders.goals.goals.listWithStatus()).map(({ goal }) => [goal.id, goal]),
    );
    const items = upcoming.slice(0, UPCOMING_LIMIT).map((o) => ({
      title: occurrenceTitle(s, org, goals, o),
      subtitle: formatLocal(o.sendAt, org.organisation.timezone),
    }));
    await sendCard(ctx, reminderListCard(s, UPCOMING_DAYS, items));
  },
};

/** `kvittenser`: the share of staff who acknowledged the yearly rules message (coordinators, kommunchef). */
export const acknowledgementsCommand: Command<ReminderFeatureDeps> = {
  id: 'acknowledgements',
  names: ['kvittenser', 'acknowledgements', 'acknowledgments'],
  async handle(ctx) {
    const s = reminderStringsFor(ctx.actor.locale);
    const aad = ctx.actor.aadObjectId;
    const share = aad ? await awarenessShare(ctx.deps.reminders.answers, aad) : 'forbidden';
    if (share === 'forbidden') await ctx.turn.sendActivity(s.acknowledgements.forbidden);
    else if (share === 'none') await ctx.turn.sendActivity(s.acknowledgements.none);
    else await sendCard(ctx, awarenessStatusCard(s, share));
  },
};

/**
 * `årsrapport`: the annual follow-up report (policy 5) of this year so far, for the
 * säkerhetssamordnare and the kommunchef, whenever they want it (it also comes to the
 * kommunchef on its own on `REMINDER_REPORT_CRON`).
 */
export const annualReportCommand: Command<ReminderFeatureDeps> = {
  id: 'annual-report',
  names: ['årsrapport', 'annual report', 'årlig uppföljning', 'uppföljning'],
  async handle(ctx) {
    const s = reminderStringsFor(ctx.actor.locale);
    const roles = ctx.actor.roles;
    if (!roles.includes('sakerhetssamordnare') && !roles.includes('kommunchef')) {
      await ctx.turn.sendActivity(s.report.forbidden);
      return;
    }
    const org = ctx.deps.org.organisation;
    const year = Number(localParts(ctx.deps.clock.now(), org.timezone).date.slice(0, 4));
    const report = await buildFollowUpReport(ctx.deps.reminders.report, year, CATEGORIES);
    await sendCard(
      ctx,
      followUpReportCard(s, report, reportLabels(ctx.actor.locale, org.authorities), org.timezone),
    );
  },
};

export const reminderCommands: Command<ReminderFeatureDeps>[] = [
  goalsCommand,
  remindersCommand,
  acknowledgementsCommand,
  annualReportCommand,
];
