// The fake identity provider, standing in for login.botframework.com (OpenID metadata + JWKS that
// botbuilder checks inbound channel tokens against) and login.microsoftonline.com (the OpenID
// configuration MSAL reads and the client-credentials token endpoint the bot gets its outbound
// bearer tokens from). It lives on the fake connector's port; nothing here goes off loopback.
import { randomUUID } from 'node:crypto';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { fakeCredentialsFactory, type MsalTraffic } from './credentials.ts';
import { decodeJwt, jwkOf, newSigningKey, signJwt, verifyJwt, type SigningKey } from './jwt.ts';
import type { FakeApp } from './types.ts';

/** The audience Bot Framework access tokens are issued for (AuthenticationConstants.ToChannelFromBotOAuthScope). */
export const CONNECTOR_SCOPE = 'https://api.botframework.com';
/** The tenant multi-tenant bots get their tokens from (AuthenticationConstants.DefaultChannelAuthTenant). */
export const BOTFRAMEWORK_TENANT = 'botframework.com';

export interface ChannelTokenOptions {
  appId: string;
  serviceUrl: string;
  /** Default 3600. botbuilder allows 300 s of clock skew, so an expired token needs < -300. */
  expiresInSeconds?: number;
  /** 'stranger': a key whose kid is not in the JWKS; 'impostor': a stranger key claiming the trusted kid. */
  signedBy?: 'trusted' | 'stranger' | 'impostor';
  issuer?: string;
  audience?: string;
}

export interface FakeIdentity {
  openIdMetadataUrl: string;
  issuer: string;
  tokenEndpoint: string;
  jwksUrl: string;
  channelToken(opts: ChannelTokenOptions): string;
  botFrameworkConfig(app: FakeApp): Record<string, string>;
  issuedTokens: Array<{ clientId: string; scope: string }>;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

const now = () => Math.floor(Date.now() / 1000);
const aadError = (status: number, error: string, description: string): TokenReply => ({
  status,
  body: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() },
});

export class FakeIdentityProvider implements FakeIdentity {
  readonly issuedTokens: Array<{ clientId: string; scope: string }> = [];
  readonly apps = new Map<string, FakeApp>();
  /** What MSAL asked the loopback network client for (credentialsFactory), and what it refused. */
  readonly msalTraffic: MsalTraffic = { requested: [], refused: [] };
  /** Signs channel tokens (Teams -> bot); published at jwksUrl. */
  private readonly channelKey: SigningKey = newSigningKey();
  /** Signs access tokens (token endpoint -> bot -> connector); published at the tenant's keys URL. */
  private readonly tokenKey: SigningKey = newSigningKey();
  private readonly strangerKey: SigningKey = newSigningKey();
  private readonly issuedIds = new Set<string>();
  /** Makes the metadata URL unique per fake: botbuilder caches keys per metadata URL, process-wide. */
  private readonly instance = randomUUID().slice(0, 8);

  /** @param origin 'http://127.0.0.1:PORT'; @param onAppRegistered called by botFrameworkConfig. */
  constructor(
    readonly origin: string,
    private readonly onAppRegistered: (app: FakeApp) => void = () => {},
  ) {}

  get issuer(): string {
    return `${this.origin}/botframework`;
  }
  get openIdMetadataUrl(): string {
    return `${this.origin}/v1/.well-known/openidconfiguration?fake=${this.instance}`;
  }
  get jwksUrl(): string {
    return `${this.origin}/v1/.well-known/keys`;
  }
  /** The multi-tenant token endpoint; single-tenant apps use `${origin}/${tenantId}/oauth2/v2.0/token`. */
  get tokenEndpoint(): string {
    return this.tokenEndpointFor(BOTFRAMEWORK_TENANT);
  }
  tokenEndpointFor(tenant: string, origin = this.origin): string {
    return `${origin}/${tenant}/oauth2/v2.0/token`;
  }
  /** The MSAL authority: https in name only (MSAL refuses http); the loopback network client maps it back. */
  authorityFor(app: FakeApp): string {
    return `${this.origin.replace(/^http:/, 'https:')}/${tenantOf(app)}`;
  }

  channelToken(opts: ChannelTokenOptions): string {
    const issuedAt = now();
    const claims = {
      serviceurl: opts.serviceUrl,
      nbf: issuedAt - 300,
      exp: issuedAt + (opts.expiresInSeconds ?? 3600),
      iss: opts.issuer ?? this.issuer,
      aud: opts.audience ?? opts.appId,
    };
    if (opts.signedBy === 'stranger') return signJwt(claims, this.strangerKey);
    if (opts.signedBy === 'impostor') return signJwt(claims, this.strangerKey, this.channelKey.kid);
    return signJwt(claims, this.channelKey);
  }

