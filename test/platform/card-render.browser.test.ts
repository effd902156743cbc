import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/platform/teams/card-budget.js';
import { everyCard } from '../support/card-samples.js';
import { teamsHostConfigs } from '../support/teams-host-config.js';

/**
 * Every card as a phone shows it: rendered by the official Adaptive Cards renderer
 * (the package's browser bundle) with Teams' host config and the designer's Teams
 * styles, light and dark, 360 px wide, in Debian's Chromium. A TextBlock is shown
 * without markdown processing, as Teams mobile shows a backslash escape: visible.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFound = existsSync(CHROMIUM);
const PHONE_WIDTH = 360;
/**
 * Widths are measured in Liberation Sans (Arial's metrics, for Segoe UI). Without it
 * Chromium falls back to a wider font and every long button would look cut off.
 */
const fontFound = (() => {
  try {
    return /Liberation Sans/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();
const skipReason = !chromiumFound
  ? ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set CHROMIUM_PATH)`
  : !fontFound
    ? " (skipped: the font Liberation Sans is not installed; install Debian's fonts-liberation)"
    : '';

interface Rendered {
  /** Backslash escapes the person would read, e.g. `\-`. */
  escapes: string[];
  /** Buttons whose title is cut off or which reach past the card's edge. */
  clipped: string[];
  /** Actions the renderer dropped or failed to draw. */
  warnings: string[];
}

const themes = ['light', 'dark'] as const;
const results = new Map<string, Rendered>();

/** The little of the DOM the page below uses (the project compiles without the DOM library). */
interface Box {
  right: number;
}
interface Element {
  style: Record<string, string>;
  innerText: string;
  scrollWidth: number;
  clientWidth: number;
  offsetParent: unknown;
  replaceChildren(): void;
  appendChild(child: Element): void;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}

// The page, run in Chromium: renders one card and reports what a person would see wrong.
function renderInPage(args: { card: unknown; hostConfig: unknown; width: number }): Rendered {
  interface Renderer {
    AdaptiveCard: new () => {
      hostConfig: unknown;
      parse(json: unknown, context: unknown): void;
      render(): Element | undefined;
    };
    HostConfig: new (json: unknown) => unknown;
    SerializationContext: new () => {
      eventCount: number;
      getEventAt(i: number): { message: string };
    };
  }
  const page = globalThis as unknown as {
    AdaptiveCards: Renderer;
    document: { getElementById(id: string): Element };
  };
  const ac = page.AdaptiveCards;
  const host = page.document.getElementById('host');
  host.replaceChildren();
  host.style.width = `${args.width}px`;
  const card = new ac.AdaptiveCard();
  card.hostConfig = new ac.HostConfig(args.hostConfig);
  const context = new ac.SerializationContext();
  card.parse(args.card, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  const element = card.render();
  if (!element) return { escapes: [], clipped: [], warnings: ['nothing rendered'] };
  host.appendChild(element);
  const edge = host.getBoundingClientRect().right;
  const buttons = [...element.querySelectorAll('button')].filter((b) => b.offsetParent !== null);
  const clipped = buttons
    .filter((b) => {
      const title = b.querySelector('div') ?? b;
      return (
        title.scrollWidth > title.clientWidth + 1 || b.getBoundingClientRect().right > edge + 0.5
      );
    })
    .map((b) => b.innerText || b.getAttribute('aria-label') || '?');
  const escapes = element.innerText.match(/\\[!-/:-@[-`{-~]/g) ?? [];
  return { escapes, clipped, warnings };
}

describe.skipIf(skipReason !== '')(
  `cards in Chromium at ${PHONE_WIDTH} px with Teams' host config${skipReason}`,
  () => {
    let close: (() => Promise<void>) | undefined;
    let page: import('playwright-core').Page | undefined;

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      close = () => browser.close();
      page = await browser.newPage({ viewport: { width: 400, height: 800 } });
      const bundle = createRequire(import.meta.url).resolve(
        'adaptivecards/dist/adaptivecards.min.js',
      );
      // The designer's Teams styles (buttons, inputs). Its dark sheet differs only in
      // colours and a button 2 px taller, which a cut-off title does not depend on; the
      // colours of text come from each theme's host config.
      const css = readFileSync(
        fromRoot('src', 'tab', 'page', 'teams-host-config', 'teams.css'),
        'utf8',
      );
      for (const theme of themes) {
        // Segoe UI is not on Linux; Liberation Sans has Arial's widths, a little wider.
        await page!.setContent(
          `<!doctype html><html><head><meta charset="utf-8"><style>
            @font-face { font-family: 'Segoe UI'; src: local('Liberation Sans'); }
            @font-face { font-family: 'Segoe UI'; font-weight: bold; src: local('Liberation Sans Bold'); }
            body { margin: 0; font-family: 'Segoe UI', sans-serif; }
            ${css}</style></head><body><div id="host"></div></body></html>`,
        );
        await page!.addScriptTag({ path: bundle });
        for (const [name, build] of everyCard) {
          const rendered = await page!.evaluate(renderInPage, {
            card: build(),
            hostConfig: teamsHostConfigs[theme],
            width: PHONE_WIDTH,
          });
          results.set(`${name} ${theme}`, rendered);
        }
      }
    }, 60_000);

    afterAll(async () => close?.());

    it.each(everyCard)(
      '%s: no visible backslash, no clipped button, within the budget',
      (name, build) => {
        expect(cardBytes(build())).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        for (const theme of themes) {
          const rendered = results.get(`${name} ${theme}`)!;
          expect({ theme, ...rendered }).toEqual({ theme, escapes: [], clipped: [], warnings: [] });
        }
      },
    );

    it('finds what it looks for: a visible escape and a row of buttons too wide for a phone', async () => {
      const probe = await page!.evaluate(renderInPage, {
        card: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: 'IT\\-säkerhetspolicy 2026\\-12\\-01', wrap: true }],
          actions: ['Visa incidenten', 'Ta ärendet', 'Lägg till anteckning', 'Stäng'].map(
            (title) => ({ type: 'Action.Submit', title }),
          ),
        },
        hostConfig: teamsHostConfigs.light,
        width: PHONE_WIDTH,
      });
      expect(probe.escapes).toEqual(['\\-', '\\-', '\\-']);
      expect(probe.clipped.length).toBeGreaterThan(0);
    });
  },
);
