import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { everyCard } from '../support/card-samples.js';
import { teamsHostConfigs, type HostConfigJson } from '../support/teams-host-config.js';

/**
 * WCAG 2.1 AA asks 4.5:1 for body text. Teams draws a TextBlock's or TextRun's colour
 * from the host config of the container style it sits in; these tests measure every
 * coloured text of every card against Teams' own host configs, light and dark.
 */
const MINIMUM = 4.5;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#RRGGBB` or `#AARRGGBB` as the host config writes colours, to r, g, b (0–255) and alpha. */
function parseColour(hex: string): { rgb: [number, number, number]; alpha: number } {
  const digits = hex.replace('#', '');
  const alpha = digits.length === 8 ? parseInt(digits.slice(0, 2), 16) / 255 : 1;
  const rgb = digits.slice(-6);
  return {
    rgb: [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number],
    alpha,
  };
}

function luminance([r, g, b]: [number, number, number]): number {
  const [lr, lg, lb] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
}

/** The contrast ratio of a (possibly translucent) text colour drawn on a background. */
export function contrast(foreground: string, background: string): number {
  const bg = parseColour(background).rgb;
  const fg = parseColour(foreground);
  const shown = fg.rgb.map((v, i) => v * fg.alpha + bg[i]! * (1 - fg.alpha)) as [
    number,
    number,
    number,
  ];
  const [a, b] = [luminance(shown), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

interface ColouredText {
  text: string;
  colour: string;
  subtle: boolean;
  /** The container styles it may sit in (several where the style is a template expression). */
  styles: string[];
}

const isExpression = (value: unknown) => typeof value === 'string' && value.includes('${');

/** Every TextBlock and TextRun with the container style it is drawn on. */
function colouredTexts(card: unknown, allStyles: string[]): ColouredText[] {
  const found: ColouredText[] = [];
  const visit = (node: unknown, styles: string[]): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, styles));
    if (!isObject(node)) return;
    let inner = styles;
    if (
      typeof node.style === 'string' &&
      ['Container', 'Column', 'ColumnSet'].includes(String(node.type))
    )
      inner = isExpression(node.style) ? allStyles : [node.style.toLowerCase()];
    if (node.type === 'TextBlock' || node.type === 'TextRun') {
      const colour = typeof node.color === 'string' ? node.color : 'Default';
      if (!isExpression(colour))
        found.push({
          text: String(node.text ?? ''),
          colour: colour.toLowerCase(),
          subtle: node.isSubtle === true,
          styles: inner,
        });
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value, inner);
  };
  visit(card, ['default']);
  return found;
}

function lowContrast(card: unknown, themes: Record<string, HostConfigJson>): string[] {
  const problems: string[] = [];
  for (const [theme, config] of Object.entries(themes)) {
    const allStyles = Object.keys(config.containerStyles);
    for (const t of colouredTexts(card, allStyles))
      for (const style of t.styles) {
        const container = config.containerStyles[style] ?? config.containerStyles.default!;
        const colours = container.foregroundColors[t.colour];
        if (!colours) {
          problems.push(`${theme}: unknown colour ${t.colour} on "${t.text}"`);
          continue;
        }
        const ratio = contrast(
          t.subtle ? colours.subtle : colours.default,
          container.backgroundColor,
        );
        if (ratio < MINIMUM)
          problems.push(
            `${theme}: ${t.colour}${t.subtle ? ' (subtle)' : ''} on ${style} ${ratio.toFixed(2)}:1 "${t.text.slice(0, 40)}"`,
          );
      }
  }
  return problems;
}

describe('colours on cards against Teams host config, light and dark', () => {
  it('measures as WCAG does: black on white 21:1, Teams light Good 2.07:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    const good = teamsHostConfigs.light.containerStyles.default!.foregroundColors.good!;
    expect(contrast(good.default, '#ffffff')).toBeCloseTo(2.07, 2);
    expect(
      lowContrast({ type: 'TextBlock', text: 'x', color: 'Good' }, teamsHostConfigs),
    ).toHaveLength(1);
  });

  const templates = readdirSync(fromRoot('src'), { recursive: true, encoding: 'utf8' }).filter(
    (file) => path.basename(path.dirname(file)) === 'cards' && file.endsWith('.json'),
  );

  it.each(templates)('template %s: every fixed text colour reads at 4.5:1', (file) => {
    const template: unknown = JSON.parse(readFileSync(fromRoot('src', file), 'utf8'));
    expect(lowContrast(template, teamsHostConfigs)).toEqual([]);
  });

  it.each(everyCard)('%s as sent: every text colour reads at 4.5:1', (_name, build) => {
    expect(lowContrast(build(), teamsHostConfigs)).toEqual([]);
  });
});
