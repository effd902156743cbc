import { loadKnowledgeBase } from '../src/rules/index.js';
import { createRuleSearch, DEFAULT_CONFIDENCE, type Confidence } from '../src/rules/index.js';
import type { KnowledgeBase } from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';
import { EVAL_SET_FILE, loadEvalSet, type EvalSet } from './qa-eval-set.js';

/**
 * `npm run eval:qa`: how well the rules answer the evaluation set as a whole.
 * `-- --sweep` prints the two shares for a grid of thresholds (how the default was chosen).
 */
const IN_SCOPE_TARGET = 0.9;
const OUTSIDE_TARGET = 0.8;

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

function main(): void {
  const kb = loadKnowledgeBase(fromRoot('content', 'anvandare'));
  const set = loadEvalSet();
  const inScope = set.inScope.length;
  const outside = set.outside.length;

  if (process.argv.includes('--sweep')) {
    console.log('minScore minCoverage  in scope  outside');
    for (const minScore of [0, 4, 8, 10, 12, 14, 16, 18, 20, 25, 30, 40]) {
      for (const minCoverage of [0, 0.25, 0.34, 0.5, 0.67]) {
        const o = evaluate(kb, set, { minScore, minCoverage });
        console.log(
          `${String(minScore).padStart(8)} ${minCoverage.toFixed(2).padStart(11)}  ${percent(o.inScopeHits, inScope).padStart(8)}  ${percent(o.outsideRefused, outside).padStart(7)}`,
        );
      }
    }
    return;
  }

  const o = evaluate(kb, set, DEFAULT_CONFIDENCE);
  console.log(
    `Rules Q&A evaluation: ${EVAL_SET_FILE}, ${inScope} questions in scope, ${outside} outside; ` +
      `confident when score >= ${DEFAULT_CONFIDENCE.minScore} and coverage >= ${DEFAULT_CONFIDENCE.minCoverage}`,
  );
  console.log(
    `In scope answered in an accepted area: ${o.inScopeHits}/${inScope} = ${percent(o.inScopeHits, inScope)} (target >= 90 %)`,
  );
  console.log(
    `Outside questions correctly refused:   ${o.outsideRefused}/${outside} = ${percent(o.outsideRefused, outside)} (target >= 80 %)`,
  );
  if (o.misses.length > 0)
    console.log(`\nMisses in scope (${o.misses.length}):\n  ${o.misses.join('\n  ')}`);
  if (o.wronglyAnswered.length > 0)
    console.log(
      `\nOutside questions answered (${o.wronglyAnswered.length}):\n  ${o.wronglyAnswered.join('\n  ')}`,
    );
  const met =
    o.inScopeHits / inScope >= IN_SCOPE_TARGET && o.outsideRefused / outside >= OUTSIDE_TARGET;
  if (!met) process.exitCode = 1;
}

main();
