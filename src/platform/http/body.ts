import type { IncomingMessage } from 'node:http';

/** Limits on what /api/messages reads before the bot sees anything. */
export interface BodyLimits {
  /** Bytes read from the socket, whatever Content-Length says. */
  maxBytes: number;
  /** The whole body must arrive within this time after the headers. */
  bodyTimeoutMs: number;
}

export const defaultBodyLimits: BodyLimits = { maxBytes: 1_000_000, bodyTimeoutMs: 10_000 };

export type BodyRefusal = { status: 400 | 408 | 413 | 415; reason: string };
export type BodyResult = { ok: true; body: unknown } | ({ ok: false } & BodyRefusal);

const refuse = (status: BodyRefusal['status'], reason: string): BodyResult => ({
  ok: false,
  status,
  reason,
});

/**
 * Refuses, from the headers alone, what the reader will not read: anything
 * but JSON in UTF-8, any content coding but identity (no inflating, so no
 * gzip bomb), and a declared length over the limit.
 */
export function checkBodyHeaders(
  req: IncomingMessage,
  limits: BodyLimits,
): BodyRefusal | undefined {
  const [mediaType = '', ...parameters] = (req.headers['content-type'] ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') {
    return { status: 415, reason: 'content type is not application/json' };
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      return { status: 415, reason: 'charset is not utf-8' };
    }
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    return { status: 415, reason: 'content encoding is not identity' };
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limits.maxBytes) {
    return { status: 413, reason: 'declared body is over the limit' };
  }
  return undefined;
}

/**
 * Reads a JSON body with the limits counted on the bytes actually read. On a
 * refusal it stops reading at once; the caller answers and closes the connection.
 */
export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const refusal = checkBodyHeaders(req, limits);
  if (refusal) return Promise.resolve({ ok: false, ...refusal });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limits.maxBytes) {
        finish(refuse(413, 'body is over the limit'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, length).toString('utf8');
      try {
        finish({ ok: true, body: JSON.parse(text) as unknown });
      } catch {
        finish(refuse(400, 'body is not JSON'));
      }
    };
    const onError = () => finish(refuse(400, 'body could not be read'));
    const onAborted = () => finish(refuse(400, 'client aborted the body'));
    const timer = setTimeout(
      () => finish(refuse(408, 'body did not arrive in time')),
      limits.bodyTimeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
