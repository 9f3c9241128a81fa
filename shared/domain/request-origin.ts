import { z } from 'zod';

/** Where a voucher request was started: by the visitor at a kiosk, or by staff at the desk for a walk-in. */
export const RequestOrigin = z.enum(['kiosk', 'desk']);
export type RequestOrigin = z.infer<typeof RequestOrigin>;
