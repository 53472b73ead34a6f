import { passesLuhn } from './luhn';

/**
 * A wage bank card number as typed at a window: 16–19 digits. A Luhn failure is only a warning
 * (some domestic cards do not follow it); the bank's own name + ID + card check is the real one.
 */
export function parseBankCard(raw: string): { cardNumber: string; luhnValid: boolean } | null {
  const cardNumber = raw.replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(cardNumber)) return null;
  return { cardNumber, luhnValid: passesLuhn(cardNumber) };
}

export const LUHN_WARNING = 'The card number fails the standard check; please re-check it with the worker. The bank will verify it before paying.';
