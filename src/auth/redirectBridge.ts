/**
 * The redirect page of MSAL's browser flow (outside Teams and Outlook): Entra ID sends the sign-in
 * popup here (SPA redirect URI `<host>/auth/redirect.html`), and this hands the response back to the
 * window that opened the popup, which then closes it. It must not call any other MSAL API and must
 * not be served with a Cross-Origin-Opener-Policy header.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const status = document.getElementById('status');
  const detail = error instanceof Error ? error.message : String(error);
  if (status) {
    status.setAttribute('role', 'alert');
    status.textContent =
      `Die Anmeldung konnte nicht abgeschlossen werden. Schließen Sie dieses Fenster und versuchen Sie es erneut. / ` +
      `Sign-in could not be completed. Close this window and try again. (${detail})`;
  }
});
