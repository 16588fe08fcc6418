/*
 * The platform's page kit, an ES module every page imports (import { start, t, el } from '/ui/uprflow.js'):
 * session, texts, calls to /api and their problems, the element builder, dates and the lists of values
 * the pages show. Texts come from the server's message bundles (GET /api/messages); no English lives here.
 */
let texts = {};
let session = null;
const READ_ATTEMPTS = 2;
const RETRY_PAUSE_MS = 1500;
const TEXTS_KEPT = 'uprflow.texts.';
/*
 * The one sentence a page needs when even its texts cannot be fetched on a first visit; every other
 * text comes from the server's bundles (kept in the browser after the first load, for a lost link).
 */
const UNREACHABLE = {
  en: 'The platform cannot be reached. Check your connection and try again.',
  fr: 'La plateforme est injoignable. Vérifiez votre connexion et réessayez.',
  es: 'No se puede contactar con la plataforma. Compruebe su conexión e inténtelo de nuevo.'
};

/** An error answer of /api (application/problem+json), or a failure to reach it. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || String(status));
    this.status = status;
    this.title = body && body.title;
    this.detail = body && body.detail;
    this.errors = (body && body.errors) || {};
    this.body = body;
  }
}

export function t(key, ...args) {
  const text = texts[key];
  if (text === undefined) {
    return key;
  }
  // MessageFormat's rules as far as the bundles use them: {n} placeholders and '' for a quote.
  return text.replace(/\{(\d+)(?:,[^}]*)?\}/g, (match, index) => (args[index] === undefined ? match : String(args[index])))
    .replace(/''/g, "'");
}

const PASSWORD_PAGE = '/password/';

function passwordUrl() {
  return PASSWORD_PAGE + '?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
}

/**
 * The page named by ?next= when it is a path of this site, else the fallback, so that no link can send people
 * elsewhere. Browsers read a backslash as a slash ("/\\evil.example" is "//evil.example") and drop tabs and line
 * breaks, so those are refused outright; what is left must resolve to this origin.
 */
export function nextPage(fallback) {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) {
    return fallback;
  }
  const url = new URL(next, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
}

function loginUrl() {
  return '/login/?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
}

