import { isValidCardNumber, newCardNumber } from '../../src/domain/card-number';
import { luhnCheckDigit } from '../../src/domain/luhn';

describe('real-name card numbers', () => {
  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('issues numbers that validate and are not sequential', () => {
    const numbers = Array.from({ length: 200 }, () => newCardNumber());
    expect(numbers.every(isValidCardNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(200);
    const bodies = numbers.map((number) => Number(number.slice(2, 15))).sort((a, b) => a - b);
    const consecutive = bodies.filter((value, i) => i > 0 && value - bodies[i - 1]! === 1).length;
    expect(consecutive).toBe(0);
  });

  it('rejects a mistyped digit, a wrong prefix and a wrong length', () => {
    const number = newCardNumber(() => 4);
    expect(isValidCardNumber(number)).toBe(true);
    const typo = `${number.slice(0, 5)}${(Number(number[5]) + 1) % 10}${number.slice(6)}`;
    expect(isValidCardNumber(typo)).toBe(false);
    expect(isValidCardNumber(`XX${number.slice(2)}`)).toBe(false);
    expect(isValidCardNumber(number.slice(0, -1))).toBe(false);
  });
});
