import { usccCheckCharacter, usccProblem } from '../../src/domain/uscc';

describe('USCC (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('computes the check character from the weighted sum (91350100M000100Y4 → 3)', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('CHECK_CHARACTER');
  });

  it.each([
    ['too short', '91350100M000100Y4', 'LENGTH'],
    ['a forbidden letter (I)', '91350100M000100I43', 'CHARACTERS'],
    ['a letter in the region digits', '9135010AM000100Y43', 'CHARACTERS'],
    ['lower case (callers upper-case first)', '91350100m000100y43', 'CHARACTERS'],
  ])('rejects %s', (_, code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });

  it.each(['A', 'N', 'Y'])('accepts authority code %s (wrongly rejected by a common library)', (authority) => {
    const body = `${authority}1350100M000100Y4`;
    expect(usccProblem(body + usccCheckCharacter(body))).toBeNull();
  });
});
