import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';

describe('.env.example', () => {
  it('documents every variable src/platform/config.ts reads', () => {
    const source = readFileSync(fromRoot('src', 'platform', 'config.ts'), 'utf8');
    const read = new Set(
      [
        ...source.matchAll(/^\s+([A-Za-z_]+): (?:z\.|intInRange|positiveNumber|optionalString)/gm),
      ].map((m) => m[1]!),
    );
    const documented = new Set(
      [...readFileSync(fromRoot('.env.example'), 'utf8').matchAll(/^([A-Za-z_]+)=/gm)].map(
        (m) => m[1]!,
      ),
    );
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
  });
});
