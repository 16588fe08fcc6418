// The mid-term report page: the report of a country's cycle as the server renders it from the one
// template it also lays out as PDF (GET .../report.html), its PDF and CSV, the programme manager's
// publish button and, once published, the public link she may make and revoke.
import { $, api, clearErrors, cycleWithWork, showErrors, start, t } from '/ui/uprflow.js';

const base = (country, cycle) => `/api/countries/${encodeURIComponent(country)}/cycles/${encodeURIComponent(cycle)}`;

function showProblem(problem) {
  $('problem').textContent = problem.detail || problem.title || String(problem);
}

/** The country's cycles to choose from, on {@code selected} or else the one where the caller has work. */
async function loadCycles(country, selected) {
  const cycles = await api('GET', `/api/countries/${encodeURIComponent(country)}/cycles`);
  if (!selected) selected = await cycleWithWork(country);
  $('cycle').replaceChildren(...cycles.map((c) =>
    new Option(`${c.cycleNumber} (${c.businessKey})`, c.cycleNumber, false, String(c.cycleNumber) === String(selected))));
}

async function open(country, cycle) {
  $('problem').textContent = '';
  $('loading').hidden = false;
  try {
    history.replaceState(null, '', `?country=${encodeURIComponent(country)}&cycle=${encodeURIComponent(cycle)}`);
    await render(await api('GET', base(country, cycle) + '/report'));
  } catch (problem) {
    $('report').hidden = true;
    showProblem(problem);
  } finally {
    $('loading').hidden = true;
  }
}

/** The controls from the report's JSON, the document from the server's template. */
async function render(r) {
  const path = base(r.countryCode, r.cycleNumber);
  const draft = r.state === 'DRAFT';
  $('report').dataset.state = r.state;
  $('state-explain').textContent = t(draft ? 'page.report.draft.explain' : 'page.report.published.explain');
  $('pdf').href = path + '/report.pdf';
  $('csv').href = path + '/matrix.csv';
  $('publication').hidden = !draft;
  $('publish').disabled = !r.publishable;
  $('published-on').disabled = !r.publishable;
  if (draft) statedDayBounds(r);
  $('publication').onsubmit = (event) => {
    event.preventDefault();
    publish(path, r.matrix);
  };
  $('publish-note').textContent = draft && !r.publishable ? t('page.report.publish.unavailable') : '';
  const html = await api('GET', path + '/report.html', undefined, { headers: { Accept: 'text/html' } });
  $('document').innerHTML = html;
  $('report').hidden = false;
  await showPublicLink(path, draft);
}

/** A published report's public link, for its programme managers (the API answers 403 to others). */
async function showPublicLink(path, draft) {
  $('public').hidden = true;
  if (draft) return;
  let link = null;
  try {
    link = await api('GET', path + '/report/public-link');
  } catch (problem) {
    if (problem.status === 403) return;
    if (problem.status !== 404) throw problem;
  }
  $('public').hidden = false;
  $('public-state').textContent = link ? t('page.report.public.live', link.createdBy) : t('page.report.public.none');
  $('public-url').hidden = !link;
  if (link) {
    $('public-url').href = link.path;
    $('public-url').textContent = new URL(link.path, location.origin).href;
  }
  $('make-public').hidden = !!link;
  $('revoke-public').hidden = !link;
  $('make-public').onclick = () => changePublicLink(path, 'POST');
  $('revoke-public').onclick = () => {
    if (confirm(t('page.report.public.revoke.confirm'))) changePublicLink(path, 'DELETE');
  };
}

async function changePublicLink(path, method) {
  try {
    await api(method, path + '/report/public-link');
    await showPublicLink(path, false);
  } catch (problem) {
    showProblem(problem);
  }
}

const isoDay = (date) => date.toISOString().slice(0, 10);

/**
 * The day of publication as stated: today unless she says otherwise, offered between the latest day
 * it cannot precede (the review once it has come, the matrix final, the last contribution) and
 * today. The server applies the same rules and names the field when a day breaks them.
 */
function statedDayBounds(r) {
  const today = isoDay(new Date());
  const earlier = [r.reviewDate, r.matrix?.finalisedOn, ...(r.contributions || []).map((c) => c.submittedOn)]
    .filter((day) => day && day <= today).sort();
  const input = $('published-on');
  input.max = today;
  input.min = earlier.length ? earlier[earlier.length - 1] : '';
  if (!input.value) input.value = today;
}

// On a matrix that is not final the server wants the reason, which the report then prints.
async function publish(path, matrix) {
  const form = $('publication');
  clearErrors(form);
  const body = { publishedOn: $('published-on').value || null };
  if (matrix && matrix.status === 'FINAL') {
    if (!confirm(t('page.report.publish.confirm'))) return;
  } else {
    const reason = prompt(t('page.report.publish.draft-reason'));
    if (reason === null) return;
    body.draftReason = reason;
  }
  $('publish').disabled = true;
  try {
    await render(await api('POST', path + '/report/publication', body));
    $('publish-note').textContent = t('page.report.publish.done');
  } catch (problem) {
    if (!showErrors(form, problem)) showProblem(problem);
    $('publish').disabled = false;
  }
}

async function main() {
  await start('report');
  const params = new URLSearchParams(location.search);
  const countries = await api('GET', '/api/countries');
  $('country').replaceChildren(...countries.map((c) =>
    new Option(`${c.name} (${c.code})`, c.code, false, c.code === (params.get('country') || '').toUpperCase())));
  $('country').addEventListener('change', () => loadCycles($('country').value).catch(showProblem));
  $('choose').addEventListener('submit', (event) => {
    event.preventDefault();
    open($('country').value, $('cycle').value);
  });
  if ($('country').value) {
    await loadCycles($('country').value, params.get('cycle'));
  }
  if (params.get('country') && params.get('cycle')) {
    await open(params.get('country'), params.get('cycle'));
  }
  document.body.dataset.ready = 'true';
}

main().catch(showProblem);
