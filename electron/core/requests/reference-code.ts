import { randomInt } from 'node:crypto';
import { referenceAlphabet } from '../../../shared/contract/requests-channels';

/**
 * A receipt reference such as "K7QD-M3XA": 26^8 (about 2e11) codes, random so it says nothing about
 * the visitor, the device or the time, and short enough to read out at the counter.
 */
export function newReferenceCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) code += '-';
    code += referenceAlphabet[random(referenceAlphabet.length)];
  }
  return code;
}
