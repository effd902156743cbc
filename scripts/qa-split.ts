import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../src/platform/paths.js';
import { EVAL_SETS } from './qa-eval-set.js';

/**
 * Splits the held-out question set once into a development half and a test
 * half, by a fixed seed: each question goes by the hash of the seed and its
 * text, so the split does not depend on the order of the file. Run once when
 * the set is written (`npx tsx scripts/qa-split.ts eval/qa-heldout.yaml`);
 * running it again on the same file gives the same halves.
 */
const SEED = 'it-sakerhet-qa-2026-12-02';

interface Item {
  q: string;
}

const inDevHalf = (item: Item): boolean =>
  createHash('sha256').update(`${SEED}\n${item.q}`).digest()[0]! % 2 === 0;

const source = process.argv[2] ?? 'eval/qa-heldout.yaml';
const set = parse(readFileSync(fromRoot(source), 'utf8')) as { inScope: Item[]; outside: Item[] };
for (const half of ['dev', 'test'] as const) {
  const keep = (item: Item) => inDevHalf(item) === (half === 'dev');
  const part = { inScope: set.inScope.filter(keep), outside: set.outside.filter(keep) };
  const header =
    `# The ${half === 'dev' ? 'development' : 'test'} half of ${source}, split by scripts/qa-split.ts (seed ${SEED}).\n` +
    (half === 'dev'
      ? '# Tune on this half only.\n'
      : '# Do not tune on this half or read its misses: it is reported, once, after tuning.\n');
  writeFileSync(fromRoot(EVAL_SETS[half]), header + stringify(part, { lineWidth: 0 }));
  console.log(
    `${EVAL_SETS[half]}: ${part.inScope.length} in scope, ${part.outside.length} outside`,
  );
}
