import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../outbox/audit';
import type { HubClient } from './hub-client';

/**
 * Where a kiosk that has never heard from its hub starts its numbers on a day: far above any
 * series a location reaches in a day, so a replaced kiosk (fresh data dir) that cannot ask the hub
 * does not hand out the numbers its predecessor gave out this morning.
 */
export const unconfirmedSeriesStart = 5000;

/** How long taking the day's first ticket may wait for the hub's answer before the kiosk numbers on its own. */
export const numberingWaitMs = 2000;

interface LinkRow {
  install_id: string;
  confirmed_day: string | null;
  confirmed_seq: number | null;
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The kiosk's side of numbering with its hub: its installation id (made once per data dir; a
 * replaced kiosk is a new installation) and the hub's last confirmation of its ticket series.
 */
export function createHubNumbering(db: Database) {
  const read = db.prepare<[], LinkRow>('SELECT install_id, confirmed_day, confirmed_seq FROM hub_link WHERE only_row = 1');
  const create = db.prepare('INSERT INTO hub_link (only_row, install_id) VALUES (1, ?) ON CONFLICT (only_row) DO NOTHING');
  const confirm = db.prepare(
    `UPDATE hub_link SET confirmed_seq = CASE WHEN confirmed_day = @day THEN max(confirmed_seq, @seq) ELSE @seq END, confirmed_day = @day WHERE only_row = 1`,
  );
  if (!read.get()) create.run(Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join(''));
  const row = (): LinkRow => read.get() as LinkRow;

  return {
    installId: (): string => row().install_id,
    /**
     * The ticket seq this kiosk numbers after on `day`, at least: what the hub confirmed for the
     * day; for an installation the hub never answered, the unconfirmed series; otherwise 0.
     */
    floor(day: string): number {
      const r = row();
      if (r.confirmed_day === day) return r.confirmed_seq ?? 0;
      return r.confirmed_day === null ? unconfirmedSeriesStart : 0;
    },
    /** Asks the hub once a day before the first ticket (bounded wait); without an answer the kiosk keeps its floor. */
    async confirm(client: Pick<HubClient, 'numbering'>, day: string): Promise<void> {
      if (row().confirmed_day === day) return;
      const answer = await client.numbering(day, numberingWaitMs);
      if (answer) confirm.run({ day, seq: answer.lastSeq });
    },
    /** The hub took one of this kiosk's tickets under another number: the kiosk's next numbers go after it. */
    renumbered(ticketId: string, printed: string, number: string, day: string, at: Date): void {
      db.transaction(() => {
        confirm.run({ day, seq: Number(number.replace(/^[A-Z]+/, '')) });
        appendAudit(db, at, { action: 'ticket.renumbered-by-hub', aggregateType: 'ticket', aggregateId: ticketId, detail: { printed, number } });
      }).immediate();
    },
  };
}

export type HubNumberingStore = ReturnType<typeof createHubNumbering>;
