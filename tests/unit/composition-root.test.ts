import { describe, expect, it } from 'vitest';
import { createComposition } from '../../electron/core/composition/composition-root';
import { createLogger } from '../../electron/core/log/logger';

const quiet = createLogger(() => undefined);

describe('the composition root', () => {
  it('starts modules in the order they were added and closes them in reverse, even when one fails to close', async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const root = createComposition(createLogger((line) => lines.push(line)));
    for (const name of ['store', 'outbox', 'sync']) {
      root.add({
        name,
        start: () => void events.push(`start ${name}`),
        close: () => {
          events.push(`close ${name}`);
          if (name === 'outbox') throw new Error('disk gone');
        },
      });
    }
    root.start();
    await root.close();
    expect(events).toEqual(['start store', 'start outbox', 'start sync', 'close sync', 'close outbox', 'close store']);
    expect(lines.join('\n')).toContain('outbox');
    // Closing twice (a signal during shutdown) closes nothing twice.
    await root.close();
    expect(events).toHaveLength(6);
  });

  it('refuses a channel answered by two modules, naming both', () => {
    const root = createComposition(quiet);
    root.add({ name: 'tickets', handlers: { 'ticket.take': () => ({ number: 'A001', topic: 't', expectedWaitMinutes: null, createdAt: '', printJobId: null }) } });
    expect(() => root.add({ name: 'desk', handlers: { 'ticket.take': () => ({ number: 'B001', topic: 't', expectedWaitMinutes: null, createdAt: '', printJobId: null }) } })).toThrow(
      /ticket\.take is answered by both tickets and desk/,
    );
  });

  it('stops the modules already built when one fails to start, so no timer outlives a core that never ran', async () => {
    const events: string[] = [];
    const root = createComposition(quiet);
    root.add({ name: 'store', close: () => void events.push('close store') });
    root.add({
      name: 'hub',
      start: () => {
        throw new Error('port in use');
      },
    });
    expect(() => root.start()).toThrow('port in use');
    await root.close();
    expect(events).toEqual(['close store']);
  });

  it('answers every channel of the contract: the modules\' own handlers, and the fallback for the rest', async () => {
    const root = createComposition(quiet);
    root.add({ name: 'app', handlers: { 'app.reportError': () => ({ logged: true as const }) } });
    const fallbackFor: string[] = [];
    const handlers = root.handlers((channel) => {
      fallbackFor.push(channel);
      return () => {
        throw new Error(`${channel} not here`);
      };
    });
    expect(await handlers['app.reportError']({ screen: 's', message: 'm' }, { transport: 'test', client: 'test' })).toEqual({ logged: true });
    expect(fallbackFor).toContain('ticket.take');
    expect(fallbackFor).not.toContain('app.reportError');
  });
});
