import * as oauth from 'oauth4webapi';
import type { WebConfig } from './web-config';

/**
 * Sign-in with the government identity provider: OpenID Connect authorization code with PKCE, for a
 * public client (the app holds no secret). The access token it gets is the graph's bearer token.
 */
type OidcSettings = NonNullable<WebConfig['oidc']>;

const PENDING_KEY = 'yikatong.oidc.pending';

/** Plain http only to a provider on this machine (a local test or development provider). */
const insecureAllowed = (issuer: URL) => issuer.protocol === 'http:' && (issuer.hostname === '127.0.0.1' || issuer.hostname === 'localhost');

function options(issuer: URL) {
  return insecureAllowed(issuer) ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options(issuer) }));
}

const redirectUri = () => `${window.location.origin}/`;

/** Leaves for the provider's sign-in page; `returnTo` (a hash route) is where the app opens afterwards. */
export async function startSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  const server = await discover(settings);
  if (!server.authorization_endpoint) throw new Error('the identity provider names no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: settings.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url);
}

interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
}

const isPending = (value: unknown): value is Pending =>
  typeof value === 'object' &&
  value !== null &&
  'verifier' in value &&
  'state' in value &&
  'returnTo' in value &&
  typeof value.verifier === 'string' &&
  typeof value.state === 'string' &&
  typeof value.returnTo === 'string';

/** Back from the provider (`?code=…&state=…`): the access token, or undefined when this is no sign-in return. */
export async function finishSignIn(settings: OidcSettings): Promise<{ token: string; returnTo: string } | undefined> {
  const current = new URL(window.location.href);
  if (!current.searchParams.has('code') && !current.searchParams.has('error')) return undefined;
  const stored: unknown = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (!isPending(stored)) throw new Error('this sign-in was not started here; sign in again');
  const server = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const params = oauth.validateAuthResponse(server, client, current, stored.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUri(),
    stored.verifier,
    options(new URL(settings.issuer)),
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  window.history.replaceState(null, '', `/${stored.returnTo}`);
  return { token: result.access_token, returnTo: stored.returnTo };
}
