// A real OpenID Provider (panva's oidc-provider) for the browser tests, standing in for the
// government identity provider: authorization code with PKCE for a public client (the web app),
// RS256 JWT access tokens for the graph's audience carrying the caller's kind, department, regions
// and permissions. Its development login form takes any password; the accounts are below.
// Run: node test/support/oidc-provider.mjs <port> <redirect-uri>; prints {"issuer": ...} when ready.
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
/** The graph's resource indicator; its tokens carry the audience the services verify. */
const GRAPH_RESOURCE = 'https://graph.yikatong.example/';
const ACCOUNTS = {
  'xingtai-dashboard': { kind: 'ANALYTICS', regions: ['130500'] },
  'xingtai-zjj': { kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'], scope: 'card:freeze enterprise:register' },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const provider = new Provider(issuer, {
  clients: [{ client_id: 'yikatong-web', token_endpoint_auth_method: 'none', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
  pkce: { required: () => true },
  clientBasedCORS: (_ctx, origin) => origin === new URL(redirectUri).origin,
  findAccount: (_ctx, sub) => (sub in ACCOUNTS ? { accountId: sub, claims: () => ({ sub }) } : undefined),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => GRAPH_RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: '', audience: 'yikatong', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // The caller's kind and jurisdiction, as the government IdP would assert them for this account.
  extraTokenClaims: (_ctx, token) => {
    const { scope, ...claims } = ACCOUNTS[token.accountId] ?? {};
    return { ...claims, ...(scope ? { scope } : {}) };
  },
  loadExistingGrant: async (ctx) => {
    // First-party client: consent is implied, as for the government's own portals.
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid');
    grant.addResourceScope(GRAPH_RESOURCE, '');
    await grant.save();
    return grant;
  },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
