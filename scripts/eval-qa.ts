import { loadKnowledgeBase } from '../src/rules/index.js';
import { createRuleSearch, DEFAULT_CONFIDENCE, type Confidence } from '../src/rules/index.js';
import type { KnowledgeBase } from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';
import { EVAL_SETS, loadEvalSet, type EvalSet, type EvalSetName } from './qa-eval-set.js';

/**
 * `npm run eval:qa`: how well the rules answer each evaluation set as a whole
 * (`-- --set old|dev|test` for one; `-- --misses` lists the misses of the old
 * set and the development half). `-- --sweep` prints the two shares for a grid
 * of thresholds, on the old set and the development half only.
 */
/** The old set keeps its original targets; the held-out halves have the issue's (90 % and 85 %). */
const TARGETS: Record<EvalSetName, { inScope: number; outside: number }> = {
  old: { inScope: 0.9, outside: 0.8 },
  dev: { inScope: 0.9, outside: 0.85 },
  test: { inScope: 0.9, outside: 0.85 },
};

interface Outcome {
  inScopeHits: number;
  outsideRefused: number;
  misses: string[];
  wronglyAnswered: string[];
}

function evaluate(kb: KnowledgeBase, set: EvalSet, confidence: Confidence): Outcome {
  const search = createRuleSearch(kb, confidence);
  const outcome: Outcome = { inScopeHits: 0, outsideRefused: 0, misses: [], wronglyAnswered: [] };
  for (const { q, areas } of set.inScope) {
    const { answer, suggestions } = search.ask(q);
    if (answer && areas.includes(answer.rule.area)) {
      outcome.inScopeHits++;
      continue;
    }
    const got = answer
      ? `answered ${answer.rule.id} (${answer.rule.area}, ${answer.score})`
      : `no answer, closest ${suggestions.map((s) => `${s.rule.id} ${s.score}`).join(', ') || 'none'}`;
    outcome.misses.push(`"${q}" [${areas.join(', ')}]: ${got}`);
  }
  for (const q of set.outside) {
    const { answer } = search.ask(q);
    if (!answer) outcome.outsideRefused++;
    else outcome.wronglyAnswered.push(`"${q}": answered ${answer.rule.id} (${answer.score})`);
  }
  return outcome;
}

const percent = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)} %`;

function parseArgs(argv: string[]): { sets: EvalSetName[]; sweep: boolean; misses: boolean } {
  const named = argv.flatMap((arg, i) => (arg === '--set' ? [argv[i + 1]] : []));
  for (const name of named)
    if (!(name && name in EVAL_SETS))
      throw new Error(`--set takes ${Object.keys(EVAL_SETS).join(', ')}`);
  return {
    sets: named.length > 0 ? (named as EvalSetName[]) : ['old', 'dev', 'test'],
    sweep: argv.includes('--sweep'),
    misses: argv.includes('--misses'),
  };
}

function main(): void {
  const kb = loadKnowledgeBase(fromRoot('content', 'anvandare'));
  const args = parseArgs(process.argv.slice(2));
  if (args.sweep) {
    // Tuning looks at the old set and the development half, never at the test half.
    for (const name of args.sets.filter((n) => n !== 'test')) sweep(kb, name);
    return;
  }
  console.log(
    `Rules Q&A evaluation; confident when score >= ${DEFAULT_CONFIDENCE.minScore} and coverage >= ${DEFAULT_CONFIDENCE.minCoverage}`,
  );
  let met = true;
  for (const name of args.sets) {
    const set = loadEvalSet(name);
    const inScope = set.inScope.length;
    const outside = set.outside.length;
    const o = evaluate(kb, set, DEFAULT_CONFIDENCE);
    const target = TARGETS[name];
    console.log(`\n${name}: ${EVAL_SETS[name]}, ${inScope} questions in scope, ${outside} outside`);
    console.log(
      `  in scope answered in an accepted area: ${o.inScopeHits}/${inScope} = ${percent(o.inScopeHits, inScope)} (target >= ${target.inScope * 100} %)`,
    );
    console.log(
      `  outside questions correctly refused:   ${o.outsideRefused}/${outside} = ${percent(o.outsideRefused, outside)} (target >= ${target.outside * 100} %)`,
    );
    met &&=
      o.inScopeHits / inScope >= target.inScope && o.outsideRefused / outside >= target.outside;
    // The test half's misses are not printed: reading them would be tuning on it.
    if (args.misses && name !== 'test') printMisses(o);
  }
  if (!met) process.exitCode = 1;
}

function sweep(kb: KnowledgeBase, name: EvalSetName): void {
  const set = loadEvalSet(name);
  console.log(`${name}: minScore minCoverage  in scope  outside`);
  for (const minScore of [0, 4, 8, 10, 12, 14, 16, 18, 20, 25, 30, 40]) {
    for (const minCoverage of [0, 0.25, 0.34, 0.5, 0.67]) {
      const o = evaluate(kb, set, { minScore, minCoverage });
      console.log(
        `${String(minScore).padStart(8)} ${minCoverage.toFixed(2).padStart(11)}  ${percent(o.inScopeHits, set.inScope.length).padStart(8)}  ${percent(o.outsideRefused, set.outside.length).padStart(7)}`,
      );
    }
  }
}

function printMisses(o: Outcome): void {
  if (o.misses.length > 0)
    console.log(`  misses in scope (${o.misses.length}):\n    ${o.misses.join('\n    ')}`);
  if (o.wronglyAnswered.length > 0)
    console.log(
      `  outside questions answered (${o.wronglyAnswered.length}):\n    ${o.wronglyAnswered.join('\n    ')}`,
    );
}

main();
