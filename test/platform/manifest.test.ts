import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { features } from '../../src/composition.js';
import { createCommandMatcher } from '../../src/platform/teams/command-matcher.js';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConfigError,
  loadPackagingConfig,
  type PackagingConfig,
} from '../../src/platform/config.js';
import { fromRoot } from '../../src/platform/paths.js';
import {
  buildAppPackage,
  checkLocalizationKeys,
  escapeLoneBrackets,
  fillManifest,
  fillPlaceholders,
  PackagingError,
  validateLocalization,
  validateManifest,
} from '../../scripts/package-app.js';

const settings: PackagingConfig = {
  teamsAppId: '0b5e7a2c-3f41-4d8e-9a6b-1c2d3e4f5a6b',
  botAppId: '7d9c1e24-8b3a-4f56-a1b2-c3d4e5f60718',
  botDomain: 'it-sakerhet.sjovik.example.se',
};

const findCommand = createCommandMatcher(features.flatMap((feature) => feature.commands));

/** The commands of docs/contracts.md, first in the personal list. */
const SWEDISH_COMMANDS = [
  'hjälp',
  'incident',
  'mina incidenter',
  'begär godkännande',
  'godkännanden',
  'regler',
];
const ENGLISH_COMMANDS = [
  'help',
  'report incident',
  'my incidents',
  'request approval',
  'approvals',
  'rules',
];

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
interface BotEntry {
  botId: string;
  scopes: string[];
  commandLists?: CommandList[];
}
/** The manifest fields these tests look at. */
interface ManifestView {
  manifestVersion: string;
  id: string;
  validDomains?: string[];
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  localizationInfo?: {
    defaultLanguageTag: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  bots?: BotEntry[];
}

function view(manifest: unknown): ManifestView {
  return manifest as ManifestView;
}

async function readManifestFile(name: string): Promise<string> {
  return readFile(fromRoot('manifest', name), 'utf8');
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function readPng(data: Buffer): PNG {
  return PNG.sync.read(data);
}

describe('Teams manifest template', () => {
  it('contains placeholders instead of hard-coded ids and domains', async () => {
    const template = await readManifestFile('manifest.json');
    expect(template).not.toMatch(GUID);
    expect(template).toContain('${{TEAMS_APP_ID}}');
    expect(template).toContain('${{BOT_ID}}');
    expect(template).toContain('${{BOT_DOMAIN}}');
    expect(template).not.toContain(settings.botDomain);
  });

  it('validates offline against the bundled schema once filled', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network access in a test')));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const manifest = fillManifest(await readManifestFile('manifest.json'), settings);
      expect(manifest.manifestVersion).toBe('1.30');
      expect(await validateManifest(manifest)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fills the ids and the domain', async () => {
    const manifest = view(fillManifest(await readManifestFile('manifest.json'), settings));
    expect(manifest.id).toBe(settings.teamsAppId);
    expect(manifest.bots?.[0]?.botId).toBe(settings.botAppId);
    expect(manifest.validDomains).toContain(settings.botDomain);
    for (const url of [
      manifest.developer.websiteUrl,
      manifest.developer.privacyUrl,
      manifest.developer.termsOfUseUrl,
    ]) {
      expect(url.startsWith(`https://${settings.botDomain}/`)).toBe(true);
    }
    expect(manifest.developer.name).toBe('Sjövik kommun (exempel)');
  });

  it('offers the personal tab Översikt, served by the bot, with single sign-on for the bot’s app', async () => {
    const filled = fillManifest(await readManifestFile('manifest.json'), settings) as unknown as {
      staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
    };
    const tab = filled.staticTabs.find((t) => t.entityId === 'oversikt');
    expect(tab).toMatchObject({
      name: 'Översikt',
      contentUrl: `https://${settings.botDomain}/tab`,
      scopes: ['personal'],
    });
    // The chat stays the app's first tab.
    expect(filled.staticTabs[0]!.entityId).toBe('conversations');
    // The audience the tab's API checks (src/tab/index.ts): api://<BOT_DOMAIN>/<app id>.
    expect(filled.webApplicationInfo).toEqual({
      id: settings.botAppId,
      resource: `api://${settings.botDomain}/${settings.botAppId}`,
    });
    const localization = JSON.parse(await readManifestFile('en.json')) as Record<string, unknown>;
    expect(localization['staticTabs[1].name']).toBe('Overview');
  });

  it('offers the bot in personal, team and groupChat; team and group chats list only what is answered there', async () => {
    const manifest = view(fillManifest(await readManifestFile('manifest.json'), settings));
    const bot = manifest.bots?.[0];
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const lists = bot?.commandLists ?? [];
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      const titles = list.commands.map((command) => command.title);
      // Every title in the menu is a command the bot answers, by its Swedish name.
      for (const title of titles) expect(findCommand(title)?.names[0], title).toBe(title);
      if (list.scopes.includes('personal')) continue;
      // Shared chats: only commands answered there (help, rules), never one that shows
      // an incident, an approval, a goal or a person's reminders.
      expect(titles, list.scopes.join()).toEqual(['hjälp', 'regler']);
      for (const title of titles) expect(findCommand(title)?.shared, title).toBe(true);
    }
    const personalTitles = lists
      .find((l) => l.scopes.includes('personal'))
      ?.commands.map((c) => c.title);
    expect(personalTitles).toEqual([
      ...SWEDISH_COMMANDS,
      'mål',
      'påminnelser',
      'åtgärder',
      'ny åtgärd',
    ]);
    // Teams shows at most ten commands in a list.
    expect(personalTitles).toHaveLength(10);
    const personal = lists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands[0]?.description).toBe('Visa vad boten kan göra');
    expect(personal?.commands[1]?.description).toBe('Rapportera en IT-incident');
  });

  it('is Swedish by default with an English localization', async () => {
    const manifest = view(fillManifest(await readManifestFile('manifest.json'), settings));
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('sv-se');
    expect(manifest.localizationInfo?.additionalLanguages).toEqual([
      { languageTag: 'en', file: 'en.json' },
    ]);
  });

  it('refuses placeholders that have no value', () => {
    expect(() =>
      fillPlaceholders('{"id": "${{TEAMS_APP_ID}}", "x": "${{UNKNOWN}}"}', { TEAMS_APP_ID: 'a' }),
    ).toThrow(/UNKNOWN/);
    expect(() =>
      fillManifest('{"manifestVersion": "1.30", "id": "${{TEAMS_APP_ID}}"}', {
        ...settings,
        teamsAppId: '',
      }),
    ).toThrow(PackagingError);
  });

  it('reports schema errors for a broken manifest', async () => {
    const manifest = fillManifest(await readManifestFile('manifest.json'), {
      ...settings,
      botAppId: 'not-a-guid',
    });
    const errors = await validateManifest(manifest);
    expect(errors.some((error) => error.includes('/bots/0/botId'))).toBe(true);
  });
});

