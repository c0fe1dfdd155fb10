/**
 * Where the Graph pipeline gets its bearer tokens from. Two implementations exist:
 * the local emulator sign-in (src/auth/emulatorTokenProvider.ts) and MSAL nested app auth
 * (src/auth/msalTokenProvider.ts). Features never know which one runs.
 */
export interface TokenRequestOptions {
  /** Skip any cached token: the pipeline sets this after a 401. */
  forceRefresh?: boolean;
}

export interface TokenProvider {
  /** Returns an access token for Microsoft Graph that carries at least the given delegated scopes. */
  getToken(scopes: readonly string[], options?: TokenRequestOptions): Promise<string>;
}
