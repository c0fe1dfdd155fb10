import { PopupBlockedError } from '../../auth/signInErrors';
import { describeError } from './describeError';

describe('describeError', () => {
  it('keeps what a Graph error carries', () => {
    const error = Object.assign(new Error('Resource not found.'), { requestId: 'r-1', code: 'itemNotFound', kind: 'notFound' });
    expect(describeError(error, 'de')).toEqual({ message: 'Resource not found.', requestId: 'r-1', code: 'itemNotFound', kind: 'notFound' });
  });

  it('prefers the user message over the technical one, also from a wrapped cause', () => {
    const signIn = Object.assign(new Error('Popup blocked. Scopes: User.Read.'), { userMessage: { key: 'auth.signIn.popupBlocked' } });
    const wrapped = Object.assign(new Error('Could not get a token', { cause: signIn }), { kind: 'unauthorized', code: 'tokenUnavailable' });
    expect(describeError(wrapped, 'de')).toMatchObject({
      message: 'Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups für diese Seite (Symbol in der Adressleiste) und versuchen Sie es erneut.',
      kind: 'unauthorized',
    });
    expect(describeError(wrapped, 'en')?.message).toBe('The sign-in window was blocked. Allow pop-ups for this site (icon in the address bar) and try again.');
  });

  it('reads no inline { de, en } pair: only keyed user messages are words for the user', () => {
    const old = Object.assign(new Error('Popup blocked.'), { userMessage: { de: 'Blockiert.', en: 'Blocked.' } });
    expect(describeError(old, 'de')?.message).toBe('Popup blocked.');
  });

  it('translates a keyed user message with its values, also from a wrapped cause', () => {
    const wrapped = Object.assign(new Error('Could not get a token', { cause: new PopupBlockedError(['User.Read']) }), { kind: 'unauthorized' });
    expect(describeError(wrapped, 'de')?.message).toBe('Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups für diese Seite (Symbol in der Adressleiste) und versuchen Sie es erneut.');
    expect(describeError(wrapped, 'en')?.message).toBe('The sign-in window was blocked. Allow pop-ups for this site (icon in the address bar) and try again.');
    const keyed = Object.assign(new Error('x'), { userMessage: { key: 'setup.section.failed', values: { message: 'SharePoint sagt nein' } } });
    expect(describeError(keyed, 'de')?.message).toBe('Die Einrichtung ist fehlgeschlagen: SharePoint sagt nein');
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
