import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on a free loopback port, kept alive as Teams' connector keeps it. */
export interface Loopback {
  url: string;
  stop(): Promise<void>;
}

export async function serveOnLoopback(handler: http.RequestListener): Promise<Loopback> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
