import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AREA_IDS } from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';

const evalSetSchema = z.object({
  inScope: z
    .array(z.object({ q: z.string().min(1), areas: z.array(z.enum(AREA_IDS)).min(1) }))
    .min(1),
  outside: z.array(z.string().min(1)).min(1),
});

export type EvalSet = z.infer<typeof evalSetSchema>;

export const EVAL_SET_FILE = 'eval/qa-questions.yaml';

export function loadEvalSet(): EvalSet {
  return evalSetSchema.parse(parse(readFileSync(fromRoot(EVAL_SET_FILE), 'utf8')));
}
