/** Start-up stops with this: its message is written for the IT person who edits the file. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
