import type { Database, Statement } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log/logger';

/** Past this a statement is slow on a kiosk's disk; IT sees it in the device log. */
export const defaultSlowQueryMs = 100;

const timedMethods = new Set(['run', 'get', 'all']);
const chainingMethods = new Set(['pluck', 'expand', 'raw', 'bind', 'safeIntegers']);

/**
 * A statement's name in the log: its verb and the first table it names ("UPDATE outbox"), never its
 * values. Our statements bind every value as a parameter, so the text carries none; the name is
 * still cut down so a literal added one day cannot reach the log.
 */
export function statementName(sql: string): string {
  const words = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(WITH|SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|VACUUM|BEGIN|COMMIT|ROLLBACK)\b/i.exec(words)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(words)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * Times every statement the database runs and logs the ones over the threshold by name and
 * duration, so a device whose disk is failing or whose tables have grown shows up in IT's logs
 * before visitors notice (the approach of Signal Desktop's slow-query log). A burst of slow runs of
 * one statement logs the first and then every hundredth, with the count.
 */
export function logSlowQueries(db: Database, logger: Logger, thresholdMs = defaultSlowQueryMs): void {
  const log = logger.child({ area: 'slow-query' });
  const slowRuns = new Map<string, number>();
  const measure = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    try {
      return run();
    } finally {
      const ms = performance.now() - started;
      if (ms >= thresholdMs) {
        const runs = (slowRuns.get(name) ?? 0) + 1;
        slowRuns.set(name, runs);
        if (runs === 1 || runs % 100 === 0) log.warn('slow database statement', { statement: name, ms: Math.round(ms), slowRuns: runs });
      }
    }
  };
  const timed = (statement: Statement, name: string): Statement => {
    // Wrapped once per statement and method: the hot paths run the same statements on every call.
    const wrapped = new Map<string, unknown>();
    const proxy: Statement = new Proxy(statement, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string' || typeof value !== 'function') return value;
        const known = wrapped.get(key);
        if (known !== undefined) return known;
        const method = value as (...args: unknown[]) => unknown;
        const wrapper = timedMethods.has(key)
          ? (...args: unknown[]) => measure(name, () => method.apply(target, args))
          : chainingMethods.has(key)
            ? (...args: unknown[]) => (method.apply(target, args), proxy)
            : method.bind(target);
        wrapped.set(key, wrapper);
        return wrapper;
      },
    });
    return proxy;
  };
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  db.prepare = ((sql: string) => timed(prepare(sql), statementName(sql))) as Database['prepare'];
  db.exec = (sql: string) => measure(statementName(sql), () => exec(sql));
}
