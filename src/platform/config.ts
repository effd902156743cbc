import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { validate as nodeCronAccepts } from 'node-cron';
import { isValidCron } from '../reminders/index.js';
import { parseWeekdays } from '../reminders/index.js';
import { fromRoot } from './paths.js';

/**
 * The only reader of process.env. Validated once at start, frozen, and every
 * problem names the variable.
 */

export type Mode = 'local' | 'production';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  /** `poolSize`: connections this instance may hold open (DATABASE_POOL_SIZE, default 10). */
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface Config {
  readonly mode: Mode;
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly orgFile: string;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
  };
  /** Answer everyone in this language whatever Teams says (the playground always says en-US). */
  readonly forceLocale: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Bearer token that `/metrics` asks for; without one, `/metrics` is served only in
   * local mode (bound to 127.0.0.1) and answers 404 in production mode.
   */
  readonly metricsToken: string | undefined;
  /**
   * The public host name (BOT_DOMAIN). In production the tab's single sign-on tokens
   * must be for `api://<botDomain>/<app id>`; without it the tab's API refuses them.
   */
  readonly botDomain: string | undefined;
  readonly outbox: {
    readonly ratePerSecond: number;
    readonly perConversationPerSecond: number;
    readonly maxAttempts: number;
    readonly pollIntervalMs: number;
    readonly callTimeoutMs: number;
    readonly concurrency: number;
    /** How often failed messages are looked at again, and undelivered ones reported. */
    readonly recoveryCheckSeconds: number;
  };
  /** How often running authority-report clocks are checked for reminders. */
  readonly incidentDeadlineCheckSeconds: number;
  readonly approvals: {
    readonly reminderWorkingDays: number;
    readonly escalationWorkingDays: number;
    readonly checkSeconds: number;
  };
  /** Cron expressions are evaluated in the organisation's time zone. */
  readonly reminders: {
    /** When node-cron ticks (the same 5-field dialect), or 'off' (only `reminders run` sends). */
    readonly tickCron: string;
    readonly planningCron: string;
    readonly threatAnalysisCron: string;
    readonly awarenessCron: string;
    readonly reportCron: string;
    /** HH:mm on the due day for date-based reminders (goals, revisions). */
    readonly dailyTime: string;
    /** ISO weekdays (1 = Monday) and HH:mm hours when reminders may go out. */
    readonly sendDays: readonly number[];
    readonly sendStart: string;
    readonly sendEnd: string;
    readonly revisionDaysBefore: number;
    readonly goalDaysBefore: number;
    readonly measureDaysBefore: number;
    readonly measureEscalateDays: number;
    readonly catchUpDays: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const positiveNumber = (max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().positive().max(max).default(fallback));

/**
 * Every cron setting is one dialect: the 5-field expressions croner (which lists
 * the occurrences) and node-cron (which ticks) both accept and read alike.
 */
const isCronSetting = (v: string) => isValidCron(v) && nodeCronAccepts(v);
const CRON_HINT =
  'must be a cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. "0 8 1 9 *"';
const cron = (fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().refine(isCronSetting, CRON_HINT).default(fallback),
  );
const clockTime = (fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:mm')
      .default(fallback),
  );

const hostName = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name without scheme or path')
    .optional(),
);