  botFrameworkConfig(app: FakeApp): Record<string, string> {
    this.register(app);
    return {
      MicrosoftAppId: app.appId,
      MicrosoftAppPassword: app.password,
      MicrosoftAppType: app.type,
      ...(app.type === 'SingleTenant' ? { MicrosoftAppTenantId: app.tenantId ?? '' } : {}),
      // Setting any of the keys below switches botbuilder to ParameterizedBotFrameworkAuthentication,
      // which then uses exactly these values (unset ones are undefined, not the public-cloud defaults).
      ToBotFromChannelOpenIdMetadataUrl: this.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: this.issuer,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.origin}/common/v2.0/.well-known/openid-configuration?fake=${this.instance}`,
      ToChannelFromBotLoginUrl: `${this.origin}/${tenantOf(app)}`,
      ToChannelFromBotOAuthScope: CONNECTOR_SCOPE,
      OAuthUrl: this.origin,
      CallerId: 'urn:botframework:azure',
    };
  }

  /**
   * The ServiceClientCredentialsFactory to hand TeamsAdapter/ConfigurationBotFrameworkAuthentication
   * (second argument) so outbound tokens come from this provider; see credentials.ts for why.
   */
  credentialsFactory(app: FakeApp): ServiceClientCredentialsFactory {
    return fakeCredentialsFactory(this, app, this.msalTraffic);
  }

  register(app: FakeApp): void {
    if (app.type === 'SingleTenant' && !app.tenantId) throw new Error('fake-teams: a SingleTenant app needs a tenantId');
    this.apps.set(app.appId, app);
    this.onAppRegistered(app);
  }

  /** GET documents: Bot Framework and Entra OpenID metadata, key sets, instance discovery. */
  document(path: string, requestOrigin: string): Record<string, unknown> | undefined {
    if (path === '/v1/.well-known/openidconfiguration') {
      return {
        issuer: this.issuer,
        authorization_endpoint: `${this.origin}/v1/authorize`,
        jwks_uri: this.jwksUrl,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      };
    }
    if (path === '/v1/.well-known/keys') return { keys: [jwkOf(this.channelKey, ['msteams'])] };
    if (path === '/common/discovery/instance') {
      const host = new URL(requestOrigin).host;
      return {
        tenant_discovery_endpoint: `${requestOrigin}/common/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      };
    }
    const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (openId?.[1]) {
      const tenant = openId[1];
      return {
        issuer: `${requestOrigin}/${tenant}/v2.0`,
        authorization_endpoint: `${requestOrigin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: this.tokenEndpointFor(tenant, requestOrigin),
        end_session_endpoint: `${requestOrigin}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${requestOrigin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      };
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return { keys: [jwkOf(this.tokenKey)] };
    return undefined;
  }

  /** POST /{tenant}/oauth2/v2.0/token (and the v1 /oauth2/token): the client-credentials grant. */
  token(tenant: string, form: URLSearchParams): TokenReply {
    if (form.get('grant_type') !== 'client_credentials') {
      return aadError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    }
    const clientId = form.get('client_id') ?? '';
    const app = this.apps.get(clientId);
    if (!app || tenantOf(app) !== tenant) {
      return aadError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    }
    if (form.get('client_secret') !== app.password) {
      return aadError(
        401,
        'invalid_client',
        `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    const scope = form.get('scope') ?? '';
    const audience = scope.replace(/\/\.default$/, '');
    const issuedAt = now();
    const jti = randomUUID();
    const accessToken = signJwt(
      { aud: audience, iss: `${this.origin}/${tenant}/`, iat: issuedAt, nbf: issuedAt, exp: issuedAt + 3600, appid: clientId, appidacr: '1', tid: tenant, ver: '1.0', jti },
      this.tokenKey,
    );
    this.issuedIds.add(jti);
    this.issuedTokens.push({ clientId, scope });
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken } };
  }

  /** Why an Authorization header is not a live access token this provider issued for the connector, or undefined if it is. */
  rejectAccessToken(authorization: string | undefined): string | undefined {
    const token = /^Bearer\s+(\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return 'no bearer token';
    const checked = verifyJwt(token, this.tokenKey);
    if ('error' in checked) return checked.error;
    if (!this.issuedIds.has(String(checked.claims['jti']))) return 'token not issued by the fake token endpoint';
    if (checked.claims['aud'] !== CONNECTOR_SCOPE) return `wrong audience ${String(checked.claims['aud'])}`;
    return undefined;
  }

  /** The app id an access token was issued to (for tests reading recorded Authorization headers). */
  static appIdOf(authorization: string | undefined): string | undefined {
    const token = /^Bearer\s+(\S+)$/.exec(authorization ?? '')?.[1];
    const appid = token ? decodeJwt(token)?.claims['appid'] : undefined;
    return typeof appid === 'string' ? appid : undefined;
  }
}

export function tenantOf(app: FakeApp): string {
  return app.type === 'SingleTenant' ? (app.tenantId ?? '') : BOTFRAMEWORK_TENANT;
}
