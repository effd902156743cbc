import http from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, people } from '../support/activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What reaches /api/messages before any authentication: the body reader must
 * neither crash the process nor hold more than its limit, whatever it is sent.
 * Requests go over a raw socket so the headers are exactly as an attacker sends them.
 */

interface RawResponse {
  status: number;
  body: string;
}

function rawPost(
  url: string,
  headers: Record<string, string | number>,
  body: Buffer | Buffer[],
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/api/messages`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    // The server may answer and close before the whole body is written; that is the point.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    for (const part of Array.isArray(body) ? body : [body]) request.write(part);
    request.end();
  });
}

async function healthy(app: TestApp): Promise<boolean> {
  const response = await fetch(`${app.running.url}/healthz`);
  return response.status === 200;
}

describe('the body reader of /api/messages', () => {
  let app: TestApp;
  const activity = () =>
    Buffer.from(JSON.stringify(message(people.anna, 'hjälp', { serviceUrl: app.connector.url })));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 415 to gzip that is not gzip, and the process keeps serving', async () => {
    const response = await rawPost(
      app.running.url,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from([0xde, 0xad, 0xbe, 0xef]),
    );
    expect(response.status).toBe(415);
    expect(await healthy(app)).toBe(true);
  });

  it('answers 415 to a gzip bomb without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1_000_000);
    const before = process.memoryUsage().rss;
    const response = await rawPost(
      app.running.url,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb,
    );
    expect(response.status).toBe(415);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(await healthy(app)).toBe(true);
  });

  it('answers 415 to a valid gzip activity too: identity encoding only', async () => {
    const response = await rawPost(
      app.running.url,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(activity()),
    );
    expect(response.status).toBe(415);
    expect(app.connector.calls).toEqual([]);
  });

  it('answers 415 to multipart uploads and writes nothing to the temp folder', async () => {
    const before = new Set(readdirSync(tmpdir()));
    const boundary = 'x-boundary';
    const part = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const response = await rawPost(
      app.running.url,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
      [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n`,
        ),
        part,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ],
    );
    expect(response.status).toBe(415);
    const added = readdirSync(tmpdir()).filter((name) => !before.has(name));
    expect(added.filter((name) => /^upload_|^[0-9a-f]{32}$/.test(name))).toEqual([]);
    expect(await healthy(app)).toBe(true);
  });

  it('answers 415 to a body that is not JSON by its content type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const response = await rawPost(app.running.url, headers, activity());
      expect(response.status, contentType || '(none)').toBe(415);
    }
    expect(app.connector.calls).toEqual([]);
  });

  it('accepts application/json with a UTF-8 charset', async () => {
    const response = await rawPost(
      app.running.url,
      { 'content-type': 'application/json; charset=utf-8' },
      activity(),
    );
    expect(response.status).toBe(200);
  });

  it('answers 413 to a body over the limit, counted on the bytes read, whatever Content-Length says', async () => {
    const big = Buffer.from(JSON.stringify({ type: 'message', text: 'a'.repeat(2_000_000) }));
    const declared = await rawPost(
      app.running.url,
      { 'content-type': 'application/json', 'content-length': big.length },
      big,
    );
    expect(declared.status).toBe(413);
    const chunked = await rawPost(
      app.running.url,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      [big.subarray(0, 500_000), big.subarray(500_000)],
    );
    expect(chunked.status).toBe(413);
    expect(chunked.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(await healthy(app)).toBe(true);
  });
});

describe('slow requests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ http: { bodyTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 408 to a body that never finishes', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${app.running.url}/api/messages`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 100 } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write('{"type":');
    });
    expect(status).toBe(408);
    expect(await healthy(app)).toBe(true);
  });
});
