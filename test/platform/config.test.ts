import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

describe('configuration', () => {
  it('starts in local mode on SQLite with the example organisation when nothing is set', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(/data[/\\]bot\.db$/);
    expect(config.orgFile).toMatch(/config[/\\]org\.example\.yaml$/);
    expect(config.outbox).toMatchObject({ ratePerSecond: 40, perConversationPerSecond: 7 });
  });

  it('treats blank variables as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ MicrosoftAppId: '', PORT: ' ', DATABASE_URL: '' }).mode).toBe('local');
  });

  it('chooses the engine from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toEqual({
      kind: 'sqlite',
      file: ':memory:',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/bot' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/bot',
      poolSize: 10,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db:5432/bot', DATABASE_POOL_SIZE: '25' }).database,
    ).toMatchObject({ poolSize: 25 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ MicrosoftAppType: 'Whatever' }, 'MicrosoftAppType'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ OUTBOX_RATE_PER_SECOND: '-1' }, 'OUTBOX_RATE_PER_SECOND'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
  ])('fails fast naming the bad variable (%j)', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('compares tenants without regard to case, as Entra ID GUIDs come in either', () => {
    const config = loadConfig({
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'ABCDEF00-0000-0000-0000-00000000000A',
      ORG_FILE: 'config/org.example.yaml',
    });
    expect(config.bot.tenantId).toBe('abcdef00-0000-0000-0000-00000000000a');
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.outbox)).toBe(true);
  });
});