describe('English localization (en.json)', () => {
  it('validates against the bundled localization schema', async () => {
    const localization = JSON.parse(await readManifestFile('en.json')) as Record<string, unknown>;
    expect(await validateLocalization(localization, '1.30')).toEqual([]);
    // The validation is real: unknown keys are rejected.
    expect(
      await validateLocalization({ ...localization, 'name.nickname': 'x' }, '1.30'),
    ).not.toEqual([]);
  });

  it('translates the names, descriptions and every command title and description', async () => {
    const manifest = view(fillManifest(await readManifestFile('manifest.json'), settings));
    const localization = JSON.parse(await readManifestFile('en.json')) as Record<string, unknown>;
    expect(
      checkLocalizationKeys(
        fillManifest(await readManifestFile('manifest.json'), settings),
        localization,
      ),
    ).toEqual([]);
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(typeof localization[key]).toBe('string');
    }
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    lists.forEach((list, i) => {
      const titles = list.commands.map(
        (_, j) => localization[`bots[0].commandLists[${i}].commands[${j}].title`],
      );
      expect(titles.slice(0, ENGLISH_COMMANDS.length)).toEqual(
        list.scopes.includes('personal') ? ENGLISH_COMMANDS : ['help', 'rules'],
      );
      // The English title reaches the same command as the Swedish one.
      list.commands.forEach((command, j) => {
        expect(findCommand(String(titles[j]))).toBe(findCommand(command.title));
      });
      list.commands.forEach((_, j) => {
        expect(typeof localization[`bots[0].commandLists[${i}].commands[${j}].description`]).toBe(
          'string',
        );
      });
    });
  });

  it('repairs the lone brackets that make the shipped localization schema uncompilable', () => {
    const pattern = '^activities.activityTypes\\[\\b([0-9]|1[01][0-9])\\b]\\.description$';
    expect(() => new RegExp(pattern, 'u')).toThrow();
    const repaired = escapeLoneBrackets(pattern);
    expect(repaired).toBe('^activities.activityTypes\\[\\b([0-9]|1[01][0-9])\\b\\]\\.description$');
    expect(new RegExp(repaired, 'u').test('activities.activityTypes[105].description')).toBe(true);
  });
});

