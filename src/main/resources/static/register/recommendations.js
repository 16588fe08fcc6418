// The register view: a cycle's recommendations, filtered and paged on the server, with their positions,
// and the programme manager's additions, edits, deletions and carry-over from the previous cycle.
import { $, api, clearErrors, el, t } from '/ui/uprflow.js';
import { base, dialogForm, fail, positionText, say, state, write } from './store.js';

const PAGE_SIZE = 25;

const list = (text) => (text || '').split(';').map((value) => value.trim()).filter(Boolean);

export async function loadThemes() {
  const themes = await api('GET', `${base()}/recommendations/themes`);
  const select = $('filters').theme;
  const chosen = select.value;
  select.replaceChildren(new Option(t('page.register.any'), ''),
    ...themes.map((theme) => new Option(`${theme.theme} (${theme.recommendations})`, theme.theme)));
  select.value = chosen;
}

export async function loadRecommendations() {
  const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  for (const [name, value] of new FormData($('filters'))) {
    if (value) query.set(name, value);
  }
  const [page, missing, origins] = await Promise.all([
    api('GET', `${base()}/recommendations?${query}`),
    api('GET', `${base()}/recommendations/missing-positions`),
    api('GET', `${base()}/recommendations/origins`),
  ]);
  state.origins = new Map(origins.map((o) => [o.id, o]));
  $('recommendations').replaceChildren(...page.items.map(recommendationRow));
  if (page.items.length === 0) {
    $('recommendations').append(el('tr', {}, el('td', { colspan: 6, text: t('page.register.none') })));
  }
  $('register-summary').textContent = t('page.register.summary', page.total, missing.missing);
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page-of').textContent = t('page.register.page', page.page + 1, pages);
  $('previous').disabled = page.page === 0;
  $('next').disabled = page.page + 1 >= pages;
}

function recommendationRow(r) {
  const label = (key) => t(`page.register.column.${key}`);
  const tags = [...r.themes, ...r.affectedGroups].map((tag) => el('span', { class: 'tag', text: tag }));
  const position = state.permissions.recordPositions ? positionSelect(r) : el('span', { text: positionText(r.position) });
  const actions = el('td', { 'data-label': label('actions'), class: 'actions' });
  if (state.permissions.register) {
    actions.append(
      el('button', { type: 'button', class: 'secondary', text: t('page.register.edit'), onclick: () => editRecommendation(r) }),
      el('button', { type: 'button', class: 'danger', text: t('page.register.delete'), onclick: () => deleteRecommendation(r) }));
  }
  return el('tr', { 'data-id': r.id },
    el('td', { 'data-label': label('number'), text: r.citation ?? r.ordinal }),
    el('td', { 'data-label': label('text') }, el('div', { text: r.text }), el('div', { class: 'tags' }, ...tags),
      originOf(r)),
    el('td', { 'data-label': label('state'), text: (r.recommendingStates || [r.recommendingState]).join(', ') }),
    el('td', { 'data-label': label('category'), text: r.actionCategory ?? '' }),
    el('td', { 'data-label': label('position') }, position),
    actions);
}

/** For a recommendation carried over from the previous cycle: which one it continues ("from KE-4, no. 12"). */
function originOf(r) {
  const origin = state.origins && state.origins.get(r.id);
  if (!origin) return '';
  return el('div', { class: 'origin muted', text: t('page.register.carried-from',
    `${state.country.toUpperCase()}-${origin.carriedFromCycle}`, origin.carriedFromNumber) });
}

/** A programme manager starts an empty register from the previous cycle's recommendations still open. */
async function carryOver() {
  if (!confirm(t('page.register.carry-over.confirm'))) return;
  try {
    const done = await api('POST', `${base()}/recommendations/carry-over`);
    say(t('page.register.carry-over.done', done.carriedOver, done.from), 'ok');
    await loadThemes();
    await loadRecommendations();
  } catch (problem) {
    fail(problem);
  }
}

function positionSelect(r) {
  const select = el('select', { 'aria-label': t('page.register.column.position'), name: 'position' });
  for (const value of ['', 'SUPPORTED', 'SUPPORTED_IN_PART', 'NOTED']) {
    select.add(new Option(positionText(value), value, false, (r.position || '') === value));
  }
  select.addEventListener('change', async () => {
    try {
      const changed = await write('PUT', `${base()}/recommendations/${r.id}/position`,
        { position: select.value || null }, r.version);
      Object.assign(r, changed);
      say(t('page.register.saved'), 'ok');
      await loadRecommendations();
    } catch (problem) {
      select.value = r.position || '';
      fail(problem);
    }
  });
  return select;
}

function recommendationForm(r) {
  const form = $('recommendation-form');
  form.reset();
  $('recommendation-heading').textContent = r ? t('page.register.edit-heading', r.ordinal) : t('page.register.add');
  if (r) {
    for (const name of ['text', 'recommendingState', 'sourceReference']) form[name].value = r[name] || '';
    form.session.value = r.session ?? '';
    form.actionCategory.value = r.actionCategory ?? '';
    form.position.value = r.position || '';
    form.themes.value = r.themes.join('; ');
    form.affectedGroups.value = r.affectedGroups.join('; ');
    form.sdgTargets.value = r.sdgTargets.join('; ');
  }
  clearErrors(form);
  state.editing = { kind: 'recommendation', item: r };
  $('recommendation-dialog').showModal();
}

const addRecommendation = () => recommendationForm(null);
const editRecommendation = (r) => recommendationForm(r);

async function saveRecommendation(form) {
  const fields = {
    text: form.text.value.trim(),
    recommendingState: form.recommendingState.value.trim(),
    session: form.session.value ? Number(form.session.value) : null,
    actionCategory: form.actionCategory.value ? Number(form.actionCategory.value) : null,
    position: form.position.value || null,
    themes: list(form.themes.value),
    affectedGroups: list(form.affectedGroups.value),
    sdgTargets: list(form.sdgTargets.value),
    sourceReference: form.sourceReference.value.trim() || null,
  };
  const r = state.editing.item;
  if (r) await write('PUT', `${base()}/recommendations/${r.id}`, fields, r.version);
  else await api('POST', `${base()}/recommendations`, fields);
  say(t('page.register.saved'), 'ok');
  await Promise.all([loadRecommendations(), loadThemes()]);
}

async function deleteRecommendation(r) {
  if (!confirm(t('page.register.delete-confirm', r.ordinal))) return;
  try {
    await write('DELETE', `${base()}/recommendations/${r.id}`, null, r.version);
    say(t('page.register.deleted', r.ordinal), 'ok');
    await loadRecommendations();
  } catch (problem) {
    fail(problem);
  }
}

/** The register view's controls: filters, pages, the dialog, carry-over. */
export function wireRecommendations() {
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    state.page = 0;
    loadRecommendations().catch(fail);
  });
  $('clear-filters').addEventListener('click', () => {
    $('filters').reset();
    state.page = 0;
    loadRecommendations().catch(fail);
  });
  $('previous').addEventListener('click', () => { state.page--; loadRecommendations().catch(fail); });
  $('next').addEventListener('click', () => { state.page++; loadRecommendations().catch(fail); });
  $('add-recommendation').addEventListener('click', addRecommendation);
  $('carry-over').addEventListener('click', carryOver);
  dialogForm($('recommendation-form'), saveRecommendation);
}
