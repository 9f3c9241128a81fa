import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemTypes, type Problem } from '../../shared/central-api/devices';
import { FleetDeviceQuery, ItSignIn } from '../../shared/central-api/fleet';
import { formatIssues } from '../../shared/validation/format-issues';
import { channelRollouts } from './fleet-rollout';
import { silentAfterSeconds, type FleetStore } from './fleet-store';

/** What the fleet routes borrow from the server, so they answer exactly as every other route does. */
export interface FleetRouteIo {
  send(res: ServerResponse, status: number, body: unknown): void;
  readJson(req: IncomingMessage): Promise<unknown>;
  fail(problem: Problem): never;
  now(): Date;
  deviceFor(token: string): string | null;
  updateDir(): string | undefined;
}

export const bearerToken = (req: IncomingMessage): string | null => /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

const invalid = (issues: Problem['errors']): Problem => ({ type: problemTypes.invalidBody, title: 'The request does not match the contract.', status: 422, errors: issues });

/** Handles /v1/it/* and /v1/fleet/*; false for every other path. */
export async function fleetRoute(req: IncomingMessage, res: ServerResponse, fleet: FleetStore, io: FleetRouteIo): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (!path.startsWith('/v1/it/') && !path.startsWith('/v1/fleet/')) return false;

  if (method === 'POST' && path === '/v1/it/sessions') {
    const parsed = ItSignIn.safeParse(await io.readJson(req));
    if (!parsed.success) return (io.send(res, 422, invalid(formatIssues(parsed.error))), true);
    const session = fleet.signIn(parsed.data.username, parsed.data.password, io.now());
    if (!session) io.fail({ type: problemTypes.unauthorized, title: 'This username and password do not match an IT account.', status: 401 });
    return (io.send(res, 201, session), true);
  }

  const token = bearerToken(req);
  if (token && io.deviceFor(token)) io.fail({ type: problemTypes.forbidden, title: 'The fleet is for IT accounts; a device token cannot read it.', status: 403 });
  if (!token || !fleet.itUserFor(token, io.now())) io.fail({ type: problemTypes.unauthorized, title: 'The IT token is missing, unknown or expired.', status: 401 });
  if (method !== 'GET') io.fail({ type: problemTypes.notFound, title: `No such operation: ${method} ${path.slice(0, 80)}`, status: 404 });

  if (path === '/v1/fleet/devices') {
    const parsed = FleetDeviceQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) return (io.send(res, 422, invalid(formatIssues(parsed.error))), true);
    const now = io.now();
    return (io.send(res, 200, { asOf: now.toISOString(), silentAfterSeconds, devices: fleet.devices(parsed.data, now) }), true);
  }
  const historyMatch = /^\/v1\/fleet\/devices\/([0-9a-f-]{36})\/heartbeats$/.exec(path);
  if (historyMatch?.[1]) {
    const history = fleet.history(historyMatch[1], io.now());
    if (!history) io.fail({ type: problemTypes.notFound, title: 'There is no device with this id.', status: 404 });
    return (io.send(res, 200, history), true);
  }
  if (path === '/v1/fleet/rollout') {
    const now = io.now();
    return (io.send(res, 200, { asOf: now.toISOString(), channels: channelRollouts(io.updateDir(), fleet.devices({}, now)) }), true);
  }
  return io.fail({ type: problemTypes.notFound, title: `No such operation: ${method} ${path.slice(0, 80)}`, status: 404 });
}