const envSchema = z.object({
  BOT_DOMAIN: hostName,
  PORT: intInRange(0, 65535, 3978),
  DATABASE_URL: optionalString,
  DATABASE_POOL_SIZE: intInRange(1, 100, 10),
  ORG_FILE: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  MicrosoftAppTenantId: optionalString,
  FORCE_LOCALE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'must be a language tag like sv-SE')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  METRICS_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 visible ASCII characters, no spaces')
      .optional(),
  ),
  OUTBOX_RATE_PER_SECOND: positiveNumber(1000, 40),
  OUTBOX_PER_CONVERSATION_PER_SECOND: positiveNumber(100, 7),
  OUTBOX_MAX_ATTEMPTS: intInRange(1, 100, 8),
  OUTBOX_POLL_INTERVAL_MS: intInRange(10, 60_000, 500),
  OUTBOX_CALL_TIMEOUT_MS: intInRange(100, 300_000, 15_000),
  OUTBOX_CONCURRENCY: intInRange(1, 100, 8),
  OUTBOX_RECOVERY_CHECK_SECONDS: intInRange(5, 86_400, 60),
  INCIDENT_DEADLINE_CHECK_SECONDS: intInRange(1, 86_400, 60),
  APPROVAL_REMINDER_WORKING_DAYS: intInRange(1, 60, 3),
  APPROVAL_ESCALATION_WORKING_DAYS: intInRange(1, 120, 10),
  APPROVAL_CHECK_SECONDS: intInRange(1, 86_400, 300),
  REMINDER_TICK_CRON: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => v === 'off' || isCronSetting(v), `${CRON_HINT}, or off`)
      .default('* * * * *'),
  ),
  REMINDER_PLANNING_CRON: cron('0 8 1 9 *'),
  REMINDER_THREAT_ANALYSIS_CRON: cron('0 8 1 3,9 *'),
  REMINDER_AWARENESS_CRON: cron('0 9 1 2 *'),
  REMINDER_REPORT_CRON: cron('0 8 1 12 *'),
  REMINDER_DAILY_TIME: clockTime('08:00'),
  REMINDER_SEND_DAYS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('1-5')
      .transform((v, ctx) => {
        const days = parseWeekdays(v);
        if (!days) {
          ctx.addIssue({ code: 'custom', message: 'must be weekdays 1-7 (1 = Monday), e.g. 1-5' });
          return z.NEVER;
        }
        return [...days].sort((a, b) => a - b);
      }),
  ),
  REMINDER_SEND_HOURS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .default('08:00-17:00')
      .refine((v) => {
        const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(v);
        return m !== null && validTime(m[1]!) && validTime(m[2]!) && m[1]! < m[2]!;
      }, 'must be HH:mm-HH:mm with the start before the end, e.g. 08:00-17:00'),
  ),
  REMINDER_REVISION_DAYS_BEFORE: intInRange(1, 365, 30),
  REMINDER_GOAL_DAYS_BEFORE: intInRange(0, 90, 7),
  REMINDER_MEASURE_DAYS_BEFORE: intInRange(0, 90, 7),
  REMINDER_MEASURE_ESCALATE_DAYS: intInRange(1, 90, 7),
  REMINDER_CATCH_UP_DAYS: intInRange(0, 400, 7),
});

function validTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

export type Environment = Record<string, string | undefined>;

export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: fromRoot('data', 'bot.db') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '')
      throw new ConfigError('DATABASE_URL', 'names no SQLite file (use sqlite:<path>)');
    return { kind: 'sqlite', file: file === ':memory:' ? ':memory:' : path.resolve(file) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    if (!URL.canParse(url))
      throw new ConfigError(
        'DATABASE_URL',
        'is not a valid URL; write postgres://<role>:<password>@<host>:<port>/<database>',
      );
    return { kind: 'postgres', url };
  }
  throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
}

function withPoolSize(database: DatabaseConfig, poolSize: number): DatabaseConfig {
  return database.kind === 'postgres' ? { ...database, poolSize } : database;
}

