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

export interface FakeComposeItem {
  subject: string;
  /** Body HTML. */
  body: string;
  to: { displayName: string; emailAddress: string; recipientType: string }[];
  categories: string[];
  /** Internet headers set by the add-in (lower-case names). */
  headers: Record<string, string>;
  /** The add-in's custom properties (Office.CustomProperties after saveAsync). */
  customProperties?: Record<string, string>;
}

/** localStorage key of the compose item the fake shares between the task pane and the event runtime page. */
export const FAKE_COMPOSE_KEY = 'fakeOutlook.compose';
export const FAKE_MASTER_KEY = 'fakeOutlook.masterCategories';

/**
 * Office.js with a mailbox and a message being written (compose mode), as Outlook on the web
 * provides it to the task pane and the event runtime. The item lives in localStorage (same origin),
 * so the pane and commands.html see the same mail, like two Outlook surfaces of one draft.
 */
export function fakeOutlookComposeJs(options: { displayLanguage: string; user: { displayName: string; emailAddress: string }; item: FakeComposeItem }): string {
  return `
    (function () {
      var KEY = ${JSON.stringify(FAKE_COMPOSE_KEY)}, MASTER = ${JSON.stringify(FAKE_MASTER_KEY)};
      if (!localStorage.getItem(KEY)) localStorage.setItem(KEY, ${JSON.stringify(JSON.stringify(options.item))});
      function load() { return JSON.parse(localStorage.getItem(KEY)); }
      function save(item) { localStorage.setItem(KEY, JSON.stringify(item)); }
      function done(cb, value) { setTimeout(function () { cb({ status: 'succeeded', value: value }); }, 0); }
      function change(cb, fn) { var item = load(); fn(item); save(item); done(cb, undefined); }
      function recipients(field) { return { getAsync: function (cb) { done(cb, load()[field] || []); } }; }
      var item = {
        itemType: 'message',
        subject: { getAsync: function (cb) { done(cb, load().subject); } },
        body: {
          getAsync: function (type, cb) {
            var html = load().body;
            done(cb, type === 'text' ? html.replace(/<[^>]+>/g, ' ').replace(/\\s+/g, ' ').trim() : html);
          },
          setSelectedDataAsync: function (data, opts, cb) { change(cb, function (i) { i.body = i.body + data; }); }
        },
        to: recipients('to'), cc: recipients('cc'), bcc: recipients('bcc'),
        categories: {
          getAsync: function (cb) { done(cb, load().categories.map(function (c) { return { displayName: c, color: 'Preset4' }; })); },
          addAsync: function (names, cb) { change(cb, function (i) { names.forEach(function (n) { if (i.categories.indexOf(n) < 0) i.categories.push(n); }); }); },
          removeAsync: function (names, cb) { change(cb, function (i) { i.categories = i.categories.filter(function (c) { return names.indexOf(c) < 0; }); }); }
        },
        loadCustomPropertiesAsync: function (cb) {
          var props = Object.assign({}, load().customProperties || {});
          done(cb, {
            get: function (n) { return props[n]; },
            set: function (n, v) { props[n] = String(v); },
            remove: function (n) { delete props[n]; },
            saveAsync: function (cb2) { change(cb2, function (i) { i.customProperties = Object.assign({}, props); }); }
          });
        },
        internetHeaders: {
          getAsync: function (names, cb) {
            var h = load().headers, out = {};
            names.forEach(function (n) { if (h[n.toLowerCase()] !== undefined) out[n] = h[n.toLowerCase()]; });
            done(cb, out);
          },
          setAsync: function (headers, cb) { change(cb, function (i) { Object.keys(headers).forEach(function (k) { i.headers[k.toLowerCase()] = headers[k]; }); }); },
          removeAsync: function (names, cb) { change(cb, function (i) { names.forEach(function (n) { delete i.headers[n.toLowerCase()]; }); }); }
        }
      };
      window.__associated = {};
      window.Office = {
        onReady: function () { return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }); },
        context: {
          displayLanguage: ${JSON.stringify(options.displayLanguage)},
          officeTheme: { bodyBackgroundColor: '#ffffff' },
          mailbox: {
            item: item,
            userProfile: ${JSON.stringify(options.user)},
            convertToRestId: function (id) { return id; },
            masterCategories: {
              getAsync: function (cb) { done(cb, JSON.parse(localStorage.getItem(MASTER) || '[]')); },
              addAsync: function (list, cb) {
                var all = JSON.parse(localStorage.getItem(MASTER) || '[]').concat(list);
                localStorage.setItem(MASTER, JSON.stringify(all));
                done(cb, undefined);
              }
            }
          }
        },
        actions: { associate: function (id, handler) { window.__associated[id] = handler; } }
      };
    })();`;
}
