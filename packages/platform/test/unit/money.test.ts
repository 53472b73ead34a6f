import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createErrorFormatter } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { MONEY_MAX_FEN, moneyScalar } from '../../src/schema';

/** A subgraph with Money arguments at the top, in an input and in a list, answering what it received. */
const apollo = new ApolloServer({
  schema: buildSubgraphSchema([
    {
      typeDefs: parse(`
      scalar Money
      input Instalment { amount: Money! }
      input Funding { amount: Money!, deposit: Money, instalments: [Instalment!] }
      type Query { top(amount: Money!): String, optional(amount: Money): String, funding(input: Funding!): String }`),
      resolvers: {
        Money: moneyScalar,
        Query: {
          top: (_: unknown, args: { amount: bigint }) => `${typeof args.amount}:${args.amount}`,
          optional: (_: unknown, args: { amount?: bigint | null }) => `${args.amount === null ? 'null' : typeof args.amount}`,
          funding: (_: unknown, args: { input: { amount: bigint } }) => `${args.input.amount}`,
        },
      },
    },
  ]),
  formatError: createErrorFormatter(createLogger('money-test', 'silent'), true),
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const response = await apollo.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult;
}
const refusal = (result: Awaited<ReturnType<typeof run>>) => result.errors?.[0]?.extensions;

beforeAll(() => apollo.start());
afterAll(() => apollo.stop());

describe('the Money scalar', () => {
  it.each(['0', '1', '219000', String(MONEY_MAX_FEN)])('takes the string %p as whole fen, a bigint', async (amount) => {
    expect((await run('query ($m: Money!) { top(amount: $m) }', { m: amount })).data).toEqual({ top: `bigint:${amount}` });
    expect((await run(`{ top(amount: "${amount}") }`)).data).toEqual({ top: `bigint:${amount}` });
  });

  it.each<[string, unknown, string]>([
    ['a decimal fraction', '100.5', 'INVALID_MONEY'],
    ['an exponent', '1e3', 'INVALID_MONEY'],
    ['an empty string', '', 'INVALID_MONEY'],
    ['a leading space', ' 1', 'INVALID_MONEY'],
    ['a trailing space', '1 ', 'INVALID_MONEY'],
    ['a plus sign', '+1', 'INVALID_MONEY'],
    ['a minus sign', '-1', 'INVALID_MONEY'],
    ['full-width digits', '１００', 'INVALID_MONEY'],
    ['Arabic-Indic digits', '١٠٠', 'INVALID_MONEY'],
    ['a leading zero', '0100', 'INVALID_MONEY'],
    ['a thousands separator', '1,000', 'INVALID_MONEY'],
    ['hexadecimal', '0x10', 'INVALID_MONEY'],
    ['a JSON number, even a small one', 100, 'INVALID_MONEY'],
    ['a JSON number above 2^53 (already rounded by the parser)', 2 ** 53 + 1, 'INVALID_MONEY'],
    ['true', true, 'INVALID_MONEY'],
    ['an object', { fen: '100' }, 'INVALID_MONEY'],
    ['one fen above the maximum', String(MONEY_MAX_FEN + 1n), 'MONEY_OUT_OF_RANGE'],
    ['2^53 + 1 as a string (above the maximum)', String(2n ** 53n + 1n), 'MONEY_OUT_OF_RANGE'],
    ['a thousand digits', '9'.repeat(1000), 'MONEY_OUT_OF_RANGE'],
  ])('refuses %s in a variable, naming the argument', async (_, amount, code) => {
    const result = await run('query ($amount: Money!) { top(amount: $amount) }', { amount });
    expect(result.data).toBeUndefined();
    expect(refusal(result)).toEqual({ code, field: 'amount' });
    expect(result.errors![0]!.message).not.toMatch(/Variable|Expected type/);
  });

  it('names the input field, through objects and lists, of a refused variable', async () => {
    const nested = await run('query ($input: Funding!) { funding(input: $input) }', {
      input: { amount: '1', instalments: [{ amount: '1' }, { amount: '1e3' }] },
    });
    expect(refusal(nested)).toEqual({ code: 'INVALID_MONEY', field: 'input.instalments[1].amount' });
    const top = await run('query ($input: Funding!) { funding(input: $input) }', { input: { amount: 100 } });
    expect(refusal(top)).toEqual({ code: 'INVALID_MONEY', field: 'input.amount' });
    const quoted = await run('query ($input: Funding!) { funding(input: $input) }', { input: { amount: '1" at "input.deposit"; ' } });
    expect(refusal(quoted)).toEqual({ code: 'INVALID_MONEY', field: 'input.amount' });
  });

  it.each<[string, string, string]>([
    ['a number literal', '{ top(amount: 100) }', 'amount'],
    ['a decimal in quotes', '{ top(amount: "100.5") }', 'amount'],
    ['a float literal', '{ top(amount: 100.5) }', 'amount'],
    ['a boolean literal', '{ top(amount: true) }', 'amount'],
    ['a literal in an input', '{ funding(input: { amount: "1", instalments: [{ amount: "1" }, { amount: "-5" }] }) }', 'input.instalments[1].amount'],
    ['a literal above the maximum', `{ funding(input: { amount: "${MONEY_MAX_FEN + 1n}" }) }`, 'input.amount'],
  ])('refuses %s written in the document, naming its argument', async (_, query, field) => {
    const result = await run(query);
    expect(result.data).toBeUndefined();
    expect(refusal(result)).toMatchObject({ field });
    expect(['INVALID_MONEY', 'MONEY_OUT_OF_RANGE']).toContain(refusal(result)!.code);
  });

  it("passes null to an optional amount and refuses it for a required one (GraphQL's own check)", async () => {
    expect((await run('query ($m: Money) { optional(amount: $m) }', { m: null })).data).toEqual({ optional: 'null' });
    expect((await run('{ optional(amount: null) }')).data).toEqual({ optional: 'null' });
    expect((await run('query ($m: Money) { optional(amount: $m) }', {})).data).toEqual({ optional: 'undefined' });
    expect(refusal(await run('query ($m: Money!) { top(amount: $m) }', { m: null }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('parses and serializes directly: strings only, bigints out as strings', () => {
    expect(moneyScalar.parseValue('219000')).toBe(219000n);
    expect(() => moneyScalar.parseValue(219000)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(moneyScalar.serialize(219000n)).toBe('219000');
    expect(moneyScalar.description).toContain(String(MONEY_MAX_FEN));
  });
});
