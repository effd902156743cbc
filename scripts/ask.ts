import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { AREA_TITLES } from '../src/rules/index.js';
import { RulesFileError } from '../src/rules/index.js';
import { loadKnowledgeBase } from '../src/rules/index.js';
import {
  createRuleSearch,
  type RuleMatch,
  type RulesAnswer,
} from '../src/rules/index.js';
import { fromRoot } from '../src/platform/paths.js';

/**
 * `npm run --silent ask -- [--json] ["question"]` (docs/contracts.md): answers from the
 * rule files alone, without a database or a running bot. Without a question it reads
 * one question per line from standard input and answers each on one line (--json) or
 * one block. Nothing but the answers goes to standard output.
 */
const USAGE =
  'Användning: npm run --silent ask -- [--json] ["fråga"]  (utan fråga: en fråga per rad på standard in)';

function toJson(match: RuleMatch) {
  return {
    area: match.rule.area,
    ruleId: match.rule.id,
    title: match.rule.title,
    score: match.score,
  };
}

function asJson(result: RulesAnswer): string {
  return JSON.stringify({
    answer: result.answer ? toJson(result.answer) : null,
    suggestions: result.suggestions.map(toJson),
  });
}

function asText(question: string, result: RulesAnswer): string {
  const line = (m: RuleMatch) =>
    `${m.rule.id} ${m.rule.title} (${AREA_TITLES[m.rule.area]}, poäng ${m.score})`;
  const out = [`Fråga: ${question}`];
  if (result.answer) {
    const { rule } = result.answer;
    out.push(`Svar: ${line(result.answer)}`, `${rule.reference}`, '', rule.text);
  } else {
    out.push('Svar: ingen regel svarar säkert på frågan.');
  }
  if (result.suggestions.length > 0)
    out.push('', 'Närliggande regler:', ...result.suggestions.map((s) => `  ${line(s)}`));
  return out.join('\n');
}

export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The tool itself, for the command line and for tests; resolves to the exit code. */
export async function ask(args: string[], io: AskIo): Promise<number> {
  try {
    return await answerQuestions(args, io);
  } catch (error: unknown) {
    const text =
      error instanceof RulesFileError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    io.stderr.write(`${text}\n`);
    return 1;
  }
}

async function answerQuestions(args: string[], io: AskIo): Promise<number> {
  const print = (text: string) => io.stdout.write(`${text}\n`);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    io.stderr.write(`Okänd flagga: ${unknown.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  const question = args.filter((a) => !a.startsWith('--')).join(' ');
  const search = createRuleSearch(loadKnowledgeBase(fromRoot('content', 'anvandare')));
  const answer = (q: string): string => (json ? asJson(search.ask(q)) : asText(q, search.ask(q)));

  if (question.trim() !== '') {
    print(answer(question));
    return 0;
  }
  // One output line (or block) per input line, blank lines included, so answers line up with questions.
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (!json && !first) print('');
    print(answer(line));
    first = false;
  }
  return 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  void ask(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
