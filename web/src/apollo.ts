import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One client per signed-in principal: its token on every request, its own cache. */
export function graphClient(graphqlPath: string, token: string) {
  return new ApolloClient({
    link: new HttpLink({ uri: graphqlPath, headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache({
      typePolicies: {
        Enterprise: { keyFields: ['uscc'] },
        BiddingEligibility: { merge: true },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
