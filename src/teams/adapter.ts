import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  ConnectorFactory,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import type { Config } from '../config.js';

/** Options for ConfigurationBotFrameworkAuthentication from our validated config. */
export function authenticationOptions(config: Config): Record<string, string> {
  if (config.mode === 'local') return {};
  return {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
}

export function createAuthentication(config: Config): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(authenticationOptions(config));
}

interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * The connector client retries 429 and 5xx on its own (three times, blocking).
 * The outbox owns retries so each attempt is counted, persisted and spaced; this
 * factory hands out clients without the built-in retry phase.
 */
class SingleAttemptConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    (client as unknown as WithPipeline).client?.pipeline?.removePolicy({ phase: 'Retry' });
    return client;
  }
}

class SingleAttemptAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SingleAttemptConnectorFactory(super.createConnectorFactory(claimsIdentity));
  }
}

/** The adapter that answers incoming activities. */
export function createTurnAdapter(authentication: BotFrameworkAuthentication): CloudAdapter {
  return new CloudAdapter(authentication);
}

/** The adapter the outbox sends through: one HTTP attempt per delivery attempt. */
export function createOutboxAdapter(config: Config): CloudAdapter {
  return new CloudAdapter(new SingleAttemptAuthentication(authenticationOptions(config)));
}
