import type { fleetExamples } from './fleet-examples';

type FleetExample = keyof ReturnType<typeof fleetExamples>;
type FleetComponent = 'ItSignIn' | 'ItSession' | 'FleetDeviceList' | 'FleetHeartbeatHistory' | 'FleetRollout';

/** The document's own helpers, passed in so the fleet paths look like the device paths. */
export interface PathHelpers {
  json(schema: FleetComponent, example: FleetExample): Record<string, unknown>;
  problem(description: string, example: FleetExample | 'invalidBody' | 'unauthorized'): Record<string, unknown>;
}

const slugQuery = (name: string, description: string, example: string) => ({ name, in: 'query', required: false, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }, example, description });

/** The paths only an IT account may use: signing in, and reading the fleet. */
export function fleetPaths({ json, problem }: PathHelpers) {
  const itSecurity = [{ itToken: [] }];
  const fleetRefusals = {
    '401': problem('The IT token is missing, unknown or expired.', 'unauthorized'),
    '403': problem('A device token was sent: the fleet is for IT accounts only.', 'itOnly'),
  };
  return {
    '/v1/it/sessions': {
      post: {
        operationId: 'signInIt',
        summary: 'An IT account signs in with its own username and password and gets an IT token (8 hours).',
        security: [],
        requestBody: { required: true, ...json('ItSignIn', 'itSignIn') },
        responses: {
          '201': { description: 'Signed in.', ...json('ItSession', 'itSession') },
          '401': problem('Unknown username or wrong password (the answer does not say which).', 'itRefused'),
          '422': problem('The body breaks the contract.', 'invalidBody'),
        },
      },
    },
    '/v1/fleet/devices': {
      get: {
        operationId: 'listFleetDevices',
        summary: 'Every enrolled device with its latest heartbeat, optionally filtered.',
        security: itSecurity,
        parameters: [
          slugQuery('region', 'Only devices in this labour-market region.', 'midden-utrecht'),
          slugQuery('location', 'Only devices of this location.', 'utrecht-centrum'),
          { name: 'state', in: 'query', required: false, schema: { type: 'string', enum: ['ok', 'degraded', 'failing', 'silent'] }, example: 'silent', description: 'Only devices in this health state.' },
        ],
        responses: { '200': { description: 'The devices, by location then role.', ...json('FleetDeviceList', 'fleetDevices') }, ...fleetRefusals, '422': problem('A filter is not valid.', 'invalidBody') },
      },
    },
    '/v1/fleet/devices/{deviceId}/heartbeats': {
      get: {
        operationId: 'getFleetDeviceHistory',
        summary: 'One device and its recent heartbeats, newest first (bounded: a day at the normal pace).',
        security: itSecurity,
        parameters: [{ name: 'deviceId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: '019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11' }],
        responses: { '200': { description: 'The history.', ...json('FleetHeartbeatHistory', 'fleetHistory') }, ...fleetRefusals, '404': problem('No device with this id.', 'deviceNotFound') },
      },
    },
    '/v1/fleet/rollout': {
      get: {
        operationId: 'getFleetRollout',
        summary: 'Per channel: the published version, its staging percentage, and shops updated, waiting and failed.',
        security: itSecurity,
        responses: { '200': { description: 'The rollout per channel.', ...json('FleetRollout', 'fleetRollout') }, ...fleetRefusals },
      },
    },
  };
}
