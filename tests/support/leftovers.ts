import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A personal value to look for on disk, with a name for the failure message. */
export interface Secret {
  what: string;
  value: string;
}

/**
 * Every secret found in the raw bytes of every file under `dir` (the database, its -wal and -shm,
 * the log files, the key, print jobs, the content folder), as "file: what". Sealed values are
 * looked for by a slice from their middle, so a partial copy in a freed page counts too.
 */
export function leftovers(dir: string, secrets: readonly Secret[]): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
  const found: string[] = [];
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    for (const s of secrets) if (bytes.includes(Buffer.from(s.value))) found.push(`${f}: ${s.what}`);
  }
  return found;
}

/** The plaintext of a visitor's contact details and (optionally) BSN. */
export function plainSecrets(contact: { name: string; email?: string; phone?: string }, bsn?: string): Secret[] {
  return [
    { what: 'name', value: contact.name },
    ...(contact.email ? [{ what: 'e-mail', value: contact.email }] : []),
    ...(contact.phone ? [{ what: 'phone', value: contact.phone }] : []),
    ...(bsn ? [{ what: 'BSN', value: bsn }] : []),
  ];
}

/** The sealed blobs a database holds for one request (its contact, its BSN, its outbox payloads), read while they are there. */
export function sealedSecrets(file: string, requestId: string): Secret[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const request = db.prepare('SELECT contact, bsn FROM voucher_requests WHERE id = ?').get(requestId) as { contact: string | null; bsn: string | null } | undefined;
    const payloads = db.prepare('SELECT kind, payload FROM outbox WHERE aggregate_id = ? AND payload IS NOT NULL').all(requestId) as { kind: string; payload: string }[];
    const blobs = [
      { what: 'sealed contact', value: request?.contact ?? null },
      { what: 'sealed BSN', value: request?.bsn ?? null },
      ...payloads.map((p) => ({ what: `sealed ${p.kind} payload`, value: p.payload })),
    ];
    return blobs.filter((b): b is Secret => b.value !== null).map((b) => ({ what: b.what, value: b.value.slice(Math.floor(b.value.length / 2) - 20, Math.floor(b.value.length / 2) + 20) }));
  } finally {
    db.close();
  }
}
