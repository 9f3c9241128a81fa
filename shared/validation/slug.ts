import { z } from 'zod';

/** Stable ids for regions, locations, providers, pages: lower-case words joined by dashes. */
export const Slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug such as "midden-utrecht"');
