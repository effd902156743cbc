/**
 * Builds the Teams app package (`npm run package`):
 *
 *   manifest/manifest.json (template) + manifest/en.json + icons
 *     -> placeholders filled from the environment
 *     -> validated offline against the schemas bundled with @microsoft/app-manifest
 *     -> manifest/build/appPackage.zip
 *
 * The template holds `${{TEAMS_APP_ID}}`, `${{BOT_ID}}` and `${{BOT_DOMAIN}}` placeholders;
 * ids and domains are never hard-coded.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, type AppManifest, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { loadPackagingConfig, type PackagingConfig } from '../src/platform/config.js';
import { fromRoot } from '../src/platform/paths.js';

/** Where the template, the localization files and the icons live. */
export const MANIFEST_DIR = fromRoot('manifest');
/** Where `npm run package` writes the zip (git-ignored). */
export const DEFAULT_OUT_DIR = fromRoot('manifest', 'build');
export const PACKAGE_FILE_NAME = 'appPackage.zip';
export const MANIFEST_FILE_NAME = 'manifest.json';

/** Required pixel sizes of the icons referenced by `icons.color` and `icons.outline`. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/** A fixed timestamp for the zip entries, so the same input gives the same zip. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(2024, 0, 1));

/** A packaging problem the user can fix; reported without a stack trace. */
export class PackagingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackagingError';
  }
}

type SchemaArgument = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The parts of the manifest this script reads; the schema guarantees them once validation passed. */
interface ManifestFields {
  readonly manifestVersion: string;
  readonly icons: { readonly color: string; readonly outline: string };
  readonly localizationInfo?: {
    readonly additionalLanguages?: readonly {
      readonly languageTag: string;
      readonly file: string;
    }[];
  };
}

export interface AppPackageResult {
  readonly zipPath: string;
  readonly manifest: TeamsManifest;
  readonly manifestVersion: string;
  /** Names of the files at the zip root, manifest first. */
  readonly files: readonly string[];
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Values for the `${{NAME}}` placeholders of the template. */
export function placeholderValues(settings: PackagingConfig): Readonly<Record<string, string>> {
  return {
    TEAMS_APP_ID: settings.teamsAppId,
    BOT_ID: settings.botAppId,
    BOT_DOMAIN: settings.botDomain,
  };
}

/**
 * Replaces `${{NAME}}` placeholders inside a JSON text. Values are JSON-string-escaped.
 * Throws a PackagingError naming any placeholder that has no value.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  fileName = MANIFEST_FILE_NAME,
): string {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new PackagingError(
      `${fileName} still contains placeholder(s) without a value: ${[...missing].map((n) => `\${{${n}}}`).join(', ')}`,
    );
  }
  return filled;
}

function parseJsonObject(text: string, fileName: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PackagingError(
      `${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PackagingError(`${fileName} must contain a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Fills the manifest template with the packaging settings and parses it. Does not validate
 * against the schema; see validateManifest.
 */
export function fillManifest(template: string, settings: PackagingConfig): TeamsManifest {
  const manifest = parseJsonObject(
    fillPlaceholders(template, placeholderValues(settings)),
    MANIFEST_FILE_NAME,
  );
  if (typeof manifest['manifestVersion'] !== 'string') {
    throw new PackagingError(`${MANIFEST_FILE_NAME} has no manifestVersion`);
  }
  // The shape is checked by validateManifest against the JSON schema of this version.
  return manifest as unknown as TeamsManifest;
}

/** Directory of the Teams JSON schemas bundled with @microsoft/app-manifest. */
export function bundledTeamsSchemaDir(): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(entry), 'json-schemas', 'teams');
}

/**
 * Reads a schema bundled with @microsoft/app-manifest. Passing the schema explicitly to
 * validateAgainstSchema keeps validation offline: without it the library resolves the
 * manifest's `$schema` URL and falls back to downloading it when no local copy matches.
 */
export async function loadBundledSchema(
  manifestVersion: string,
  kind: 'manifest' | 'localization',
): Promise<SchemaArgument> {
  const fileName =
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const file = path.join(bundledTeamsSchemaDir(), `v${manifestVersion}`, fileName);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PackagingError(
      `No bundled ${kind} schema for manifestVersion "${manifestVersion}" in @microsoft/app-manifest (looked for ${file})`,
    );
  }
  // Same clean-up the library applies to the schemas it loads itself.
  const cleaned = text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return repairSchemaPatterns(parseJsonObject(cleaned, file)) as unknown as SchemaArgument;
}

/**
 * Escapes `]` characters that do not close a character class (`a]b` -> `a\]b`). Legal in
 * plain JavaScript regular expressions, they are a syntax error with the `u` flag, which Ajv
 * uses.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesAsUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function repairPattern(pattern: string): string {
  if (compilesAsUnicode(pattern)) return pattern;
  const repaired = escapeLoneBrackets(pattern);
  return compilesAsUnicode(repaired) ? repaired : pattern;
}

/**
 * The bundled localization schemas (every version up to 1.30 and devPreview) contain
 * `patternProperties` such as `^activities.activityTypes\[\b(...)\b]\.description$` whose lone
 * `]` makes Ajv throw "Invalid regular expression ... Lone quantifier brackets" when compiling,
 * so AppManifestUtils.validateAgainstSchema cannot validate any localization file as shipped.
 * Rewrites such patterns to the equivalent escaped form; valid patterns are left untouched.
 */
