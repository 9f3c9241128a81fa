import { z } from 'zod';
import { Accepted, EnrollmentRequest, EnrollmentResponse, Health, Heartbeat, Problem, UsageStatistics } from './devices';
import { packSignatureHeader } from '../content/pack-signature';
import { examples } from './examples';
import { appointmentComponentSchemas, appointmentExamples, appointmentPaths } from './openapi-appointments';
import { FleetDeviceList, FleetHeartbeatHistory, FleetRollout, ItSession, ItSignIn } from './fleet';
import { fleetPaths } from './fleet-paths';
import { QueueTicketReceipt, QueueTicketRecord, VoucherRequestCompletion, VoucherRequestCompletionReceipt, VoucherRequestReceipt, VoucherRequestState, VoucherRequestSubmission } from './voucher-requests';

/** The zod schema behind every named component: the document is generated from these, never edited by hand. */
export const componentSchemas = {
  Health,
  EnrollmentRequest,
  EnrollmentResponse,
  VoucherRequestSubmission,
  VoucherRequestReceipt,
  VoucherRequestState,
  QueueTicketRecord,
  QueueTicketReceipt,
  VoucherRequestCompletion,
  VoucherRequestCompletionReceipt,
  Heartbeat,
  UsageStatistics,
  Accepted,
  Problem,
  ...appointmentComponentSchemas,
  ItSignIn,
  ItSession,
  FleetDeviceList,
  FleetHeartbeatHistory,
  FleetRollout,
} satisfies Record<string, z.ZodType>;
export type ComponentName = keyof typeof componentSchemas;
const allExamples = { ...examples, ...appointmentExamples };
type ExampleName = keyof typeof allExamples;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: ComponentName, example: ExampleName, type = 'application/json') => ({ content: { [type]: { schema: ref(schema), example: allExamples[example] } } });
const problem = (description: string, example: ExampleName) => ({ description, ...json('Problem', example, 'application/problem+json') });

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'A unique key per request (a UUIDv7 as a Structured Field string). Retries send the same key and body.',
  schema: { type: 'string', maxLength: 257 },
  example: '"019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11"',
};
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } } };

/** Responses every idempotent POST shares, per draft-ietf-httpapi-idempotency-key-header. */
const idempotentResponses = {
  '400': problem('The Idempotency-Key header is missing.', 'missingKey'),
  '401': problem('The device token is missing, unknown or revoked.', 'unauthorized'),
  '409': problem('A request with this key is still being processed; retry later.', 'keyInFlight'),
  '422': {
    description: 'The key was used before with a different body, or the body breaks the contract (see `type`).',
    content: { 'application/problem+json': { schema: ref('Problem'), examples: { keyReused: { value: examples.keyReused }, invalidBody: { value: examples.invalidBody } } } },
  },
  '503': { ...problem('The API is busy or down; honour Retry-After.', 'unavailable'), headers: retryAfter },
};

const bearer = [{ deviceToken: [] }];

/** A POST that creates something: it needs an Idempotency-Key, and a repeat gets the stored 201. */
function idempotentPost(operationId: string, summary: string, request: [ComponentName, ExampleName], receipt: [ComponentName, ExampleName]) {
  return {
    operationId,
    summary,
    parameters: [idempotencyKey],
    requestBody: { required: true, ...json(...request) },
    responses: { '201': { description: 'Stored (for a repeated key: the stored response).', ...json(...receipt) }, ...idempotentResponses },
  };
}

/** A device reporting something (heartbeat, statistics): accepted as a whole or refused with the fields named. */
function reportOperation(operationId: string, summary: string, schema: ComponentName, example: ExampleName) {
  return {
    operationId,
    summary,
    requestBody: { required: true, ...json(schema, example) },
    responses: {
      '202': { description: 'Accepted.', ...json('Accepted', 'accepted') },
      '401': problem('The device token is missing, unknown or revoked.', 'unauthorized'),
      '422': problem('The body breaks the contract.', 'invalidBody'),
    },
  };
}

/** Statistics with an Idempotency-Key (the device's outbox always sends one): a resent day counts once. */
function statisticsOperation() {
  const report = reportOperation('sendUsageStatistics', 'Anonymous usage counts per service and outcome; unknown fields are refused, so nothing personal slips in.', 'UsageStatistics', 'statistics');
  return {
    ...report,
    parameters: [{ ...idempotencyKey, required: false, description: `${idempotencyKey.description} Optional here; with it, a repeated report is recorded once and gets the stored 202.` }],
    responses: { ...report.responses, '409': idempotentResponses['409'], '422': idempotentResponses['422'], '503': idempotentResponses['503'] },
  };
}

function componentJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loopbaanwinkel central API',
      version: '1.0.0',
      description:
        'The API kiosks and counter desks talk to. This project owns the contract (the real API belongs to the ministry); shared/central-api/ holds the zod schemas it is generated from and electron/central-sim/ implements it. Every POST that creates something requires an Idempotency-Key; a repeated key returns the stored response.',
    },
    servers: [{ url: 'https://api.loopbaanwinkel.example' }],
    security: bearer,
    paths: {
      '/v1/health': {
        get: { operationId: 'health', summary: 'Cheap reachability probe.', security: [], responses: { '200': { description: 'The API is up.', ...json('Health', 'health') } } },
      },
      '/v1/devices/enroll': {
        post: {
          operationId: 'enrollDevice',
          summary: 'Exchange a one-time enrollment code for a device token.',
          security: [],
          requestBody: { required: true, ...json('EnrollmentRequest', 'enrollmentRequest') },
          responses: {
            '201': { description: 'Enrolled.', ...json('EnrollmentResponse', 'enrollmentResponse') },
            '403': problem('The code is unknown or was already used.', 'enrollmentRefused'),
            '422': problem('The body breaks the contract.', 'invalidBody'),
          },
        },
      },
      '/v1/voucher-requests': {
        post: idempotentPost('submitVoucherRequest', 'Submit a voucher request a visitor started.', ['VoucherRequestSubmission', 'voucherRequest'], ['VoucherRequestReceipt', 'voucherReceipt']),
      },
      '/v1/voucher-requests/{reference}': {
        get: {
          operationId: 'getVoucherRequestStatus',
          summary: 'Where a voucher request stands.',
          parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}$' }, example: 'K7QD-M3XA' }],
          responses: {
            '200': { description: 'The status.', ...json('VoucherRequestState', 'voucherState') },
            '401': problem('The device token is missing, unknown or revoked.', 'unauthorized'),
            '404': problem('No request with this reference.', 'notFound'),
          },
        },
      },
      '/v1/queue-tickets': {
        post: idempotentPost('recordQueueTicket', 'Record (anonymously) that a queue ticket was taken.', ['QueueTicketRecord', 'ticket'], ['QueueTicketReceipt', 'ticketReceipt']),
      },
      '/v1/voucher-request-completions': {
        post: idempotentPost('completeVoucherRequest', 'Staff at the counter checked the identity document and typed the BSN of a request sent earlier (by reference).', ['VoucherRequestCompletion', 'completion'], ['VoucherRequestCompletionReceipt', 'completionReceipt']),
      },
      '/v1/content-pack': {
        get: {
          operationId: 'downloadContentPack',
          summary: 'The current content pack for this device; conditional on its ETag, resumable with Range + If-Range.',
          parameters: [
            { name: 'region', in: 'query', required: false, schema: { type: 'string' }, example: 'midden-utrecht', description: 'The device\'s labour-market region, for a regional pack.' },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, example: '"sha256-3q2-7w"' },
            { name: 'Range', in: 'header', required: false, schema: { type: 'string' }, example: 'bytes=4096-', description: 'Resume a cut-off download from this byte.' },
            { name: 'If-Range', in: 'header', required: false, schema: { type: 'string' }, example: '"sha256-3q2-7w"', description: 'Only resume when the pack is still this one; otherwise the whole pack comes back (200).' },
          ],
          responses: {
            '200': {
              description: 'The pack file (pack.json), byte for byte.',
              headers: {
                ETag: { description: 'The pack\'s strong validator.', schema: { type: 'string' } },
                [packSignatureHeader]: { description: 'Base64 of the pack\'s signature file (pack.sig): Ed25519 over the exact body bytes.', schema: { type: 'string' } },
              },
              content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
            },
            '206': {
              description: 'The rest of the pack from the requested byte, when If-Range still matches.',
              headers: {
                'Content-Range': { schema: { type: 'string' }, example: 'bytes 4096-120089/120090' },
                [packSignatureHeader]: { description: 'As for 200.', schema: { type: 'string' } },
              },
              content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
            },
            '304': { description: 'The device already has this pack.' },
            '401': problem('The device token is missing, unknown or revoked.', 'unauthorized'),
            '404': problem('No pack is published.', 'notFound'),
          },
        },
      },
      '/v1/devices/heartbeat': { post: reportOperation('sendHeartbeat', 'Version, health and queue depth, for the fleet view.', 'Heartbeat', 'heartbeat') },
      '/v1/statistics': { post: statisticsOperation() },
      ...appointmentPaths({ json, problem, idempotencyKey, unauthorized: problem('The device token is missing, unknown or revoked.', 'unauthorized') }),
      ...fleetPaths({ json, problem }),
    },
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'The token from /v1/devices/enroll.' },
        itToken: { type: 'http', scheme: 'bearer', description: 'The token from /v1/it/sessions: IT accounts only, refused on device paths.' },
      },
      schemas: Object.fromEntries(Object.entries(componentSchemas).map(([name, schema]) => [name, componentJsonSchema(schema)])),
    },
  };
}
