import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fromRoot } from '../src/platform/paths.js';

/**
 * `npm run playground:walk`: the walk-through of docs/playground.md, done by a browser.
 * For each role it starts `npm run playground -- --as <person>` on one throwaway database,
 * opens Microsoft 365 Agents Playground in Debian's Chromium (playwright-core), types the
 * commands and presses the buttons a person in that role would, and checks after every
 * step that the expected answer came and that no error banner shows: neither the
 * playground's ("Something went wrong", "Unable to reach app", "Adaptive Card parse
 * error", ...) nor the bot's own ("Knappen kunde inte hanteras", "Något gick fel").
 *
 * It prints one line per step and exits 1 if any step failed. It is not part of
 * `npm test`: one walk takes about a minute. CHROMIUM_PATH overrides /usr/bin/chromium.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLAYGROUND_URL = 'http://localhost:56150';
const STEP_TIMEOUT_MS = 15_000;

/** The playground's notes on what it cannot show; printed, not failures. */
const LIMITATION_TEXTS = ['User specific view is not supported yet'];

const ERROR_TEXTS = [
  "Something went wrong. This action can't be handled.",
  'Unable to reach app. Please try again.',
  'Adaptive Card parse error',
  'Adaptive Card render error',
  'Click action failed',
  'Activity request failed',
  'Knappen kunde inte hanteras',
  'Något gick fel',
];

type Step =
  | { say: string; expect: string }
  /**
   * In the tab's inbox view (local mode), as `inbox`: the card that shows `near` (or
   * `expect`), and its button `press` if given; then `expect` shows on that message.
   */
  | { inbox: string; near?: string; press?: string; expect: string }
  | {
      press: string;
      /** The button next to this text (as "Visa" on a list's row). */
      near?: string;
      expect: string;
      /** Text fields by label. */
      fill?: Record<string, string>;
      /** Compact choice sets (a combobox in the playground) by label: the option's title. */
      select?: Record<string, string>;
      /** Expanded choice sets (radio buttons) by label: the option's title. */
      choose?: Record<string, string>;
    };

