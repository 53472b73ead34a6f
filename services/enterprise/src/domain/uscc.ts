/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over a 31-character
 * alphabet without I, O, Z, S, V; the last is a check character. Authority codes A, N and Y are
 * valid (a common library wrongly rejects them).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK_CHARACTER';

export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * WEIGHTS[i]!, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns what is wrong with the code, or null when it is valid. Input must already be upper-case. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'LENGTH';
  if (!SHAPE.test(code)) return 'CHARACTERS';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  LENGTH: 'A unified social credit code has exactly 18 characters.',
  CHARACTERS: 'The code uses a character that is not allowed (I, O, Z, S and V never appear; positions 3–8 are digits).',
  CHECK_CHARACTER: 'The last character does not match the check character; please re-check the code on the business licence.',
};
