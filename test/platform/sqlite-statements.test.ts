import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/platform/db/sqlite.js';

describe('SQLite statements prepared once', () => {
  const database = () => {
    const raw = new BetterSqlite3(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    return withStatementCache(raw, 2);
  };

  it('hands out the same statement for the same SQL, and answers as a fresh one would', () => {
    const db = database();
    const first = db.prepare('select n from t where n > ?');
    const second = db.prepare('select n from t where n > ?');
    expect(second).toBe(first);
    expect(second.all(1)).toEqual([{ n: 2 }, { n: 3 }]);
    db.prepare('insert into t values (?)').run(4);
    expect(db.prepare('select count(*) as c from t').get()).toEqual({ c: 4 });
  });

  it('does not hand out a statement that is still iterating a result', () => {
    const db = database();
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql).iterate() as IterableIterator<{ n: number }>;
    const seen: number[] = [];
    for (const row of outer) {
      // The same SQL while the first is busy: a statement of its own, not an error.
      seen.push(row.n, (db.prepare(sql).all() as { n: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
  });

  it('keeps at most its size of statements, forgetting the longest unused', () => {
    const db = database();
    const a = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    // 'select 2' was the longest unused and is gone; 'select 1' stays.
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(db.prepare('select 3'));
    db.close();
  });
});