export function loadConfig(env: Environment): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, `is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  const mode: Mode = e.MicrosoftAppId ? 'production' : 'local';
  if (mode === 'production') {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'ORG_FILE'] as const) {
      if (!e[name])
        throw new ConfigError(name, 'must be set when MicrosoftAppId is set (production mode)');
    }
  }
  const config: Config = {
    mode,
    port: e.PORT,
    host: mode === 'local' ? '127.0.0.1' : '0.0.0.0',
    database: withPoolSize(parseDatabaseUrl(e.DATABASE_URL), e.DATABASE_POOL_SIZE),
    orgFile: e.ORG_FILE ? path.resolve(e.ORG_FILE) : fromRoot('config', 'org.example.yaml'),
    bot: {
      appId: e.MicrosoftAppId ?? '',
      appPassword: e.MicrosoftAppPassword ?? '',
      appType: e.MicrosoftAppType,
      tenantId: (e.MicrosoftAppTenantId ?? '').toLowerCase(),
    },
    forceLocale: e.FORCE_LOCALE,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    botDomain: e.BOT_DOMAIN?.toLowerCase(),
    outbox: {
      ratePerSecond: e.OUTBOX_RATE_PER_SECOND,
      perConversationPerSecond: e.OUTBOX_PER_CONVERSATION_PER_SECOND,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      pollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
      callTimeoutMs: e.OUTBOX_CALL_TIMEOUT_MS,
      concurrency: e.OUTBOX_CONCURRENCY,
      recoveryCheckSeconds: e.OUTBOX_RECOVERY_CHECK_SECONDS,
    },
    incidentDeadlineCheckSeconds: e.INCIDENT_DEADLINE_CHECK_SECONDS,
    approvals: {
      reminderWorkingDays: e.APPROVAL_REMINDER_WORKING_DAYS,
      escalationWorkingDays: e.APPROVAL_ESCALATION_WORKING_DAYS,
      checkSeconds: e.APPROVAL_CHECK_SECONDS,
    },
    reminders: {
      tickCron: e.REMINDER_TICK_CRON,
      planningCron: e.REMINDER_PLANNING_CRON,
      threatAnalysisCron: e.REMINDER_THREAT_ANALYSIS_CRON,
      awarenessCron: e.REMINDER_AWARENESS_CRON,
      reportCron: e.REMINDER_REPORT_CRON,
      dailyTime: e.REMINDER_DAILY_TIME,
      sendDays: e.REMINDER_SEND_DAYS,
      sendStart: e.REMINDER_SEND_HOURS.slice(0, 5),
      sendEnd: e.REMINDER_SEND_HOURS.slice(6),
      revisionDaysBefore: e.REMINDER_REVISION_DAYS_BEFORE,
      goalDaysBefore: e.REMINDER_GOAL_DAYS_BEFORE,
      measureDaysBefore: e.REMINDER_MEASURE_DAYS_BEFORE,
      measureEscalateDays: e.REMINDER_MEASURE_ESCALATE_DAYS,
      catchUpDays: e.REMINDER_CATCH_UP_DAYS,
    },
  };
  return deepFreeze(config);
}

/** Reads `.env` (if present) into the environment, then validates it. */
export function loadConfigFromEnvironment(): Config {
  loadDotenv({ path: fromRoot('.env'), quiet: true });
  return loadConfig(process.env);
}

/** Settings used only to build the Teams app package. */
export interface PackagingConfig {
  readonly teamsAppId: string;
  readonly botAppId: string;
  readonly botDomain: string;
}

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID');

export function loadPackagingConfig(env: Environment = process.env): PackagingConfig {
  loadDotenv({ path: fromRoot('.env'), quiet: true });
  const schema = z.object({
    TEAMS_APP_ID: z.preprocess(blankToUndefined, guid.optional()),
    MicrosoftAppId: z.preprocess(blankToUndefined, guid.optional()),
    BOT_DOMAIN: hostName,
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), `is invalid: ${issue?.message}`);
  }
  const e = parsed.data;
  if (!e.MicrosoftAppId)
    throw new ConfigError('MicrosoftAppId', 'must be set to package the Teams app');
  if (!e.BOT_DOMAIN) throw new ConfigError('BOT_DOMAIN', 'must be set to package the Teams app');
  return Object.freeze({
    teamsAppId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    botAppId: e.MicrosoftAppId,
    botDomain: e.BOT_DOMAIN,
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(value);
}
