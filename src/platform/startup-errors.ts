import { codeOf, type ErrorShape } from './error-code.js';
import { ConfigError, type DatabaseConfig } from './config.js';

/**
 * What keeps the bot from starting, said in one line that names the setting: the
 * database it cannot reach or use (DATABASE_URL), the port it cannot listen on (PORT).
 */

/** How long a PostgreSQL connection may take, handshake and login included. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** One line, never the connection string (it may hold a password). */
function oneLine(text: unknown, url?: string): string {
  let line = typeof text === 'string' ? text : '';
  if (url) line = line.split(url).join('<DATABASE_URL>');
  return line.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export function postgresTarget(url: string): { where: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    return {
      where: `${host}:${parsed.port || '5432'}`,
      user: decodeURIComponent(parsed.username) || 'the default role',
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'the default database',
    };
  } catch {
    return { where: 'the configured server', user: 'the role', database: 'the database' };
  }
}

const SOCKET_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections there (is PostgreSQL running?)',
  ECONNRESET: 'the connection was closed at once (is it PostgreSQL?)',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ENOTFOUND: 'the host name is not known',
  EAI_AGAIN: 'the host name could not be looked up',
};

/** Where the database is, for a log line: the SQLite file, or PostgreSQL's host, port and database. */
export function databaseWhere(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return database.file;
  const { where, database: name } = postgresTarget(database.url);
  return `${where}/${name}`;
}

/**
 * A database that cannot be used at start, as one sentence naming DATABASE_URL and
 * what is wrong; undefined for an error that is not about reaching or using it.
 */
export function databaseStartupError(
  error: unknown,
  database: DatabaseConfig,
): ConfigError | undefined {
  if (error instanceof ConfigError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ErrorShape;
  const code = codeOf(e);
  if (database.kind === 'sqlite') {
    const fileProblem =
      (code !== undefined &&
        /^(SQLITE_|E(ACCES|PERM|ROFS|NOENT|NOTDIR|ISDIR|NOSPC)$)/.test(code)) ||
      (error instanceof Error && error.name === 'SqliteError');
    if (!fileProblem) return undefined;
    return new ConfigError(
      'DATABASE_URL',
      `names the SQLite file ${database.file}, which cannot be opened or written: ${oneLine(e.message)}`,
    );
  }
  const { where, user, database: name } = postgresTarget(database.url);
  const message = oneLine(e.message, database.url);
  const problem = (text: string) =>
    new ConfigError('DATABASE_URL', `points to PostgreSQL at ${where}: ${text}`);
  const socket = code ? SOCKET_PROBLEMS[code] : undefined;
  if (socket) return problem(socket);
  // pg-pool's and pg's own words for a connection that got no answer in time.
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message))
    return problem(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`);
  if (/Connection terminated unexpectedly/i.test(message))
    return problem('the server closed the connection (is it PostgreSQL?)');
  switch (code) {
    case '28P01':
      return problem(`the password for role "${user}" is wrong`);
    case '28000':
      return problem(`role "${user}" may not log in (${message})`);
    case '3D000':
      return problem(`database "${name}" does not exist`);
    case '3F000':
      return problem(`role "${user}" has no schema it may create the bot's tables in`);
    case '42501':
      return problem(`role "${user}" may not create or change the bot's tables (${message})`);
  }
  // Other refusals by the server (SQLSTATE classes 08 connection, 28 authorisation, 53 resources).
  if (code && /^(08|28|3D|53|57)/.test(code)) return problem(message);
  return undefined;
}

/** A port the HTTP server could not listen on, as one sentence naming PORT. */
export function listenStartupError(
  error: unknown,
  host: string,
  port: number,
): ConfigError | undefined {
  const code =
    typeof error === 'object' && error !== null ? codeOf(error as ErrorShape) : undefined;
  switch (code) {
    case 'EADDRINUSE':
      return new ConfigError('PORT', `${port} is already in use by another program`);
    case 'EACCES':
      return new ConfigError('PORT', `${port} may not be used by this user (a port below 1024?)`);
    case 'EADDRNOTAVAIL':
      return new ConfigError('PORT', `${port} cannot be opened on ${host} on this machine`);
  }
  return undefined;
}
