import { z } from 'zod';

/** Where the counter window was last: kept in the data dir so staff find it where they left it. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(16_384),
  height: z.number().int().min(300).max(16_384),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;