/** What each role does, in the order of docs/playground.md; later roles see earlier effects. */
const walks: { person: string; steps: Step[] }[] = [
  {
    person: 'anna',
    steps: [
      { say: 'hjälp', expect: 'Hej Anna Andersson!' },
      { press: 'Rapportera incident', expect: 'Rapportera en IT-incident' },
      {
        press: 'Skicka rapporten',
        fill: {
          'Vad har hänt? (kort rubrik)': 'Klickade på länk i mejl',
          'När upptäcktes det? (datum)': today(),
          Beskrivning: 'Mejlet såg ut att komma från IT.\nJag skrev in mitt lösenord.',
        },
        select: { 'Typ av incident': 'Nätfiske (phishing)', 'Berört system': 'Vet ej' },
        choose: { 'Kan personuppgifter vara berörda?': 'Ja', 'Hur allvarligt ser det ut?': 'Hög' },
        expect: 'Tack! Din rapport har nummer INC-',
      },
      { say: 'mina incidenter', expect: 'Klickade på länk i mejl' },
      { say: 'får jag använda usb-minne?', expect: 'SK-04' },
      { press: 'Ja', expect: 'Bra att svaret hjälpte' },
      { say: 'regler', expect: 'IT-säkerhetsinstruktion Användare' },
      { press: 'Distansarbete', expect: 'DA-01' },
      { say: 'begär godkännande', expect: 'Begär godkännande' },
      {
        press: 'Skicka begäran',
        fill: { Rubrik: 'Driftgodkännande efter uppgradering', Motivering: 'Testerna är klara.' },
        select: {
          'Typ av godkännande': 'Driftgodkännande',
          'Gäller (system, dokument eller år)': 'System: Ekonomisystemet',
        },
        expect: 'Driftgodkännande efter uppgradering',
      },
      { say: 'påminnelser', expect: 'Dina kommande påminnelser' },
      // What the others received, in the tab's inbox view: the playground shows only Anna.
      { inbox: 'lars', near: 'Klickade på länk i mejl', expect: 'Ta ärendet' },
      { inbox: 'olof', near: 'Driftgodkännande efter uppgradering', expect: 'Godkänn' },
    ],
  },
  {
    person: 'lars',
    steps: [
      { say: 'hjälp', expect: 'Hej Lars Berg!' },
      { say: 'mina incidenter', expect: 'Klickade på länk i mejl' },
      { press: 'Visa', near: 'Klickade på länk i mejl', expect: 'Ta ärendet' },
      { press: 'Ta ärendet', expect: 'Handläggare: Lars Berg' },
      { say: 'kvittenser', expect: 'Den årliga genomgången av reglerna har inte skickats än.' },
      { say: 'utkorg', expect: 'Utkorgen' },
      { say: 'mål', expect: 'Årliga mål' },
    ],
  },
  {
    person: 'olof',
    steps: [
      { say: 'godkännanden', expect: 'Driftgodkännande efter uppgradering' },
      { press: 'Visa', near: 'Driftgodkännande efter uppgradering', expect: 'Motivering' },
      { press: 'Godkänn', expect: 'Godkänt av Olof Strand' },
      // Anna's inbox in the tab: the answer to her request reached her.
      { inbox: 'anna', near: 'är godkänd', expect: 'Driftgodkännande efter uppgradering' },
    ],
  },
  {
    person: 'karin',
    steps: [
      { say: 'godkännanden', expect: 'Godkännanden' },
      { say: 'mål', expect: 'Årliga mål' },
      { say: 'kvittenser', expect: 'Den årliga genomgången av reglerna har inte skickats än.' },
    ],
  },
  {
    person: 'dina',
    steps: [
      { say: 'hjälp', expect: 'Hej Dina Ek!' },
      { say: 'mina incidenter', expect: 'Klickade på länk i mejl' },
    ],
  },
  {
    person: 'erik',
    steps: [
      { say: 'hjälp', expect: 'Hej Erik Persson!' },
      { say: 'får jag ta med jobbdatorn på semester?', expect: 'Hjälpte svaret?' },
    ],
  },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Starts `npm run playground -- --as <person>` and resolves when the page is served. */
function startPlayground(person: string, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', fromRoot('scripts', 'playground.ts'), '--as', person], {
    cwd: fromRoot(),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no playground after 90 s:\n${output}`)),
      90_000,
    );
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Microsoft 365 Agents Playground: ${PLAYGROUND_URL}`)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the playground stopped (${code}):\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group has already gone.
    }
  };
  signal('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (child.exitCode === null) signal('SIGKILL');
}

async function shownOf(page: Page, texts: string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return texts.filter((e) => text.includes(e));
}

/** The newest card in the chat that shows `text` (as a button, a row to tap or a label). */
async function cardWith(page: Page, text: string, button?: Locator): Promise<Locator> {
  let cards = page.locator('.ac-adaptiveCard').filter({ hasText: text });
  // Another card with the same text may arrive meanwhile (the incident card itself
  // beside the list that names it): take the newest that also has the button.
  if (button) cards = cards.filter({ has: button });
  await cards.last().waitFor({ timeout: STEP_TIMEOUT_MS });
  return cards.last();
}

/**
 * How many elements show `text` now (case-sensitive, so the person's own message in lower
 * case does not count): a step is answered when one more does.
 */
const shown = (page: Page, text: string) =>
  page.getByText(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).count();

/** The bot the playground script starts (its default port). */
const BOT_URL = 'http://127.0.0.1:3978';

/** A step in the tab's inbox view: the person's messages as the outbox holds them. */
async function runInbox(page: Page, step: Extract<Step, { inbox: string }>): Promise<void> {
  // A page of its own beside the playground's (which was opened with browser.newPage).
  const tab = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 400, height: 900 } });
  try {
    await tab.goto(`${BOT_URL}/tab?person=${encodeURIComponent(step.inbox)}`);
    await tab.locator('#views button', { hasText: 'Inkorg' }).click();
    const message = tab.locator('#view-inbox li', { hasText: step.near ?? step.expect }).first();
    await message.waitFor({ timeout: STEP_TIMEOUT_MS });
    if (step.press) await message.getByRole('button', { name: step.press, exact: true }).click();
    await message.getByText(step.expect).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    const errors = await shownOf(tab, ERROR_TEXTS);
    if (errors.length > 0) throw new Error(`error shown in the tab: ${errors.join('; ')}`);
  } finally {
    await tab.close();
  }
}

