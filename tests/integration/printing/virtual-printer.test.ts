import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { virtualPrintFile } from '../../../electron/core/printing/virtual-printer';
import { resourcesDir, tempDir } from '../../support/paths';
import { decodeEscPos, splitReceipts } from '../../support/printer-emulator/decode-escpos';
import { dutchProvider, kioskConfig, voucherReceipt, startPrinting } from '../../support/printing-fixtures';

describe('the virtual printer of demo mode', () => {
  it('writes the raw ESC/POS bytes to the data dir, which decode to the same receipt a real printer would print', async () => {
    const dataDir = tempDir('virtual');
    const printing = startPrinting({ config: kioskConfig({ type: 'virtual', paperWidthMm: 58 }), dataDir, logger: silentLogger });
    try {
      const job = printing.enqueue(voucherReceipt());
      await printing.drain();
      expect(printing.job(job.id).state).toBe('printed');
      expect(readdirSync(dataDir).filter((f) => f.startsWith('printed-'))).toEqual([`printed-${job.id}.escpos`]);
      const [receipt, ...more] = splitReceipts(decodeEscPos(readFileSync(virtualPrintFile(dataDir, job.id)), 'epson'));
      expect(more).toEqual([]);
      expect(receipt?.cuts).toBe(1);
      expect(receipt?.qrCodes).toEqual(['K7QD-M3XA']);
      expect(receipt?.lines.map((l) => l.text).join(' ')).toContain(dutchProvider);
    } finally {
      await printing.close();
    }
  });

  it('gives the UI a self-contained HTML preview with the code, the QR as SVG and escaped text', async () => {
    const printing = startPrinting({ config: kioskConfig({ type: 'virtual' }, 'Straat <b>1</b> & zo'), dataDir: tempDir('virtual'), logger: silentLogger });
    try {
      const job = printing.enqueue(voucherReceipt('en'));
      const html = await printing.preview(job.id);
      expect(html).toContain('K7QD-M3XA');
      expect(html).toContain('Your code');
      expect(html).toMatch(/<svg[^>]*>/);
      expect(html).toContain('Straat &lt;b&gt;1&lt;/b&gt; &amp; zo');
      expect(html).not.toMatch(/<script|src=|href=/i);
      expect(html).toContain('width:48ch');
    } finally {
      await printing.close();
    }
  });

  it('answers print.preview over the bridge in demo mode, and print.recent not on a kiosk', async () => {
    const core = createCore({ config: demoDeviceConfig, appVersion: 'test', resourcesDir, dataDir: tempDir('core'), shell: 'browser', logger: silentLogger });
    try {
      // A kiosk lists nobody's receipts: print.recent is for staff signed in at the counter.
      expect(await core.dispatch('print.recent', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await core.dispatch('printer.status', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: true, result: { kind: 'virtual', state: 'ready', pendingJobs: 0 } });
      expect(await core.dispatch('print.preview', { jobId: 'not-a-uuid' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      await core.close();
    }
  });
});
