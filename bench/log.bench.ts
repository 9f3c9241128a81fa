import { createLogger } from '../electron/core/log/logger';
import { createRotatingFileSink } from '../electron/core/log/rotating-file-sink';
import { tempDir } from '../tests/support/paths';
import { timeIt, type Benchmark } from './harness';

const fields = { channel: 'voucher.start', transport: 'ipc', error: 'connection failed (ECONNRESET) for https://api.example.nl/v1/voucher-requests', attempt: 3 };

export const benchmarks: Benchmark[] = [
  {
    name: 'device log',
    async run() {
      const discard = createLogger(() => undefined);
      const sink = createRotatingFileSink({ dir: tempDir('bench-log'), maxBytes: 1024 * 1024, maxFiles: 3 });
      const toFile = createLogger(sink.write);
      try {
        const redactOnly = await timeIt('log line, redacted, no sink (baseline)', async () => discard.warn('sync attempt failed', fields), 20_000);
        const file = await timeIt('log line, redacted, synchronous rotated file', async () => toFile.warn('sync attempt failed', fields), 20_000);
        file.ratio = `${((file.p50 ?? 0) / (redactOnly.p50 ?? 1)).toFixed(1)}x baseline`;
        return [redactOnly, file];
      } finally {
        sink.close();
      }
    },
  },
];