async function run(page: Page, step: Step): Promise<void> {
  if ('inbox' in step) return runInbox(page, step);
  const before = await shown(page, step.expect);
  if ('say' in step) {
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type(step.say);
    await page.keyboard.press('Enter');
  } else {
    const pressed = page.getByRole('button', { name: step.press, exact: true });
    let card = await cardWith(page, step.near ?? step.press, step.near ? pressed : undefined);
    if (step.near) {
      // The innermost container with both the text and the button (containers nest, and
      // the innermost comes last in document order).
      const button = pressed;
      card = card
        .locator('.ac-container, .ac-columnSet')
        .filter({ hasText: step.near })
        .filter({ has: button })
        .last();
    }
    for (const [label, value] of Object.entries(step.fill ?? {}))
      await card.getByLabel(label, { exact: false }).first().fill(value);
    // The playground draws a compact choice set as a Fluent combobox, not a <select>.
    for (const [label, option] of Object.entries(step.select ?? {})) {
      const box = card.getByRole('combobox', { name: label, exact: false }).first();
      await box.click();
      await page.getByRole('option', { name: option, exact: true }).first().click();
      const chosen = await box.inputValue();
      if (chosen !== option) throw new Error(`"${label}" shows "${chosen}", not "${option}"`);
    }
    for (const [label, option] of Object.entries(step.choose ?? {}))
      await card
        .getByRole('radiogroup', { name: label, exact: false })
        .getByRole('radio', { name: option, exact: true })
        .check();
    const button = card.getByRole('button', { name: step.press, exact: true });
    if ((await button.count()) > 0) await button.first().click();
    else await card.getByText(step.press, { exact: true }).first().click();
  }
  // The answer: a new message, or the card replaced in place, that shows the text once more.
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while ((await shown(page, step.expect)) <= before) {
    if (Date.now() > deadline) throw new Error(`no new "${step.expect}" within 15 s`);
    await page.waitForTimeout(200);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-walk-'));
  const databaseUrl = `sqlite:${path.join(dir, 'walk.db')}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let failed = 0;
  try {
    for (const walk of walks) {
      const playground = await startPlayground(walk.person, databaseUrl);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      try {
        await page.goto(PLAYGROUND_URL, { waitUntil: 'networkidle' });
        await page.getByText('Välkommen!').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        for (const step of walk.steps) {
          const what =
            'inbox' in step
              ? `sees ${step.inbox}'s inbox in the tab${step.press ? ` and presses "${step.press}"` : ''}`
              : 'say' in step
                ? `says "${step.say}"`
                : `presses "${step.press}"`;
          let problem: string | undefined;
          try {
            await run(page, step);
          } catch (error) {
            problem = `expected "${step.expect}": ${(error as Error).message.split('\n')[0]}`;
          }
          const errors = await shownOf(page, ERROR_TEXTS);
          if (errors.length > 0) problem = `error shown: ${errors.join('; ')}`;
          const notes = await shownOf(page, LIMITATION_TEXTS);
          const note = notes.length > 0 ? ` (the playground says: ${notes.join('; ')})` : '';
          console.log(
            `${problem ? 'FAIL' : 'ok  '} ${walk.person} ${what}${problem ? ` — ${problem}` : note}`,
          );
          if (problem) {
            failed++;
            await page.screenshot({ path: path.join(dir, `${walk.person}-failed.png`) });
            break;
          }
        }
      } finally {
        await page.close();
        await stop(playground);
      }
    }
  } finally {
    await browser.close();
  }
  if (failed > 0) {
    console.log(`${failed} walk(s) failed; screenshots in ${dir}`);
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('Every role walked through with no error shown.');
}

await main();
