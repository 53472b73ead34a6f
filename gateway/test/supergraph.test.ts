import { buildASTSchema, isNonNullType, parse } from 'graphql';
import { composeSupergraph, readSupergraph } from '../src/supergraph';

describe('supergraph', () => {
  it('composes from the four subgraph schemas', () => {
    expect(() => composeSupergraph()).not.toThrow();
  });

  it('is committed up to date (run `npm run compose -w @yikatong/gateway` after a schema change)', () => {
    expect(readSupergraph()).toBe(composeSupergraph());
  });

  it("has only nullable root query fields, so one subgraph that is down never nulls another's data on the same page", () => {
    const query = buildASTSchema(parse(readSupergraph()), { assumeValid: true }).getQueryType()!;
    const nonNull = Object.values(query.getFields())
      .filter((field) => isNonNullType(field.type))
      .map((field) => field.name);
    expect(nonNull).toEqual([]);
  });
});
