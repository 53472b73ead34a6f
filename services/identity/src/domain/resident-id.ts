/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): `AAAAAA YYYYMMDD SSS C`.
 * Region codes are not checked against a list on purpose: retired codes stay valid for life.
 */
export interface ResidentId {
  /** Canonical 18-character form, check character upper-case. */
  idNumber: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  /** The region code printed in the number (where it was issued), not where the worker works. */
  issuingRegion: string;
  /** True when the input was a legacy 15-digit number and was upgraded. */
  upgraded: boolean;
}

export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'BIRTH_DATE_IN_FUTURE' | 'CHECK_CHARACTER';

export const RESIDENT_ID_PROBLEM_MESSAGES: Record<ResidentIdProblem, string> = {
  FORMAT: 'An ID number has 18 characters (17 digits and a digit or X) or, for old cards, 15 digits.',
  BIRTH_DATE: 'The birth date inside the ID number is not a real date; please re-check the number.',
  BIRTH_DATE_IN_FUTURE: 'The birth date inside the ID number is in the future; please re-check the number.',
  CHECK_CHARACTER: 'The last character of the ID number does not match the others; please re-check each digit.',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validates (and upgrades) an ID number; `today` is YYYY-MM-DD in China time. */
export function parseResidentId(raw: string, today: string): { id: ResidentId } | { problem: ResidentIdProblem } {
  const input = raw.trim().toUpperCase();
  let idNumber: string;
  let upgraded = false;
  if (/^\d{15}$/.test(input)) {
    const first17 = `${input.slice(0, 6)}19${input.slice(6)}`;
    idNumber = first17 + residentIdCheckCharacter(first17);
    upgraded = true;
  } else if (/^\d{17}[\dX]$/.test(input)) {
    idNumber = input;
  } else {
    return { problem: 'FORMAT' };
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (!isRealDate(year, month, day)) return { problem: 'BIRTH_DATE' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) return { problem: 'BIRTH_DATE_IN_FUTURE' };
  if (residentIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { problem: 'CHECK_CHARACTER' };
  return {
    id: {
      idNumber,
      birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
      issuingRegion: idNumber.slice(0, 6),
      upgraded,
    },
  };
}
