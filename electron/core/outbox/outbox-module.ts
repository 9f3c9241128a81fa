import type { Capability } from '../composition/capability';
import type { DeviceStore } from '../store/open-device-store';
import { createOutbox, type Outbox } from './outbox';

export interface OutboxModule extends Capability {
  readonly outbox: Outbox;
}

/** The transactional outbox: the only writer of the outbox table. */
export function createOutboxModule(deps: { store: DeviceStore }): OutboxModule {
  return { name: 'outbox', outbox: createOutbox(deps.store.db, deps.store.cipher) };
}
