import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AREA_IDS } from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';

const described = { persona: z.string().optional(), style: z.string().optional() };

const evalSetSchema = z.object({
  inScope: z
    .array(
      z.object({ q: z.string().min(1), areas: z.array(z.enum(AREA_IDS)).min(1), ...described }),
    )
    .min(1),
  outside: z
    .array(
      z.union([
        z.string().min(1),
        z.object({ q: z.string().min(1), nearMiss: z.boolean().optional(), ...described }),
      ]),
    )
    .min(1)
    .transform((items) => items.map((item) => (typeof item === 'string' ? item : item.q))),
});

export type EvalSet = z.infer<typeof evalSetSchema>;

/**
 * The evaluation sets. `old` was written before the engine was first tuned and
 * has been tuned on since. `dev` and `test` are the two halves of a held-out
 * set written by someone who never saw the rules (split once by
 * scripts/qa-split.ts): tune on `dev` only; `test` is reported, never studied.
 */
export const EVAL_SETS = {
  old: 'eval/qa-questions.yaml',
  dev: 'eval/qa-heldout-dev.yaml',
  test: 'eval/qa-heldout-test.yaml',
} as const;
export type EvalSetName = keyof typeof EVAL_SETS;

export const EVAL_SET_FILE = EVAL_SETS.old;

export function loadEvalSet(name: EvalSetName = 'old'): EvalSet {
  return evalSetSchema.parse(parse(readFileSync(fromRoot(EVAL_SETS[name]), 'utf8')));
}
