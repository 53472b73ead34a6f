import { parseResidentId, residentIdCheckCharacter } from '../../src/domain/resident-id';

const TODAY = '2026-11-25';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the DOMAIN.md examples and derives birth date and sex', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      id: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'FEMALE', issuingRegion: '110105', upgraded: false },
    });
    expect(parseResidentId('440524188001010014', TODAY)).toMatchObject({ id: { birthDate: '1880-01-01', sex: 'MALE' } });
  });

  it('computes the check character from the weighted sum (167 mod 11 = 2 → X)', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('upper-cases a lower-case x', () => {
    expect(parseResidentId('11010519491231002x', TODAY)).toMatchObject({ id: { idNumber: '11010519491231002X' } });
  });

  it.each([
    ['110105194912310021', 'CHECK_CHARACTER'],
    ['11010519490231002X', 'BIRTH_DATE'],
    ['1101051949123100', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['110105203001010011', 'BIRTH_DATE_IN_FUTURE'],
  ])('rejects %s (%s)', (idNumber, problem) => {
    expect(parseResidentId(idNumber, TODAY)).toEqual({ problem });
  });

  it('upgrades a legacy 15-digit number by inserting 19 and computing the check character', () => {
    const result = parseResidentId('110105491231002', TODAY);
    expect(result).toEqual({ id: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'FEMALE', issuingRegion: '110105', upgraded: true } });
  });

  it('does not reject retired or unknown region codes', () => {
    const first17 = '99999919800101001';
    expect(parseResidentId(first17 + residentIdCheckCharacter(first17), TODAY)).toHaveProperty('id');
  });
});