describe('icons', () => {
  it('has a 192x192 colour icon', async () => {
    const png = readPng(await readFile(fromRoot('manifest', 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('has a 32x32 outline icon that is white on transparent', async () => {
    const png = readPng(await readFile(fromRoot('manifest', 'outline.png')));
    expect([png.width, png.height]).toEqual([32, 32]);
    let opaque = 0;
    let transparent = 0;
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const [r, g, b, a] = [
        png.data[offset],
        png.data[offset + 1],
        png.data[offset + 2],
        png.data[offset + 3],
      ];
      if (a === 0) {
        transparent++;
        continue;
      }
      expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(100);
    // The corners are background.
    expect(transparent).toBeGreaterThan(100);
    expect(png.data[3]).toBe(0);
  });
});

describe('app package', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'app-package-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes a zip with the filled manifest, en.json and the icons at the root', async () => {
    const result = await buildAppPackage(settings, outDir);
    expect(result.zipPath).toBe(path.join(outDir, 'appPackage.zip'));

    const zip = await JSZip.loadAsync(await readFile(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'en.json',
      'manifest.json',
      'outline.png',
    ]);

    const manifestText = await zip.file('manifest.json')?.async('string');
    expect(manifestText).toBeDefined();
    expect(manifestText).not.toContain('${{');
    const manifest = view(JSON.parse(manifestText ?? '{}'));
    expect(manifest.id).toBe(settings.teamsAppId);
    expect(manifest.bots?.[0]?.botId).toBe(settings.botAppId);
    expect(manifest.validDomains).toContain(settings.botDomain);

    const outline = await zip.file('outline.png')?.async('nodebuffer');
    expect(outline && readPng(outline).width).toBe(32);
    const color = await zip.file('color.png')?.async('nodebuffer');
    expect(color && readPng(color).width).toBe(192);
    const english = JSON.parse((await zip.file('en.json')?.async('string')) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(english['name.short']).toBe('IT Security');
  });
});

describe('packaging configuration', () => {
  it('names BOT_DOMAIN when it is missing', () => {
    const error = thrownBy(() => loadPackagingConfig({ MicrosoftAppId: settings.botAppId }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      variable: 'BOT_DOMAIN',
      message: expect.stringContaining('BOT_DOMAIN'),
    });
  });

  it('uses the bot id as Teams app id when TEAMS_APP_ID is not set', () => {
    const config = loadPackagingConfig({
      MicrosoftAppId: settings.botAppId,
      BOT_DOMAIN: settings.botDomain,
    });
    expect(config).toEqual({
      teamsAppId: settings.botAppId,
      botAppId: settings.botAppId,
      botDomain: settings.botDomain,
    });
  });
});
