import { z } from 'zod';

/**
 * Every failure that crosses the bridge has one of these codes, whatever the transport.
 * The renderer maps codes to words in the visitor's language; it never shows the message raw.
 */
export const BridgeErrorCode = z.enum([
  'invalid_input',
  'unknown_channel',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const BridgeErrorSchema = z.object({
  code: BridgeErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export const BridgeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
export type BridgeResult = z.infer<typeof BridgeResultSchema>;

/** HTTP status the browser host answers with for each code. */
export const httpStatusFor: Record<BridgeErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_channel: 404,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};
