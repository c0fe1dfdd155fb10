import { describeError } from './describeError';

describe('describeError', () => {
  it('keeps what a Graph error carries', () => {
    const error = Object.assign(new Error('Resource not found.'), { requestId: 'r-1', code: 'itemNotFound', kind: 'notFound' });
    expect(describeError(error, 'de')).toEqual({ message: 'Resource not found.', requestId: 'r-1', code: 'itemNotFound', kind: 'notFound' });
  });

  it('prefers the bilingual user message, also from a wrapped cause', () => {
    const signIn = Object.assign(new Error('Popup blocked. Scopes: User.Read.'), {
      userMessage: { de: 'Der Browser hat das Anmeldefenster blockiert.', en: 'The browser blocked the sign-in window.' },
    });
    const wrapped = Object.assign(new Error('Could not get a token', { cause: signIn }), { kind: 'unauthorized', code: 'tokenUnavailable' });
    expect(describeError(wrapped, 'de')).toMatchObject({ message: 'Der Browser hat das Anmeldefenster blockiert.', kind: 'unauthorized' });
    expect(describeError(wrapped, 'en')?.message).toBe('The browser blocked the sign-in window.');
  });

  it('describes non-errors and nothing', () => {
    expect(describeError('boom', 'en')).toEqual({ message: 'boom' });
    expect(describeError(undefined, 'en')).toBeNull();
  });

  it('survives a cause cycle', () => {
    const a: Record<string, unknown> = { message: 'a' };
    a.cause = a;
    expect(describeError(a, 'en')).toEqual({ message: 'a' });
  });
});
