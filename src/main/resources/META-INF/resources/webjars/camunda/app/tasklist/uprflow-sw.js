// UPR Flow's service worker for Tasklist (docs/network.md, "Time on a slow link").
//
// Tasklist imports its configuration as scripts/config.js?bust=<the time>, a new address on every
// visit, so no cache can keep it: a round trip of its own after Tasklist's scripts have run. The
// page that the server sends names the version of the configuration it goes with (the header
// below); this worker answers Tasklist's import with that version's own address
// (scripts/config.js?v=<version>), which the server lets the browser keep: a repeat visit takes it
// from the cache, and a new release, whose page names a new version, is fetched at once.
//
// Tasklist's first two reads (the engines, and who is logged in) do not depend on anything its
// scripts work out, yet they leave only once the scripts have run. The worker asks for them as
// soon as the page has arrived and hands each answer, once, to Tasklist's own request for it;
// the answers live in this worker's memory for that one page and are never stored. Every other
// request goes to the network as it is.
//
// After a login, Tasklist asks one after another for the engines, the user's profile, the
// filters' count and links, and the filters: four round trips (about 1.3 s at 300 ms) between the
// login's answer and the inbox. They depend only on who logged in, which the login's answer says:
// the worker asks for the engines as soon as that answer arrives and for the others together
// once the engines have answered (two round trips), and hands each, once, to the same page's
// request for it (in memory, never stored).
'use strict';

const VERSION_HEADER = 'Uprflow-Tasklist-Config';
const CONFIG = new URL('scripts/config.js', self.registration.scope).pathname;
const WEBAPPS = new URL('../../', self.registration.scope);
const FIRST_READS = ['api/engine/engine/', 'api/admin/auth/user/default'].map((path) => new URL(path, WEBAPPS).href);
/** Tasklist's login: api/admin/auth/user/<engine>/login/tasklist. */
const LOGIN = new RegExp('^' + new URL('api/admin/auth/user/', WEBAPPS).pathname + '([^/]+)/login/tasklist$');
/** What Tasklist reads after a login, for the engine and the user: [method, path under the webapps]. */
const AFTER_LOGIN = (engine, user) => [
  ['GET', 'api/engine/engine/'],
  ['GET', `api/engine/engine/${engine}/user/${encodeURIComponent(user)}/profile`],
  ['GET', `api/engine/engine/${engine}/filter/count?itemCount=false&resourceType=Task`],
  ['OPTIONS', `api/engine/engine/${engine}/filter`],
  ['GET', `api/engine/engine/${engine}/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task`]
];
/** An early answer not taken by then belongs to a page that has gone: it is dropped. */
const EARLY_FOR_MS = 15000;

// Requests made as the page arrived, by address: each taken once.
let early = new Map();
let earlySince = 0;

// Reads made after a page's login, by page, method and address: each taken once, by that page only.
const afterLogin = new Map();

// The configuration of the page last loaded through this worker: asked for as soon as the page
// has arrived (from the browser's cache when it was seen before), not when Tasklist's scripts ask.
let config = null;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    if (self.registration.navigationPreload) {
      // the page's request leaves while the worker starts, not after
      await self.registration.navigationPreload.enable();
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
    return;
  }
  const asked = afterLogin.get(event.clientId + ' ' + request.method + ' ' + request.url);
  if (asked) {
    afterLogin.delete(event.clientId + ' ' + request.method + ' ' + request.url);
    event.respondWith(asked.catch(() => fetch(request)));
    return;
  }
  if (request.method === 'POST' && event.clientId && LOGIN.test(new URL(request.url).pathname)) {
    event.respondWith(login(event));
    return;
  }
  if (request.method === 'GET' && early.has(request.url)) {
    const answer = early.get(request.url);
    early.delete(request.url);
    if (Date.now() - earlySince < EARLY_FOR_MS) {
      event.respondWith(answer.catch(() => fetch(request)));
      return;
    }
  }
  const url = new URL(request.url);
  if (request.method === 'GET' && url.pathname === CONFIG && url.searchParams.has('bust') && config) {
    event.respondWith(config
      .then((response) => (response.ok ? response.clone() : fetch(request)))
      .catch(() => fetch(request)));
  }
});

async function page(event) {
  const response = (await event.preloadResponse) || (await fetch(event.request));
  const version = response.headers.get(VERSION_HEADER);
  config = version ? fetch(CONFIG + '?v=' + encodeURIComponent(version), { credentials: 'same-origin' }) : null;
  // a failed request for it is answered by the network when Tasklist asks
  config?.catch(() => {});
  early = new Map();
  if (response.ok) {
    earlySince = Date.now();
    for (const address of FIRST_READS) {
      const answer = fetch(address, { credentials: 'same-origin', headers: { Accept: 'application/json, text/plain, */*' } });
      answer.catch(() => {});
      early.set(address, answer);
    }
  }
  return response;
}

async function login(event) {
  const response = await fetch(event.request);
  const engine = LOGIN.exec(new URL(event.request.url).pathname)[1];
  const user = response.ok ? await response.clone().json().then((answer) => answer.userId, () => null) : null;
  if (user) {
    // what was read as the page arrived said who was logged in then: not to be handed out after a login
    early = new Map();
    // The engines first and alone: the new session's first answer stores its CSRF token, which reads in
    // parallel would each try to store (a 500, and a token the page does not hold). The others together after it.
    const [engines, ...others] = AFTER_LOGIN(engine, user);
    keep(event.clientId, engines).then((answer) => answer.ok && others.forEach((read) => keep(event.clientId, read)),
      () => {});
  }
  return response;
}

/** Asks for one read for a page and keeps its answer for that page's request, once. */
function keep(client, [method, path]) {
  const address = new URL(path, WEBAPPS).href;
  const key = client + ' ' + method + ' ' + address;
  const answer = fetch(address, { method, credentials: 'same-origin', headers: { Accept: 'application/json, text/plain, */*' } });
  answer.catch(() => {});
  afterLogin.set(key, answer);
  // not asked for by then: the page went elsewhere
  setTimeout(() => afterLogin.get(key) === answer && afterLogin.delete(key), EARLY_FOR_MS);
  return answer;
}
