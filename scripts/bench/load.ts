import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { projectRoot } from '../../src/platform/paths.js';
import { serveOnLoopback, type Loopback } from './loopback.js';

/** The pieces of `npm run bench`: a connector that accepts everything, processes, load. */

export const TENANT = '00000000-0000-0000-0000-000000000001';
const BOT = { id: '28:bench-bot', name: 'IT-säkerhet' };

/**
 * A Bot Framework connector on loopback that accepts every call at once (no Teams
 * limits: the benchmark measures the bots, not the throttling). It counts, and keeps
 * nothing, so a long run does not grow the harness.
 */
export class SinkConnector {
  posts = 0;
  url = '';
  private server: Loopback | undefined;
  private nextId = 1;

  async start(): Promise<this> {
    this.server = await serveOnLoopback((req, res) => {
      req.resume();
      req.on('end', () => {
        this.posts++;
        res.writeHead(200, { 'content-type': 'application/json' });
        const created = req.method === 'POST' && req.url === '/v3/conversations';
        res.end(JSON.stringify({ id: `${created ? 'a:created' : 'activity'}-${this.nextId++}` }));
      });
    });
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

export interface BotProcess {
  name: string;
  child: ChildProcess;
  url: string;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<number | null>;
}

/** Starts `node <script>` and waits for the line that names its /api/messages address. */
export async function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BotProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/api/messages`);
      }
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}): ${stderr}`)));
  });
  return {
    name,
    child,
    url,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface User {
  aadObjectId: string;
  name: string;
}

export function benchUser(i: number): User {
  return {
    aadObjectId: `30000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Medarbetare ${i}`,
  };
}

function base(user: User, serviceUrl: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'sv-SE',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: {
      id: `a:bench-${user.aadObjectId}`,
      conversationType: 'personal',
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
  };
}

/** A personal-chat message as Teams sends it. */
export function messageActivity(user: User, text: string, serviceUrl: string): string {
  return JSON.stringify({ ...base(user, serviceUrl), type: 'message', text, textFormat: 'plain' });
}

/** A Universal Actions click (adaptiveCard/action) as Teams sends it. */
export function cardActionActivity(
  user: User,
  verb: string,
  data: Record<string, unknown>,
  serviceUrl: string,
): string {
  return JSON.stringify({
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export function post(url: string, body: string): Promise<Answer> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface Run {
  count: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

export const perSecond = (run: Run) => run.count / run.seconds;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Closed loop: `concurrency` conversations, each sending its next message when the
 * last was answered, for `durationMs` or until `total` messages were answered.
 */
export async function closedLoop(
  url: string,
  concurrency: number,
  body: (worker: number, n: number) => string,
  limit: { durationMs?: number; total?: number },
  onProgress?: (answered: number) => void,
  onAnswer?: (answer: Answer, worker: number) => void,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const started0 = Date.now();
  const deadline = limit.durationMs === undefined ? Infinity : started0 + limit.durationMs;
  const total = limit.total ?? Infinity;
  const worker = async (w: number) => {
    for (let n = 0; Date.now() < deadline && started < total; n++) {
      started++;
      const answer = await post(url, body(w, n));
      if (answer.status !== 200) errors++;
      latencies.push(answer.ms);
      onProgress?.(latencies.length);
      onAnswer?.(answer, w);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { count: latencies.length, errors, seconds: (Date.now() - started0) / 1000, latencies };
}

/** Open loop: a message every 1/rate s whatever the answers, for `durationMs`. */
export async function openLoop(
  url: string,
  ratePerSecond: number,
  body: (n: number) => string,
  durationMs: number,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const started0 = Date.now();
  const count = Math.round((durationMs / 1000) * ratePerSecond);
  for (let n = 0; n < count; n++) {
    const due = started0 + (n * 1000) / ratePerSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      post(url, body(n)).then((answer) => {
        if (answer.status !== 200) errors++;
        latencies.push(answer.ms);
      }),
    );
  }
  await Promise.all(pending);
  return { count: latencies.length, errors, seconds: (Date.now() - started0) / 1000, latencies };
}
