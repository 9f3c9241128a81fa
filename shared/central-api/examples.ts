import type { z } from 'zod';
import type { Accepted, EnrollmentRequest, EnrollmentResponse, Health, Heartbeat, Problem, UsageStatistics } from './devices';
import { problemTypes } from './devices';
import { fleetExamples } from './fleet-examples';
import type { QueueTicketReceipt, QueueTicketRecord, VoucherRequestCompletion, VoucherRequestCompletionReceipt, VoucherRequestReceipt, VoucherRequestState, VoucherRequestSubmission } from './voucher-requests';

/** One example per body in the OpenAPI document; the agreement test parses each with its schema. Made-up people only. */
const deviceExamples = {
  health: { status: 'ok', time: '2026-11-24T08:00:00.000Z' } satisfies z.input<typeof Health>,
  enrollmentRequest: { enrollmentCode: '7KQ2-MX4D-9PTA', locationId: 'utrecht-centrum', role: 'kiosk', appVersion: '0.1.0' } satisfies z.input<typeof EnrollmentRequest>,
  enrollmentResponse: {
    deviceId: '019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11',
    deviceToken: 'dGhpcy1pcy1hbi1leGFtcGxlLXRva2VuLW5vdC1hLXJlYWwtb25l',
    enrolledAt: '2026-11-24T08:00:00.000Z',
  } satisfies z.input<typeof EnrollmentResponse>,
  voucherRequest: {
    reference: 'K7QD-M3XA',
    locationId: 'utrecht-centrum',
    region: 'midden-utrecht',
    trajectory: 'loopbaan-apk',
    providerId: 'loopbaanpraktijk-de-brug',
    contact: { name: 'Sanne de Voorbeeld', email: 'sanne@voorbeeld.nl' },
    consent: { purpose: 'voucher-request', at: '2026-11-24T09:12:00+01:00' },
    eligibility: { outcome: 'eligible', reasonCodes: [], provisional: true, ruleSetVersion: '2026.11.0-sample' },
    language: 'nl',
    startedAt: '2026-11-24T08:12:30.000Z',
  } satisfies z.input<typeof VoucherRequestSubmission>,
  voucherReceipt: {
    requestId: '019ab5c3-0d4e-7a10-8b2c-3e4f5a6b7c8d',
    reference: 'K7QD-M3XA',
    status: 'received',
    receivedAt: '2026-11-24T08:12:31.000Z',
  } satisfies z.input<typeof VoucherRequestReceipt>,
  voucherState: { reference: 'K7QD-M3XA', status: 'in-review', receivedAt: '2026-11-24T08:12:31.000Z', updatedAt: '2026-11-25T10:00:00.000Z' } satisfies z.input<
    typeof VoucherRequestState
  >,
  ticket: { number: 'A017', topic: 'voucher-help', locationId: 'utrecht-centrum', serviceDay: '2026-11-24', takenAt: '2026-11-24T08:20:00.000Z' } satisfies z.input<typeof QueueTicketRecord>,
  ticketReceipt: { ticketId: '019ab5c4-1a2b-7c3d-9e4f-5a6b7c8d9e0f', receivedAt: '2026-11-24T08:20:01.000Z' } satisfies z.input<typeof QueueTicketReceipt>,
  // A synthetic BSN that passes the elfproef; never a real person's number.
  completion: { reference: 'K7QD-M3XA', locationId: 'utrecht-centrum', identityDocument: 'identity-card', bsn: '111222333', completedAt: '2026-11-24T08:31:00.000Z' } satisfies z.input<typeof VoucherRequestCompletion>,
  completionReceipt: { reference: 'K7QD-M3XA', receivedAt: '2026-11-24T08:31:01.000Z' } satisfies z.input<typeof VoucherRequestCompletionReceipt>,
  heartbeat: {
    appVersion: '0.1.0',
    contentVersion: '2026.11.0',
    health: 'ok',
    queueDepth: 2,
    needsAttention: 0,
    oldestPendingAgeSeconds: 41,
    update: { currentVersion: '0.1.0', channel: 'stable', rolloutPosition: 37, lastCheckedAt: '2026-11-24T06:00:00.000Z', state: { phase: 'ready', version: '0.2.0', waitingFor: 'outside-window' } },
    printer: { kind: 'tcp', state: 'ready', paperLow: false, reportsPaper: true, checkedAt: '2026-11-24T08:29:58.000Z', pendingJobs: 0, failedJobs: 0 },
    diskFreeBytes: 48_000_000_000,
    at: '2026-11-24T08:30:00.000Z',
  } satisfies z.input<typeof Heartbeat>,
  statistics: {
    locationId: 'utrecht-centrum',
    from: '2026-11-24T00:00:00.000Z',
    to: '2026-11-25T00:00:00.000Z',
    counts: [
      { metric: 'voucher-started', dimension: 'loopbaan-apk', value: '<5' },
      { metric: 'ticket-taken', value: 23 },
    ],
  } satisfies z.input<typeof UsageStatistics>,
  accepted: { receivedAt: '2026-11-24T08:30:01.000Z' } satisfies z.input<typeof Accepted>,
  missingKey: { type: problemTypes.missingKey, title: 'This operation needs an Idempotency-Key header.', status: 400 } satisfies z.input<typeof Problem>,
  unauthorized: { type: problemTypes.unauthorized, title: 'The device token is missing, unknown or revoked.', status: 401 } satisfies z.input<typeof Problem>,
  enrollmentRefused: { type: problemTypes.unauthorized, title: 'This enrollment code is unknown or was already used.', status: 403 } satisfies z.input<typeof Problem>,
  notFound: { type: problemTypes.notFound, title: 'There is no voucher request with this reference.', status: 404 } satisfies z.input<typeof Problem>,
  keyInFlight: { type: problemTypes.keyInFlight, title: 'A request with this Idempotency-Key is still being processed.', status: 409, detail: 'Retry later.' } satisfies z.input<
    typeof Problem
  >,
  keyReused: { type: problemTypes.keyReused, title: 'This Idempotency-Key was already used with a different request.', status: 422 } satisfies z.input<typeof Problem>,
  invalidBody: {
    type: problemTypes.invalidBody,
    title: 'The request body does not match the contract.',
    status: 422,
    errors: [{ path: 'trajectory', message: 'Invalid option: expected one of "ontwikkeladvies"|"loopbaan-apk"|"opleidingsadvies"' }],
  } satisfies z.input<typeof Problem>,
  unavailable: { type: problemTypes.unavailable, title: 'The central API is busy.', status: 503 } satisfies z.input<typeof Problem>,
};

export const examples = { ...deviceExamples, ...fleetExamples(deviceExamples.heartbeat) };
