import { composeSupergraph, readSupergraph } from '../src/supergraph';

describe('supergraph', () => {
  it('composes from the four subgraph schemas', () => {
    expect(() => composeSupergraph()).not.toThrow();
  });

  it('is committed up to date (run `npm run compose -w @yikatong/gateway` after a schema change)', () => {
    expect(readSupergraph()).toBe(composeSupergraph());
  });
});
