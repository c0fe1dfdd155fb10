import { loadConfig } from './config';

describe('loadConfig', () => {
  it('reads the injected environment', () => {
    expect(loadConfig('')).toMatchObject({ auth: 'emulator', graphBaseUrl: 'http://localhost:4365/v1.0' });
  });

  it('lets ?emulator= point emulator mode at another emulator', () => {
    const c = loadConfig('?emulator=http://127.0.0.1:5999/anything');
    expect(c.emulatorUrl).toBe('http://127.0.0.1:5999');
    expect(c.graphBaseUrl).toBe('http://127.0.0.1:5999/v1.0');
  });

  it('lets ?outboxRetryMs= shorten the outbox retry timer in emulator mode only', () => {
    expect(loadConfig('?outboxRetryMs=1500').outboxRetryMs).toBe(1500);
    expect(() => loadConfig('?outboxRetryMs=soon')).toThrow();
  });

  it('ignores ?emulator= and ?outboxRetryMs= when signing in with Entra ID', () => {
    const saved = globalThis.__CHEFSACHE_ENV__;
    globalThis.__CHEFSACHE_ENV__ = { graphBaseUrl: 'https://graph.microsoft.com/v1.0', auth: 'msal', clientId: 'x' };
    try {
      expect(loadConfig('?emulator=http://evil.example').graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
      expect(loadConfig('?outboxRetryMs=10').outboxRetryMs).toBeUndefined();
    } finally {
      globalThis.__CHEFSACHE_ENV__ = saved;
    }
  });

  it('rejects a configuration without a Graph base URL', () => {
    const saved = globalThis.__CHEFSACHE_ENV__;
    globalThis.__CHEFSACHE_ENV__ = { auth: 'emulator' };
    try {
      expect(() => loadConfig('')).toThrow();
    } finally {
      globalThis.__CHEFSACHE_ENV__ = saved;
    }
  });
});
