/**
 * A stand-in for Office.js served in place of Microsoft's CDN script: it reports the Outlook host
 * (as Office.js does inside Outlook) and records the event handlers the page associates.
 */
export function fakeOfficeJs(options: { displayLanguage: string; bodyBackgroundColor?: string }): string {
  return `
    window.__associated = {};
    window.Office = {
      onReady: function () { return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }); },
      context: {
        displayLanguage: ${JSON.stringify(options.displayLanguage)},
        officeTheme: { bodyBackgroundColor: ${JSON.stringify(options.bodyBackgroundColor ?? '#ffffff')} }
      },
      actions: { associate: function (id, handler) { window.__associated[id] = handler; } }
    };`;
}

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/**';
