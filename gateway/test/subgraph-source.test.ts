import { parse } from 'graphql';
import { unavailableFields } from '../src/subgraph-source';

/** The errors a fetch to a subgraph that did not answer becomes: one per field it would have served, on that field's path. */
describe('a subgraph that did not answer', () => {
  it('fails each root field it was asked for, by its response key (alias, fragments, not __typename)', () => {
    const fetch = parse(
      'query Page__identity__0 { __typename first: workers(first: 5) { nodes { id } } ...more ... on Query { trades { code } } } fragment more on Query { me { id } }',
    );
    expect(unavailableFields(fetch, 'identity')).toEqual(
      ['first', 'me', 'trades'].map((key) => ({
        message: `"${key}" is unavailable right now (the identity service did not answer); retry in a moment.`,
        path: [key],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
      })),
    );
  });

  it("fails an entity fetch's fields on the first entity, which the gateway maps to that entity's place in the response", () => {
    const fetch = parse(
      'query Page__identity__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { __typename realNameCards { number } cards: realNameCards { status } } } }',
    );
    expect(unavailableFields(fetch, 'identity').map((error) => error.path)).toEqual([
      ['_entities', 0, 'realNameCards'],
      ['_entities', 0, 'cards'],
    ]);
  });
});
