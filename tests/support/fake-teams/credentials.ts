// The one supported hook needed for outbound auth against the fake: a ServiceClientCredentialsFactory
// (botframework-connector's own MsalServiceClientCredentialsFactory) around an MSAL client that
// knows the fake's authority and talks to it through a loopback-only network client.
//
// Why config alone cannot do it: ConfigurationBotFrameworkAuthentication's default factory
// (PasswordServiceClientCredentialFactory) makes MsalAppCredentials build
// `new ConfidentialClientApplication({ auth: { authority, clientId, clientSecret } })` with no
// knownAuthorities and no network client (ValidateAuthority is stored but never read). MSAL then
// refuses an http authority (ClientConfigurationError authority_uri_insecure) and, for an https
// host it does not know, first calls https://login.microsoftonline.com/common/discovery/instance.
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { MsalServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { FakeIdentityProvider } from './identity.ts';
import type { FakeApp } from './types.ts';

/** Every URL MSAL asked the network client for, and those it refused (not the fake). */
export interface MsalTraffic {
  requested: string[];
  refused: string[];
}

/**
 * An MSAL network client that only reaches the fake: https://127.0.0.1:PORT/… (the authority MSAL
 * insists on) is sent to http://127.0.0.1:PORT/…; anything else is refused, never sent.
 */
export function loopbackNetworkClient(origin: string, traffic: MsalTraffic): INetworkModule {
  const httpsForm = origin.replace(/^http:/, 'https:');
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    traffic.requested.push(url);
    const target = url.startsWith(`${httpsForm}/`) ? origin + url.slice(httpsForm.length) : url.startsWith(`${origin}/`) ? url : undefined;
    if (!target) {
      traffic.refused.push(url);
      throw new Error(`fake-teams: MSAL tried to reach ${url}, which is not the fake identity provider`);
    }
    const response = await fetch(target, { method, headers: options?.headers ?? {}, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // MSAL only reads JSON bodies; leave anything else as text
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/**
 * The credentials factory to pass as TeamsAdapter's / ConfigurationBotFrameworkAuthentication's
 * second argument in app-id mode. Inbound checks (isValidAppId, isAuthenticationDisabled) behave as
 * the default factory's; outbound tokens come from the fake's token endpoint via real MSAL.
 */
export function fakeCredentialsFactory(identity: FakeIdentityProvider, app: FakeApp, traffic: MsalTraffic): ServiceClientCredentialsFactory {
  identity.register(app);
  const authority = identity.authorityFor(app);
  const client = new ConfidentialClientApplication({
    auth: { clientId: app.appId, clientSecret: app.password, authority, knownAuthorities: [new URL(authority).host] },
    system: { networkClient: loopbackNetworkClient(identity.origin, traffic) },
  });
  // The cast only bridges msal-node's ESM and CJS type declarations (botframework-connector's
  // .d.ts sees the CJS ones); at runtime botbuilder just calls acquireTokenByClientCredential on it.
  type ClientApplication = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
  return new MsalServiceClientCredentialsFactory(app.appId, client as unknown as ClientApplication);
}
