import type { PictogramName } from '../pictograms/Pictogram';

/** The three trajectories a voucher buys; their one-sentence explanations live in the translations. */
export const trajectoryChoices: ReadonlyArray<{ id: string; icon: PictogramName }> = [
  { id: 'ontwikkeladvies', icon: 'advice' },
  { id: 'loopbaan-apk', icon: 'career' },
  { id: 'opleidingsadvies', icon: 'study' },
];
