import { z } from 'zod';

const pinShape = /^[0-9]{6,12}$/;

/** Keypad shapes (columns, diagonals, crosses) and counting patterns that the rules below do not catch. */
const wellKnown = new Set(['135790', '147258', '258369', '369258', '741852', '159753', '753951', '159357', '357159', '147852', '789456', '456123', '321654', '102030', '112233', '223344', '332211', '1234567890', '0987654321']);

/**
 * Why a new PIN is refused, or null when it may be used. A personal PIN has 6 to 12 digits and
 * is not one a colleague guesses in the first few tries:
 * - one digit repeated (111111);
 * - digits that go up or down in equal steps, wrapping after 9 (123456, 654321, 246802, 890123);
 * - a short group repeated (121212, 123123, 12341234);
 * - fewer than three different digits (112211, 100001);
 * - one of the keypad and number patterns that lead published lists of most-used PINs (135790,
 *   147258, 159753, 112233, ...): a short list, since the rules above already catch most of them.
 * The setup screen, staff.add and staff.resetPin check it through `Pin`, and the staff service
 * checks it again before it stores a hash.
 */
export function pinWeakness(pin: string): string | null {
  if (!pinShape.test(pin)) return 'expected a PIN of 6 to 12 digits';
  const digits = [...pin].map(Number);
  if (new Set(digits).size === 1) return 'this PIN is too easy to guess: it is one digit repeated';
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10));
  if (steps.size === 1) return 'this PIN is too easy to guess: its digits go up or down in equal steps, as in 123456, 654321 or 246802';
  for (let size = 2; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) {
      return 'this PIN is too easy to guess: it repeats a short group of digits, as in 121212 or 123123';
    }
  }
  if (new Set(digits).size < 3) return 'this PIN is too easy to guess: use at least three different digits';
  if (wellKnown.has(pin)) return 'this PIN is too easy to guess: it is one of the most-used PINs';
  return null;
}

/** A new personal PIN: see `pinWeakness` for what is refused and why. */
export const Pin = z.string().superRefine((pin, ctx) => {
  const weakness = pinWeakness(pin);
  if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
});

/** PIN as typed at sign-in: only its shape is checked, so a wrong PIN counts as a wrong try, not as bad input. */
export const PinAttempt = z.string().regex(/^[0-9]{1,12}$/, 'expected the digits of your PIN');

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9.-]{1,29}$/, 'expected a user name of 2 to 30 letters, digits, dots or dashes, starting with a letter');
