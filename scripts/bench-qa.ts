import { performance } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/rules/index.js';
import { createRuleSearch } from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';
import { loadEvalSet } from './qa-eval-set.js';

/** `npm run bench:qa`: time to answer one question once the rules are loaded (target p95 < 2 ms). */
const ROUNDS = 30;
const WARM_UP_ROUNDS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const loadStart = performance.now();
const search = createRuleSearch(loadKnowledgeBase(fromRoot('content', 'anvandare')));
const loadMs = performance.now() - loadStart;

const set = loadEvalSet();
const questions = [...set.inScope.map((i) => i.q), ...set.outside];
for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const q of questions) search.ask(q);

const samples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const start = performance.now();
    search.ask(q);
    samples.push(performance.now() - start);
  }
}
samples.sort((a, b) => a - b);
const ms = (n: number): string => `${n.toFixed(3)} ms`;
console.log(
  `Rules Q&A benchmark: ${samples.length} answers (${questions.length} questions x ${ROUNDS} rounds), Node ${process.version}`,
);
console.log(`load and index: ${ms(loadMs)}`);
console.log(
  `p50 ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}  p99 ${ms(percentile(samples, 99))}  max ${ms(samples.at(-1) ?? NaN)}`,
);
