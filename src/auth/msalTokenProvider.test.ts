import { BrowserAuthError, ServerError } from '@azure/msal-browser';
import { FakeMsal, katrin, provider } from './testing/fakeMsal';
import { InteractionInProgressError, PopupBlockedError, SignInCancelledError, SignInFailedError } from './signInErrors';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../i18n';

/** The sign-in failure's text as the user reads it. */
const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

describe('MsalTokenProvider', () => {
  test('returns a silently acquired token for exactly the requested scopes, without any prompt', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read', 'Sites.Read.All']);
    const { instance } = provider(fake);

    const token = await instance.getToken(['User.Read', 'Sites.Read.All', 'user.read']);

    expect(token).toBe('silent:User.Read Sites.Read.All');
    expect(fake.silentCalls[0]).toMatchObject({ scopes: ['User.Read', 'Sites.Read.All'], account: katrin });
    expect(fake.popupCalls).toHaveLength(0);
  });

  test('forceRefresh after a 401 bypasses the token cache', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read']);
    const { instance } = provider(fake);

    expect(await instance.getToken(['User.Read'], { forceRefresh: true })).toBe('silent:User.Read:fresh');
    expect(fake.silentCalls[0]?.forceRefresh).toBe(true);
  });

  test('asks the user in a popup when Entra ID requires interaction, then stays silent', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.consented = new Set(['User.Read']);
    const { instance } = provider(fake);

    expect(await instance.getToken(['Calendars.ReadWrite'])).toBe('popup:Calendars.ReadWrite');
    expect(fake.popupCalls).toEqual([{ scopes: ['Calendars.ReadWrite'], loginHint: katrin.username }]);
    expect(fake.active).toBe(katrin);

    expect(await instance.getToken(['Calendars.ReadWrite'])).toBe('silent:Calendars.ReadWrite');
    expect(fake.popupCalls).toHaveLength(1);
  });

  test('signs in with a popup when no account is known yet (plain browser, first visit)', async () => {
    const fake = new FakeMsal();
    const { instance } = provider(fake);

    expect(await instance.getToken(['User.Read'])).toBe('popup:User.Read');
    expect(fake.popupCalls[0]).toEqual({ scopes: ['User.Read'] });
    expect(fake.active).toBe(katrin);
  });

  test('a blocked popup becomes PopupBlockedError with a German and English message', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.popup = async () => {
      throw new BrowserAuthError('empty_window_error', 'corr-popup');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['Tasks.ReadWrite']).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PopupBlockedError);
    const blocked = error as PopupBlockedError;
    expect(blocked.code).toBe('popupBlocked');
    expect(words(blocked, 'de')).toContain('Pop-ups');
    expect(words(blocked, 'en')).toContain('pop-ups');
    expect(blocked.scopes).toEqual(['Tasks.ReadWrite']);
    expect(blocked.msalErrorCode).toBe('empty_window_error');
    expect(blocked.correlationId).toBe('corr-popup');
    expect(blocked.message).toContain('empty_window_error');
    expect(blocked.cause).toBeInstanceOf(BrowserAuthError);
  });

  test('a popup that cannot open at all (popup_window_error) is also reported as blocked', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('popup_window_error', 'corr-popup');
    };
    const { instance } = provider(fake);

    await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(PopupBlockedError);
  });

  test('closing the sign-in window becomes SignInCancelledError', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('user_cancelled', 'corr-popup');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInCancelledError);
    expect(words(error as SignInCancelledError, 'de')).toContain('abgebrochen');
  });

  test('an interaction already open elsewhere becomes InteractionInProgressError', async () => {
    const fake = new FakeMsal();
    fake.popup = async () => {
      throw new BrowserAuthError('interaction_in_progress', 'corr-popup');
    };
    const { instance } = provider(fake);

    await expect(instance.getToken(['User.Read'])).rejects.toBeInstanceOf(InteractionInProgressError);
  });

  test('a silent failure that a popup cannot fix (server error) fails without a popup', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    fake.silent = async () => {
      throw new ServerError('temporarily_unavailable', 'AADSTS50000: service unavailable');
    };
    const { instance } = provider(fake);

    const error = await instance.getToken(['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInFailedError);
    expect((error as SignInFailedError).message).toContain('temporarily_unavailable');
    expect(fake.popupCalls).toHaveLength(0);
  });

  test('parallel calls that need the user open one popup at a time; the waiting call reuses its consent', async () => {
    const fake = new FakeMsal();
    fake.accounts = [katrin];
    let popupsOpen = 0;
    let maxOpen = 0;
    const basePopup = fake.popup;
    fake.popup = async (request) => {
      popupsOpen++;
      maxOpen = Math.max(maxOpen, popupsOpen);
      await new Promise((resolve) => setTimeout(resolve, 5));
      popupsOpen--;
      return basePopup(request);
    };
    const { instance } = provider(fake);

    const tokens = await Promise.all([instance.getToken(['Sites.Read.All']), instance.getToken(['Sites.Read.All'])]);

    expect(tokens).toEqual(['popup:Sites.Read.All', 'silent:Sites.Read.All']);
    expect(fake.popupCalls).toHaveLength(1);
    expect(maxOpen).toBe(1);
  });
});
