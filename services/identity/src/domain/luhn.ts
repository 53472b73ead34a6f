/** The Luhn check digit for a string of digits (ISO/IEC 7812), used by bank cards and our card numbers. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a full number (body + check digit) passes the Luhn check. */
export const passesLuhn = (number: string) => luhnCheckDigit(number.slice(0, -1)) === Number(number.at(-1));
