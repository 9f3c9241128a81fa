import type { Trajectory } from '../../../../shared/domain/trajectory';
import type { PictogramName } from '../pictograms/Pictogram';

/** A pictogram for each trajectory; the one-sentence explanations live in the translations. */
export const trajectoryIcons: Readonly<Record<Trajectory, PictogramName>> = {
  ontwikkeladvies: 'advice',
  'loopbaan-apk': 'career',
  opleidingsadvies: 'study',
};
