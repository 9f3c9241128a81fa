import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { silentLogger } from '../../../electron/core/log/logger';
import { createOutbox } from '../../../electron/core/outbox/outbox';
import { createVoucherRequests } from '../../../electron/core/requests/voucher-requests';
import { createStoreModule } from '../../../electron/core/store/store-module';
import { tempDir } from '../../support/paths';
import { samplePack, voucherInput } from '../../support/voucher-input';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** The voucher requests of one device whose reference codes come from `draws`, in turn. */
function vouchersDrawing(draws: string[]) {
  const dataDir = tempDir('clash');
  const store = createStoreModule({ dataDir, keyProvider: createFileKeyProvider(join(dataDir, 'field-key')), logger: silentLogger });
  if (!store.device) throw new Error('the device store did not open');
  const device = store.device;
  closers.push(() => device.close());
  let i = 0;
  const vouchers = createVoucherRequests({
    db: device.db,
    cipher: device.cipher,
    outbox: createOutbox(device.db, device.cipher),
    config: demoDeviceConfig,
    content: samplePack,
    now: () => new Date('2026-11-20T10:00:00Z'),
    newReference: () => draws[Math.min(i++, draws.length - 1)] ?? '',
  });
  const count = (table: string): number => device.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { vouchers, count };
}

describe('a reference code that is taken already', () => {
  it('is drawn again: the second request gets the next free code, with its outbox and audit rows', () => {
    const { vouchers, count } = vouchersDrawing(['KMNP-QRTU', 'KMNP-QRTU', 'KMNP-QRTU', 'VWXY-3456']);
    expect(vouchers.start(voucherInput(1)).reference).toBe('KMNP-QRTU');
    expect(vouchers.start(voucherInput(2)).reference).toBe('VWXY-3456');
    expect([count('voucher_requests'), count('outbox'), count('audit')]).toEqual([2, 2, 2]);
  });

  it('gives up after 20 draws, storing nothing of the request', () => {
    const { vouchers, count } = vouchersDrawing(['KMNP-QRTU']);
    vouchers.start(voucherInput(1));
    expect(() => vouchers.start(voucherInput(2))).toThrow('no free reference code after 20 draws');
    expect([count('voucher_requests'), count('outbox'), count('audit')]).toEqual([1, 1, 1]);
  });
});