export async function api(method, path, body, options = {}) {
  const headers = Object.assign({
    Accept: 'application/json, application/problem+json',
    // Asks for a 401 without the Basic challenge, so the browser shows no password dialog of its own.
    'X-Requested-With': 'XMLHttpRequest'
  }, options.headers || {});
  let payload = body;
  if (body !== undefined && body !== null && !(body instanceof FormData) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && session && session.csrfToken) {
    headers['X-XSRF-TOKEN'] = session.csrfToken;
  }
  let response;
  // A read is tried twice: on a slow or flaky link one lost request must not leave an empty page.
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch (networkError) {
      response = null;
    }
    const lost = response === null || [502, 503, 504].includes(response.status);
    if (!lost || method !== 'GET' || attempt === READ_ATTEMPTS) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, RETRY_PAUSE_MS));
  }
  if (response === null) {
    throw new Problem(0, { title: t('page.error.network') });
  }
  if (response.status === 401 && !options.noLoginRedirect) {
    location.assign(loginUrl());
  }
  if (response.status === 403 && !location.pathname.startsWith(PASSWORD_PAGE)
      && (response.headers.get('Content-Type') || '').includes('problem+json')) {
    // An account a programme manager created: its user sets their own password before anything else.
    const held = await response.clone().json().catch(() => ({}));
    if (held.passwordChangeRequired) {
      location.assign(passwordUrl());
    }
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (notJson) {
      problem = { title: t('page.error.unexpected', response.status) };
    }
    throw new Problem(response.status, problem);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach(node => {
      node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`)));
    });
  }
}

/**
 * An element with its attributes (on… a listener, dataset the data- attributes, text its first text) and
 * its children; null, undefined and false are left out.
 */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      node.append(String(value));
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function renderNavigation(active) {
  const header = document.getElementById('uprflow-nav');
  if (!header) {
    return;
  }
  const links = [];
  const manager = session.admin || session.programmeManager;
  if (manager) {
    links.push(['dashboard', '/dashboard/', 'page.nav.dashboard']);
  }
  // Managers land on the dashboard; their own tasks are one link away.
  links.push(['home', manager ? '/home/?view=tasks' : '/home/', 'page.nav.home']);
  links.push(['register', '/register/', 'page.nav.register']);
  links.push(['report', '/report/', 'page.report.nav']);
  links.push(['tasklist', '/camunda/app/tasklist/default/', 'page.nav.tasklist']);
  links.push(['notifications', '/notifications/', 'page.notifications.nav']);
  if (session.admin || session.programmeManager) {
    links.push(['cockpit', '/camunda/app/cockpit/default/', 'page.nav.cockpit']);
  }
  const logout = el('button', { type: 'button', class: 'link', onclick: logOut }, t('page.nav.logout'));
  header.replaceChildren(el('nav', { class: 'uf-nav', 'aria-label': t('page.nav.label') },
    el('a', { class: 'uf-brand', href: links[0][1] }, t('page.app.name')),
    el('ul', {}, links.map(([key, href, text]) => el('li', {},
      el('a', { href, 'aria-current': key === active ? 'page' : null }, t(text))))),
    el('span', { class: 'uf-user' }, t('page.nav.signed-in-as', session.userId), ' ', logout)));
}

async function logOut() {
  try {
    await api('POST', '/api/session/logout');
  } finally {
    location.assign('/login/');
  }
}

function language() {
  return navigator.language ? navigator.language.split('-')[0] : 'en';
}

/** The page's texts; when they cannot be fetched, the ones this browser kept from its last visit. */
export async function loadTexts() {
  const kept = TEXTS_KEPT + language();
  try {
    texts = await api('GET', '/api/messages');
    try {
      localStorage.setItem(kept, JSON.stringify(texts));
    } catch (full) {
      // a browser that keeps nothing still shows the page
    }
  } catch (problem) {
    const earlier = localStorage.getItem(kept);
    if (!earlier) {
      throw problem;
    }
    texts = JSON.parse(earlier);
  }
  document.documentElement.lang = language();
}

/**
 * What a page shows when it cannot load: the problem in the user's words and a way to try again,
 * never a blank screen.
 */
export function failed(problem) {
  const known = texts['page.error.network'] !== undefined;
  const lost = !problem || problem.status === 0 || !known;
  const message = lost ? (known ? t('page.error.network') : (UNREACHABLE[language()] || UNREACHABLE.en))
    : (problem.detail || problem.title || t('page.error.unexpected', problem.status));
  const retry = el('button', { type: 'button', onclick: () => location.reload() }, known ? t('page.error.retry') : '\u21bb');
  const box = el('div', { class: 'uf-error uf-failed', role: 'alert' }, el('p', {}, message), retry);
  document.querySelectorAll('.uf-failed').forEach(old => old.remove());
  (document.querySelector('main') || document.body).prepend(box);
}

/** Loads texts and the session (or goes to the login page), draws the navigation and translates the page. */
export async function start(active) {
  try {
    await loadTexts();
    session = await api('GET', '/api/session');
    if (session.passwordChangeRequired && !location.pathname.startsWith(PASSWORD_PAGE)) {
      location.assign(passwordUrl());
    }
  } catch (problem) {
    translate(document);
    failed(problem);
    throw problem;
  }
  renderNavigation(active);
  translate(document);
  return session;
}

/** Writes each field's problem next to its input ([data-error-for]) and the rest in [data-error-summary]. */
export function showErrors(form, problem) {
  clearErrors(form);
  let placed = 0;
  for (const [field, message] of Object.entries(problem.errors || {})) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
    if (slot) {
      slot.textContent = message;
      placed++;
    }
  }
  const summary = form.querySelector('[data-error-summary]');
  if (summary) {
    const unplaced = Object.entries(problem.errors || {})
      .filter(([field]) => !form.querySelector(`[data-error-for="${CSS.escape(field)}"]`))
      .map(([, message]) => message); // each a sentence that names its field
    summary.textContent = [problem.title, placed ? null : problem.detail, ...unplaced].filter(Boolean).join(' · ');
    summary.hidden = false;
  }
  return placed;
}

export function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach(slot => { slot.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  const summary = form.querySelector('[data-error-summary]');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}

/** An element of the page by its id. */
export const $ = (id) => document.getElementById(id);

/** The page's query parameters. */
export const params = () => new URLSearchParams(location.search);

/** The session the page started with (start). */
export const currentSession = () => session;

/**
 * An implementation status of the matrix, best first: the order of the register's lists, the matrix's
 * badges and the dashboard's charts. Each page words them from its bundle family (page.<page>.status.<value>).
 */
export const IMPLEMENTATION_STATUSES = ['FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'IN_PROCESS', 'LITTLE_OR_NO_ACTION',
  'NOT_STARTED'];

/** A moment (an ISO timestamp) as a day and a time in the page's language; '' for none. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString(document.documentElement.lang || undefined,
    { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** A moment of the server's log (a notice's) to the minute as the server wrote it: "2026-11-30 14:05". */
export function minute(iso) {
  return (iso || '').replace('T', ' ').slice(0, 16);
}

export function formatDate(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(date);
}

/**
 * The cycle a page of the country opens on when none is named: the cycle of the caller's
 * soonest-due open task there (with two cycles open, the new one is often still empty), else
 * the highest opened; '' when the country has none.
 */
export async function cycleWithWork(country) {
  const code = encodeURIComponent(country);
  const [tasks, cycles] = await Promise.all([api('GET', `/api/tasks?country=${code}&max=1`),
    api('GET', `/api/countries/${code}/cycles`)]);
  const withWork = cycles.find((c) => tasks.some((task) => task.cycle === c.businessKey));
  if (withWork) return String(withWork.cycleNumber);
  return cycles.length ? String(Math.max(...cycles.map((c) => c.cycleNumber))) : '';
}
