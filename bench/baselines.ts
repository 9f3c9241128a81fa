// What the machine can do without the app, measured in the same run as the row it stands beside:
// a bench row's ratio is only meaningful against a limit taken under the same load.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { ContentPack } from '../shared/content/pack-schema';
import { searchLanguages } from '../electron/core/search/build-search-index';
import { searchDocuments } from '../electron/core/search/search-documents';
import { repoRoot, tempDir } from '../tests/support/paths';

/**
 * A raw prepared insert of a row the size of a request, committed with the store's own pragmas
 * (WAL, synchronous=FULL, foreign keys, secure_delete): the cost of one durable commit.
 */
export function rawDurableInsert(): { insert(): void; close(): void } {
  const db = new Database(join(tempDir('bench-raw-insert'), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL, at TEXT NOT NULL)');
  const stmt = db.prepare('INSERT INTO t (key, payload, at) VALUES (?, ?, ?)');
  const payload = 'x'.repeat(900);
  let n = 0;
  const tx = db.transaction(() => stmt.run(`key-${n++}`, payload, new Date(0).toISOString()));
  return { insert: () => void tx.immediate(), close: () => db.close() };
}

/** A Node process of its own, started with `args`, that prints "listening at <url>": the URL and a stop. */
export async function spawnListening(args: readonly string[], cwd?: string): Promise<{ url: string; stop(): void }> {
  // BENCH_CPU_PROF=<dir> profiles the servers too (docs/performance.md); a server stopped by
  // SIGTERM that handles it (the simulator) writes its profile as it exits.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return {
    url,
    stop: () => {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    },
  };
}

const spawnScript = (script: string) => spawnListening(['-e', script]);

const listenScript = "server.listen(0, '127.0.0.1', () => console.log('listening at http://127.0.0.1:' + server.address().port));";

/**
 * `count` loopback POSTs of a request-sized body to a minimal Node server in a process of its own
 * (as the simulator runs in the drain row) that answers at once, `inFlight` at a time, with the
 * client the sync worker uses: node:http with one keep-alive agent of `inFlight` sockets.
 */
export async function rawLoopbackPosts(count: number, inFlight: number): Promise<number> {
  const server = await spawnScript(`
    const server = require('node:http').createServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"status":"accepted"}'); });
    });
    ${listenScript}
  `);
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    const { hostname, port } = new URL(server.url);
    const body = JSON.stringify({ reference: 'AB12-CD34', padding: 'x'.repeat(700) });
    const post = (key: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'Idempotency-Key': String(key) };
        const req = request({ agent, host: hostname, port, method: 'POST', path: '/v1/requests', headers }, (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (text ? resolve() : reject(new Error('empty answer'))));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    let next = 0;
    const t0 = performance.now();
    const lane = async (): Promise<void> => {
      while (next < count) await post(++next);
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
    return count / ((performance.now() - t0) / 1000);
  } finally {
    agent.destroy();
    server.stop();
  }
}

/**
 * The same documents put straight into the same FTS5 tables (one per language, same tokenizer and
 * prefix indexes) in one transaction, from an already parsed pack: the floor under any install.
 */
export function rawFtsBuild(pack: ContentPack): number {
  const t0 = performance.now();
  const db = new Database(join(tempDir('bench-raw-fts'), 'raw.sqlite'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const inserts = searchLanguages.map((lang) => {
    db.exec(`CREATE VIRTUAL TABLE fts_${lang} USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`);
    return { lang, stmt: db.prepare(`INSERT INTO fts_${lang} (rowid, title, body) VALUES (?, ?, ?)`) };
  });
  db.transaction(() => {
    searchDocuments(pack).forEach((doc, i) => {
      for (const { lang, stmt } of inserts) stmt.run(i + 1, doc.title(lang), doc.body(lang));
    });
  })();
  db.close();
  return performance.now() - t0;
}

/** A Node process that serves one static page, started and opened in the same running Chromium: the floor under a cold start. */
export async function bareChromiumStart(browser: Browser): Promise<number> {
  const t0 = performance.now();
  const server = await spawnScript(`
    const html = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Welkom</title></head><body><h1>Welkom</h1></body></html>';
    const server = require('node:http').createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html); });
    ${listenScript}
  `);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const ms = performance.now() - t0;
    await page.close();
    return ms;
  } finally {
    server.stop();
  }
}

/**
 * A page with React and nothing else: two screens, each a title and a button that switches to the
 * other with a state change. Tapping it is the floor under any screen switch of the kiosk.
 */
export async function emptyReactPage(): Promise<string> {
  const { build } = await import('esbuild');
  const app = `
    import { createElement as h, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    function App() {
      const [screen, setScreen] = useState(0);
      return h('main', null,
        h('h1', { id: 'screen-title' }, 'Scherm ' + screen),
        h('button', { type: 'button', 'data-testid': 'next', onClick: () => setScreen((s) => s + 1) }, 'Verder'));
    }
    createRoot(document.getElementById('root')).render(h(App));
  `;
  const out = await build({ stdin: { contents: app, resolveDir: repoRoot, loader: 'js' }, bundle: true, write: false, format: 'iife', minify: true, define: { 'process.env.NODE_ENV': '"production"' } });
  const script = out.outputFiles[0]?.text ?? '';
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leeg</title></head><body><div id="root"></div><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`;
}