export function repairSchemaPatterns<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => repairSchemaPatterns(item)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && typeof value === 'string') {
      result[key] = repairPattern(value);
    } else if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([pattern, sub]: [string, unknown]) => [
          repairPattern(pattern),
          repairSchemaPatterns(sub),
        ]),
      );
    } else {
      result[key] = repairSchemaPatterns(value);
    }
  }
  return result as T;
}

/** Validates a filled manifest against the bundled schema of its manifestVersion; [] means valid. */
export async function validateManifest(manifest: TeamsManifest): Promise<string[]> {
  const schema = await loadBundledSchema(manifest.manifestVersion, 'manifest');
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/** Validates a localization file against the bundled localization schema; [] means valid. */
export async function validateLocalization(
  localization: Record<string, unknown>,
  manifestVersion: string,
): Promise<string[]> {
  const schema = await loadBundledSchema(manifestVersion, 'localization');
  // validateAgainstSchema is a plain Ajv run of `schema` over the document; its parameter
  // type only names manifests.
  return AppManifestUtils.validateAgainstSchema(localization as unknown as AppManifest, schema);
}

/** Resolves a localization key such as `bots[0].commandLists[1].commands[2].title` in the manifest. */
function lookupManifestPath(manifest: unknown, key: string): unknown {
  let current: unknown = manifest;
  for (const part of key.split(/\.|(?=\[)/)) {
    if (current === null || typeof current !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) {
      current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    } else {
      current = (current as Record<string, unknown>)[part];
    }
  }
  return current;
}

/**
 * Localization keys (other than `$schema` and `localizationKeys`) must name strings that exist
 * in the manifest, or the translation silently never shows. Returns one problem per bad key.
 */
export function checkLocalizationKeys(
  manifest: TeamsManifest,
  localization: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof lookupManifestPath(manifest, key) !== 'string') {
      problems.push(`"${key}" does not name a text in the manifest`);
    }
  }
  return problems;
}

function manifestFields(manifest: TeamsManifest): ManifestFields {
  return manifest as unknown as ManifestFields;
}

/** Checks that a file name from the manifest stays a plain file at the zip root. */
function packageEntryName(name: string, property: string): string {
  if (path.basename(name) !== name || name === '.' || name === '..') {
    throw new PackagingError(`${property} must name a file next to manifest.json, got "${name}"`);
  }
  return name;
}

async function readSourceFile(sourceDir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path.join(sourceDir, name));
  } catch {
    throw new PackagingError(`Missing file ${path.join(sourceDir, name)}`);
  }
}

function checkIcon(name: string, data: Buffer, size: number): void {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    throw new PackagingError(
      `${name} is not a PNG: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (png.width !== size || png.height !== size) {
    throw new PackagingError(
      `${name} must be ${size}x${size} pixels, is ${png.width}x${png.height}`,
    );
  }
}

/**
 * Fills and validates the manifest, then writes `<outDir>/appPackage.zip` with manifest.json,
 * the localization files and the icons at the zip root. Throws PackagingError on any problem.
 */
export async function buildAppPackage(
  settings: PackagingConfig,
  outDir: string = DEFAULT_OUT_DIR,
  sourceDir: string = MANIFEST_DIR,
): Promise<AppPackageResult> {
  const template = (await readSourceFile(sourceDir, MANIFEST_FILE_NAME)).toString('utf8');
  const manifest = fillManifest(template, settings);
  const manifestErrors = await validateManifest(manifest);
  if (manifestErrors.length > 0) {
    throw new PackagingError(
      `${MANIFEST_FILE_NAME} does not match the v${manifest.manifestVersion} schema:\n  ${manifestErrors.join('\n  ')}`,
    );
  }
  const fields = manifestFields(manifest);
  const entries = new Map<string, Buffer>();
  entries.set(MANIFEST_FILE_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'));

  for (const language of fields.localizationInfo?.additionalLanguages ?? []) {
    const name = packageEntryName(language.file, `localization file for ${language.languageTag}`);
    const text = fillPlaceholders(
      (await readSourceFile(sourceDir, name)).toString('utf8'),
      placeholderValues(settings),
      name,
    );
    const localization = parseJsonObject(text, name);
    const problems = [
      ...(await validateLocalization(localization, fields.manifestVersion)),
      ...checkLocalizationKeys(manifest, localization),
    ];
    if (problems.length > 0) {
      throw new PackagingError(
        `${name} is not a valid localization file:\n  ${problems.join('\n  ')}`,
      );
    }
    entries.set(name, Buffer.from(text, 'utf8'));
  }

  for (const kind of ['color', 'outline'] as const) {
    const name = packageEntryName(fields.icons[kind], `icons.${kind}`);
    const data = await readSourceFile(sourceDir, name);
    checkIcon(name, data, ICON_SIZES[kind]);
    entries.set(name, data);
  }

  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, data, { date: ZIP_ENTRY_DATE });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, PACKAGE_FILE_NAME);
  await writeFile(zipPath, content);
  return { zipPath, manifest, manifestVersion: fields.manifestVersion, files: [...entries.keys()] };
}

async function main(): Promise<void> {
  try {
    const settings = loadPackagingConfig();
    const result = await buildAppPackage(settings);
    console.log(
      `Wrote ${path.relative(process.cwd(), result.zipPath)} (manifest v${result.manifestVersion}; ` +
        `app ${settings.teamsAppId}, bot ${settings.botAppId}, domain ${settings.botDomain}; ` +
        `files: ${result.files.join(', ')})`,
    );
  } catch (error) {
    // ConfigError and PackagingError carry a complete message; no stack trace for the user.
    console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await main();
