import { readFileSync } from 'node:fs';
import { DeviceConfigSchema, type DeviceConfig } from '../../../shared/config/device-config';
import { formatIssues } from '../../../shared/validation/format-issues';
import { ConfigError } from './config-error';
import { demoDeviceConfig } from './demo-config';

export function parseDeviceConfig(text: string, fileName: string): DeviceConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`Config file ${fileName} is not valid JSON: ${detail}`);
  }
  const parsed = DeviceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error).map((issue) => `  - ${issue.path}: ${issue.message}`);
    throw new ConfigError(`Config file ${fileName} has ${lines.length} problem(s):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** No file means demo mode: a newcomer gets a working sample location without writing anything. */
export function loadDeviceConfig(path: string | undefined): DeviceConfig {
  if (path === undefined) return demoDeviceConfig;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new ConfigError(`Config file ${path} cannot be read: ${reason}.`);
  }
  return parseDeviceConfig(text, path);
}
