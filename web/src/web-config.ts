/** What a deployment tells the app at /config.json: the graph's path and how people sign in. */
export interface DemoPrincipal {
  /** Who this is, in the demo's words (e.g. "住建局 · 邢台市"). */
  label: string;
  token: string;
}

export interface WebConfig {
  /** The gateway's GraphQL endpoint, on the app's own origin (the web server or a reverse proxy forwards it). */
  graphqlPath: string;
  /** Development only: the principals one may sign in as without an identity provider. */
  demoPrincipals?: DemoPrincipal[];
  /** Production: the government identity provider (OpenID Connect, authorization code with PKCE). */
  oidc?: { issuer: string; clientId: string; scope: string };
  /** 12333, or the province's own line: printed on every site's notice board. */
  complaintHotline: string;
  /** The labour-inspection office (劳动保障监察机构) the notice board names: the deployment's city. */
  labourInspectionOffice?: { name: string; address: string; phone: string };
}
