/**
 * The staff table, added to the store's forward-only migrations. Only the scrypt hash of a PIN
 * is stored; failures and the lock end survive a restart, so pulling the plug does not reset a
 * lockout.
 */
export const staffTableSql = `
  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff', 'location-manager', 'it')),
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at TEXT NOT NULL
  ) STRICT;
`;
