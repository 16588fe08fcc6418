// The register page of a country's cycle: recommendations (filtered and paged on the server),
// the implementation matrix in versions, progress reports and assessments, the audit trail.
// Built on the page kit (/ui/uprflow.js): the Tasklist login, the XSRF header, the texts. Each view is a
// module (recommendations.js with import.js, matrix.js, progress.js, audit.js) over what they share
// (store.js); this one opens the cycle and switches between them.
import { $, api, cycleWithWork, start, t } from '/ui/uprflow.js';
import { loadAudit, wireAudit } from './audit.js';
import { wireImport } from './import.js';
import { loadMatrix, loadVersions, wireMatrix } from './matrix.js';
import { loadProgressView, wireProgress } from './progress.js';
import { loadRecommendations, loadThemes, wireRecommendations } from './recommendations.js';
import { base, fail, fillStatuses, say, showViewsBy, state } from './store.js';

const VIEWS = ['register', 'matrix', 'progress', 'audit'];

function show(view) {
  state.view = VIEWS.includes(view) ? view : 'register';
  for (const panel of document.querySelectorAll('[data-view-panel]')) {
    panel.hidden = panel.dataset.viewPanel !== state.view;
  }
  for (const tab of document.querySelectorAll('.tabs button')) {
    tab.setAttribute('aria-current', tab.dataset.view === state.view ? 'page' : 'false');
  }
  remember();
  return load();
}

function remember() {
  const query = new URLSearchParams({ country: state.country, cycle: state.cycle, view: state.view });
  history.replaceState(null, '', `?${query}`);
}

async function openCycle() {
  if (!state.country || !state.cycle) {
    say(t('page.register.choose'));
    return;
  }
  say('');
  state.page = 0;
  state.auditPage = 0;
  state.version = null;
  state.permissions = await api('GET', `${base()}/matrix/permissions`);
  document.querySelector('[data-view="audit"]').hidden = !state.permissions.readAudit;
  $('register-tools').hidden = !state.permissions.register;
  await Promise.all([loadThemes(), loadVersions()]);
  await show(state.view === 'audit' && !state.permissions.readAudit ? 'register' : state.view);
}

function load() {
  const loaders = { register: loadRecommendations, matrix: loadMatrix, progress: loadProgressView, audit: loadAudit };
  return loaders[state.view]().catch(fail);
}

async function main() {
  state.session = await start('register');
  showViewsBy(show);
  fillStatuses();
  const params = new URLSearchParams(location.search);
  const countries = state.session.countries || [];
  const form = $('cycle');
  form.country.replaceChildren(...countries.map((code) => new Option(code, code)));
  state.country = (params.get('country') || countries[0] || '').toUpperCase();
  state.cycle = params.get('cycle') || '';
  state.view = params.get('view') || 'register';
  state.askedVersion = params.get('version');
  if (state.country && !countries.includes(state.country)) form.country.append(new Option(state.country, state.country));
  form.country.value = state.country;
  form.cycle.value = state.cycle;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.country = form.country.value;
    state.cycle = form.cycle.value;
    remember();
    openCycle().catch(fail);
  });
  for (const tab of document.querySelectorAll('.tabs button')) {
    tab.addEventListener('click', () => state.country && state.cycle && show(tab.dataset.view));
  }
  wireRecommendations();
  wireImport();
  wireMatrix();
  wireProgress();
  wireAudit();

  form.country.addEventListener('change', async () => {
    form.cycle.value = await cycleWithWork(form.country.value).catch(() => '');
  });
  if (state.country && !state.cycle) state.cycle = form.cycle.value = await cycleWithWork(state.country).catch(() => '');
  if (state.country && state.cycle) await openCycle();
  else say(t('page.register.choose'));
  document.body.dataset.ready = 'true';
}

main().catch(fail);
