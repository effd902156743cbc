import type restify from 'restify';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Core } from '../composition.js';
import { fromRoot } from '../platform/paths.js';
import type { FeatureModule } from '../platform/teams/feature.js';
import { createLocalInbox } from './tab.inbox.js';
import { createTabRules } from './tab.rules.js';
import { LOCAL_CONNECTOR_PATH, registerTabRoutes } from './tab.routes.js';
import { checkTabToken, entraSigningKeys, type TokenPolicy } from './tab.token.js';

export { checkTabToken, issuersOf, type TokenCheck, type TokenPolicy } from './tab.token.js';
export { FRAME_ANCESTORS } from './tab.routes.js';

/** Where `npm run build` puts the page (vite.config.ts). */
export const defaultTabDirectory = () => fromRoot('dist', 'tab');

export interface TabOptions {
  server: restify.Server;
  core: Core;
  features: FeatureModule[];
  /** The page's folder; default dist/tab. */
  pageDirectory?: string;
  /** Replaces Entra ID's published keys (tests sign their own tokens). */
  signingKeys?: TokenPolicy['keys'];
  /** This server's own address, once it listens (the local inbox's connector). */
  url: () => string;
  process(
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  runTurn(context: TurnContext): Promise<void>;
}

/** The personal tab "Översikt": its page and API, on the bot's own server. */
export function registerTab(options: TabOptions): { pageBuilt: boolean; directory: string } {
  const { core } = options;
  const { config } = core;
  const tenantId = core.baseOrg.tenantId.toLowerCase();
  const keys = options.signingKeys ?? entraSigningKeys(tenantId);
  const policy: TokenPolicy | undefined = config.botDomain
    ? {
        tenantId,
        appId: config.bot.appId,
        appIdUri: `api://${config.botDomain}/${config.bot.appId}`,
        keys,
      }
    : undefined;
  if (config.mode === 'production' && !policy)
    core.log.warn(
      'BOT_DOMAIN is not set: the tab cannot check single sign-on and refuses every request',
    );
  const directory = options.pageDirectory ?? defaultTabDirectory();
  const { pageBuilt } = registerTabRoutes(options.server, {
    mode: config.mode,
    organisation: core.baseOrg.organisation,
    org: () => core.register.current,
    overview: options.features.flatMap((f) => f.overview ?? []),
    rules: createTabRules(core.knowledgeBase),
    checkToken: async (authorization) =>
      policy ? checkTabToken(authorization, policy) : { ok: false, reason: 'invalid' },
    inbox:
      config.mode === 'local'
        ? createLocalInbox({
            outbox: core.outbox,
            people: core.people,
            clock: core.clock,
            tenantId,
            timeZone: () => core.register.current.organisation.timezone,
            fallbackServiceUrl: () => `${options.url()}${LOCAL_CONNECTOR_PATH}/`,
            process: options.process,
            runTurn: options.runTurn,
          })
        : undefined,
    pageDirectory: directory,
    forceLocale: config.forceLocale,
    log: core.log,
  });
  return { pageBuilt, directory };
}
