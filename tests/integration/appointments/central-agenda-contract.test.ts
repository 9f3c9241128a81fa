import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { buildOpenApiDocument, componentSchemas, type ComponentName } from '../../../shared/central-api/openapi';
import { appointmentExamples } from '../../../shared/central-api/openapi-appointments';
import { resourcesDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';

let sim: RunningSim | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

type Documented = Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>;

describe('the simulator\'s agenda against the OpenAPI document', () => {
  it('answers every agenda operation with a documented status and a body its schema accepts, refusals included', async () => {
    sim = await startSim({ contentPackFile: join(resourcesDir, 'content', 'sample', 'pack.json'), now: () => new Date('2027-01-11T08:00:00.000Z'), outpostPlaces: 1 });
    const enrolled = await fetch(`${sim.url}/v1/devices/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enrollmentCode: sim.issueEnrollmentCode(), locationId: 'zwolle-buurthuis-holtenbroek', role: 'kiosk', appVersion: '1.0.0' }) });
    const { deviceToken } = (await enrolled.json()) as { deviceToken: string };
    const auth = { Authorization: `Bearer ${deviceToken}`, 'Content-Type': 'application/json' };
    const doc = buildOpenApiDocument();
    const calls: Array<[string, 'get' | 'post', string, RequestInit, number]> = [
      ['/v1/locations/{locationId}/appointment-slots', 'get', '/v1/locations/zwolle-centrum/appointment-slots?topic=eerste-gesprek&days=2', {}, 200],
      ['/v1/locations/{locationId}/appointment-slots', 'get', '/v1/locations/atlantis/appointment-slots?topic=eerste-gesprek', {}, 404],
      ['/v1/locations/{locationId}/appointments', 'post', '/v1/locations/zwolle-centrum/appointments', { headers: { 'Idempotency-Key': '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11"' }, body: JSON.stringify(appointmentExamples.appointmentBooking) }, 201],
      ['/v1/locations/{locationId}/appointments', 'post', '/v1/locations/zwolle-centrum/appointments', { headers: { 'Idempotency-Key': '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a12"' }, body: JSON.stringify(appointmentExamples.appointmentBooking) }, 200],
      ['/v1/locations/{locationId}/appointments', 'post', '/v1/locations/zwolle-centrum/appointments', { headers: { 'Idempotency-Key': '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a13"' }, body: JSON.stringify({ ...appointmentExamples.appointmentBooking, start: '2027-01-10T10:30:00+01:00' }) }, 422],
      ['/v1/locations/{locationId}/appointments', 'post', '/v1/locations/zwolle-centrum/appointments', { body: JSON.stringify(appointmentExamples.appointmentBooking) }, 400],
      ['/v1/locations/{locationId}/appointments/{code}/cancellation', 'post', '/v1/locations/zwolle-centrum/appointments/K7QD-M3XA/cancellation', { body: '{}' }, 404],
      ['/v1/locations/{locationId}/sessions', 'get', '/v1/locations/zwolle-centrum/sessions?audience=region', {}, 200],
      ['/v1/sessions/{sessionId}/seats', 'post', '/v1/sessions/zwolle-voucher-avond-2027-01/seats', { headers: { 'Idempotency-Key': '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a14"' }, body: JSON.stringify(appointmentExamples.seatBooking) }, 201],
      ['/v1/sessions/{sessionId}/seats', 'post', '/v1/sessions/utrecht-cv-workshop-2027-02/seats', { headers: { 'Idempotency-Key': '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a15"' }, body: JSON.stringify(appointmentExamples.seatBooking) }, 409],
    ];
    for (const [path, method, url, init, expected] of calls) {
      const res = await fetch(sim.url + url, { method: method.toUpperCase(), ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
      expect(res.status, `${method} ${url}`).toBe(expected);
      const documented = (doc.paths as unknown as Record<string, Documented>)[path]?.[method]?.responses[String(res.status)];
      expect(documented, `${method} ${url} answered ${res.status}`).toBeDefined();
      const [type, media] = Object.entries(documented?.content ?? {})[0] ?? [];
      expect(res.headers.get('content-type')).toBe(type);
      const schema = componentSchemas[media?.schema.$ref.replace('#/components/schemas/', '') as ComponentName];
      expect(schema.safeParse(await res.json()).success, `${method} ${url}`).toBe(true);
    }
    const noToken = await fetch(`${sim.url}/v1/locations/zwolle-centrum/appointment-slots?topic=eerste-gesprek`);
    expect(noToken.status).toBe(401);
  });
});
