import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { people } from '../support/activities.js';
import { phishingForm } from '../support/incident-samples.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The tab "Översikt" as a person uses it, in Debian's Chromium driven by
 * playwright-core: the page built by Vite, served by the bot in local mode, the person
 * chosen in the picker, the charts drawn by Chart.js and the inbox's cards by the
 * Adaptive Cards renderer, on a phone's width.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFound = existsSync(CHROMIUM);
const PHONE_WIDTH = 360;
const { karin, lars, sara, dina, olof, maria, anna, erik } = people;

/** The little of the DOM the checks below read in the page (the project compiles without the DOM library). */
interface PageElement {
  width: number;
  height: number;
  scrollWidth: number;
  clientWidth: number;
  dataset: Record<string, string | undefined>;
  closest(selector: string): PageElement | null;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
interface PageGlobals {
  document: {
    documentElement: PageElement;
    body: PageElement;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  getComputedStyle(element: PageElement): { color: string; backgroundColor: string };
}

describe.skipIf(!chromiumFound)(
  `the tab in Chromium, local mode${chromiumFound ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set CHROMIUM_PATH)`}`,
  () => {
    let app: TestApp;
    let pageDirectory: string;
    let browser: import('playwright-core').Browser;
    let page: import('playwright-core').Page;
    let number: string;

    beforeAll(async () => {
      pageDirectory = mkdtempSync(path.join(tmpdir(), 'itsak-tab-'));
      const { build } = await import('vite');
      await build({
        configFile: fromRoot('src', 'tab', 'page', 'vite.config.ts'),
        build: { outDir: pageDirectory, emptyOutDir: true },
        logLevel: 'silent',
      });
      app = await startTestApp({ tab: { pageDirectory } });
      await app.introduce(karin, lars, sara, dina, olof, maria, anna, erik);
      const [form] = await app.as(anna).say('incident');
      const receipt = await app.as(anna).click(form!, 'Skicka rapporten', phishingForm);
      number = /INC-\d{4}-\d{4}/.exec(JSON.stringify(receipt.value))![0];
      await app.running.sender.drain();

      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
      await page.goto(`${app.running.url}/tab`);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await app?.stop();
      if (pageDirectory) rmSync(pageDirectory, { recursive: true, force: true });
    });

    const choose = (id: string) => page.selectOption('#person', id);
    const overflow = () =>
      page.evaluate(() => {
        const root = (globalThis as unknown as PageGlobals).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });

    it('loads in local mode with the banner and the person picker', async () => {
      expect(await page.locator('#banner').innerText()).toMatch(/^Lokalt läge/);
      const options = await page.locator('#person option').allInnerTexts();
      expect(options.some((o) => o.startsWith('Anna Andersson'))).toBe(true);
      expect(options.some((o) => o.startsWith('Karin Lund'))).toBe(true);
    });

    it('shows a member of staff the incidents they reported, by number, and no dashboard', async () => {
      await choose('anna');
      const mine = page.locator('[data-section="incidents.mine"]');
      await mine.getByText(number).waitFor();
      expect(await mine.innerText()).toContain('Klickade på länk i mejl');
      expect(await page.locator('#views button').allInnerTexts()).toEqual([
        'Mitt',
        'Regler',
        'Inkorg',
      ]);
      expect(await overflow()).toBeLessThanOrEqual(0);
    });

    it('draws the dashboard’s charts for a coordinator, each with its table and CSV', async () => {
      await choose('lars');
      await page.locator('#views button', { hasText: 'Kommunen' }).click();
      await page.locator('[data-part="incidents-per-month"] canvas[data-drawn]').waitFor();
      const drawn = await page.evaluate(() =>
        [
          ...(globalThis as unknown as PageGlobals).document.querySelectorAll('canvas[data-drawn]'),
        ].map((canvas) => {
          const context = canvas.getContext('2d')!;
          const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
          return { id: canvas.closest('figure')!.dataset.part, painted };
        }),
      );
      expect(drawn.map((d) => d.id)).toEqual(
        expect.arrayContaining([
          'incidents-per-month',
          'incidents-open-by-age',
          'approvals-by-status',
          'measures-open',
        ]),
      );
      for (const chart of drawn)
        expect(chart.painted, `${chart.id} has pixels`).toBeGreaterThan(100);
      // The table view has the same figures: Anna's phishing incident in this month.
      // (Read as text: the table is inside a closed <details> until the person opens it.)
      const table = await page.locator('[data-part="incidents-per-month"] table').textContent();
      expect(table).toContain('Nätfiske (phishing)');
      expect(
        await page.locator('[data-part="incidents-per-month"] a.csv').getAttribute('download'),
      ).toBe('incidents-per-month.csv');
      expect(await overflow()).toBeLessThanOrEqual(0);
    });

    it('shows the coordinator’s triage card in the inbox view, and pressing its button changes the incident', async () => {
      await page.locator('#views button', { hasText: 'Inkorg' }).click();
      const message = page.locator('#view-inbox li', { hasText: number }).first();
      await message.waitFor();
      await message.getByRole('button', { name: 'Ta ärendet' }).click();
      await message.getByText('Lars Berg').first().waitFor();
      const stored = (await app.query.incidentsOf(anna)).find((i) => i.number === number)!;
      expect(stored.assigneeAadObjectId).toBe(lars.aadObjectId);
    });

    it('follows a dark theme', async () => {
      const dark = await browser.newPage({
        viewport: { width: PHONE_WIDTH, height: 800 },
        colorScheme: 'dark',
      });
      try {
        await dark.goto(`${app.running.url}/tab?person=anna`);
        await dark.locator('[data-section="incidents.mine"]').getByText(number).waitFor();
        expect(
          await dark.evaluate(
            () => (globalThis as unknown as PageGlobals).document.body.dataset.theme,
          ),
        ).toBe('dark');
        const colours = await dark.evaluate(() => {
          const style = (globalThis as unknown as PageGlobals).getComputedStyle(
            (globalThis as unknown as PageGlobals).document.body,
          );
          return { text: style.color, background: style.backgroundColor };
        });
        expect(colours).toEqual({ text: 'rgb(255, 255, 255)', background: 'rgb(31, 31, 31)' });
      } finally {
        await dark.close();
      }
    });
  },
);
