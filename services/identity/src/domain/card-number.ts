import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from './luhn';

/**
 * Our real-name card numbers: "YK" + 13 random digits + a Luhn check digit. Random, so a number
 * reveals nothing and cannot be guessed from its neighbour; the check digit catches typing errors
 * at a service window.
 */
const PREFIX = 'YK';
const RANDOM_DIGITS = 13;

export function newCardNumber(random: (max: number) => number = randomInt): string {
  const body = Array.from({ length: RANDOM_DIGITS }, () => random(10)).join('');
  return `${PREFIX}${body}${luhnCheckDigit(body)}`;
}

export function isValidCardNumber(value: string): boolean {
  const match = /^YK(\d{13})(\d)$/.exec(value);
  return match !== null && luhnCheckDigit(match[1]!) === Number(match[2]);
}
