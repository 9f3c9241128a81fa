import { z } from 'zod';

/**
 * A personal PIN: 6 to 12 digits, and not one a colleague guesses at the first try (one digit
 * repeated, or a straight run up or down such as 123456 or 987654).
 */
export const Pin = z
  .string()
  .regex(/^[0-9]{6,12}$/, 'expected a PIN of 6 to 12 digits')
  .refine((pin) => !isTrivialPin(pin), 'this PIN is too easy to guess: avoid one repeated digit or a straight run such as 123456');

export function isTrivialPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}

/** PIN as typed at sign-in: only its shape is checked, so a wrong PIN counts as a wrong try, not as bad input. */
export const PinAttempt = z.string().regex(/^[0-9]{1,12}$/, 'expected the digits of your PIN');

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9.-]{1,29}$/, 'expected a user name of 2 to 30 letters, digits, dots or dashes, starting with a letter');
