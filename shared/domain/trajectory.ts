import { z } from 'zod';

/** The three short second-line trajectories a career voucher buys. */
export const Trajectory = z.enum(['ontwikkeladvies', 'loopbaan-apk', 'opleidingsadvies']);
export type Trajectory = z.infer<typeof Trajectory>;
