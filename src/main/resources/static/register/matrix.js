// The matrix view: the implementation matrix of a cycle in versions (drafts, agreements, the final one),
// its rows and their edits, and the comparison of two versions.
import { $, api, clearErrors, el, Problem, showErrors, t, when } from '/ui/uprflow.js';
import { base, dialogForm, fail, say, show, state, statusText, write } from './store.js';

/** Numbers such as "3, 7, 12-15" as [3, 7, 12, 13, 14, 15]; null when something is no number. */
function numbers(text) {
  const result = [];
  for (const part of (text || '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.match(/^(\d+)\s*-\s*(\d+)$/);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 500) return null;
      for (let n = from; n <= to; n++) result.push(n);
    } else if (/^\d+$/.test(part)) {
      result.push(Number(part));
    } else {
      return null;
    }
  }
  return result;
}

/** A matrix row's recommendations as cited: UN paragraph numbers where the register has them, else "3, 7, 12-15". */
function cited(entry) {
  const citations = entry.recommendationCitations || [];
  const byParagraph = citations.some((c, i) => c !== String(entry.recommendationNumbers[i]));
  return byParagraph ? citations.join(', ') : ranges(entry.recommendationNumbers);
}

/** Back to "3, 7, 12-15". */
function ranges(values) {
  const parts = [];
  for (let i = 0; i < values.length; i++) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j > i + 1 ? `${values[i]}-${values[j]}` : values.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}

export async function loadVersions() {
  state.versions = await api('GET', `${base()}/matrix/versions`);
  const label = (v) => t(v.status === 'FINAL' ? 'page.register.matrix.final' : 'page.register.matrix.draft', v.number);
  for (const select of [$('version'), $('compare').from, $('compare').to]) {
    select.replaceChildren(...state.versions.map((v) => new Option(label(v), v.number)));
  }
  const latest = state.versions[state.versions.length - 1];
  if (latest) {
    $('version').value = latest.number;
    $('compare').to.value = latest.number;
    $('compare').from.value = state.versions.length > 1 ? latest.number - 1 : latest.number;
  }
  // A task's form links the version it asks about (&version=3): open that one, once.
  const asked = state.versions.find((v) => String(v.number) === state.askedVersion);
  if (asked) $('version').value = asked.number;
  state.askedVersion = null;
}

export async function loadMatrix() {
  const number = $('version').value;
  state.version = number ? await api('GET', `${base()}/matrix/versions/${number}`) : null;
  const version = state.version?.version;
  const latest = state.versions[state.versions.length - 1];
  const draft = version?.status === 'DRAFT';
  const p = state.permissions;
  $('add-entry').hidden = !p.draftMatrix || !(draft || !latest);
  $('start-draft').hidden = !p.draftMatrix || !latest || latest.status !== 'FINAL';
  $('agree-form').hidden = !p.agree || !draft;
  $('finalise-form').hidden = !p.finalise || !draft;
  const today = new Date().toISOString().slice(0, 10);
  for (const day of [$('agreed-on'), $('finalised-on')]) {
    day.max = today;
    if (!day.value) day.value = today;
  }
  $('compare').hidden = state.versions.length < 2;
  $('version-status').textContent = version ? versionStatus(version) : t('page.register.matrix.none');
  const entries = state.version?.entries || [];
  $('matrix-empty').hidden = entries.length > 0;
  $('entries').replaceChildren(...entries.map((entry) => entryCard(entry, draft && p.draftMatrix)));
  $('institutions').replaceChildren(...[...new Set(entries.map((e) => e.responsibleInstitution).filter(Boolean))]
    .map((name) => new Option(name)));
}

function versionStatus(v) {
  const parts = [t(v.status === 'FINAL' ? 'page.register.matrix.final' : 'page.register.matrix.draft', v.number)];
  if (v.status === 'FINAL') {
    parts.push(t('page.register.matrix.finalised-by', v.finalisedBy, v.finalisedOn || when(v.finalisedAt)));
  }
  // the day each side states it agreed, else (a version agreed before days were stated) when it was recorded
  if (v.csoAgreedBy) parts.push(t('page.register.matrix.cso-agreed', v.csoAgreedBy, v.csoAgreedOn || when(v.csoAgreedAt)));
  if (v.governmentAgreedBy) {
    parts.push(t('page.register.matrix.government-agreed', v.governmentAgreedBy,
      v.governmentAgreedOn || when(v.governmentAgreedAt)));
  }
  return parts.join(' · ');
}

function entryCard(entry, editable) {
  const field = (key, value) => (value ? el('div', { class: 'field' },
    el('span', { class: 'label', text: t(`page.register.field.${key}`) }), el('span', { text: value })) : null);
  return el('article', { class: 'entry', 'data-key': entry.key },
    el('header', {},
      el('h2', { text: entry.themeCluster }), // the matrix view's sections: right under the page's h1
      el('span', { class: `status status-${entry.status}`, text: statusText(entry.status) })),
    field('goal', entry.goal),
    field('actions', entry.actions),
    field('indicators', entry.indicators),
    field('institution', entry.responsibleInstitution),
    field('timeline', entry.timeline),
    field('recommendations', cited(entry)),
    el('p', { class: 'hint', text: t('page.register.updated', entry.updatedBy, when(entry.updatedAt), entry.version) }),
    editable ? el('button', { type: 'button', class: 'secondary', text: t('page.register.edit'),
      onclick: () => entryForm(entry) }) : null,
    el('button', { type: 'button', class: 'secondary', text: t('page.register.progress.open'),
      onclick: () => { $('progress-entry').dataset.want = entry.key; show('progress'); } }));
}

function entryForm(entry) {
  const form = $('entry-form');
  form.reset();
  clearErrors(form);
  $('entry-reload').hidden = true;
  $('entry-heading').textContent = entry ? t('page.register.matrix.edit-heading', entry.themeCluster)
    : t('page.register.matrix.add');
  fillEntry(form, entry);
  state.editing = { kind: 'entry', item: entry };
  $('entry-dialog').showModal();
}

function fillEntry(form, entry) {
  for (const name of ['themeCluster', 'goal', 'actions', 'indicators', 'responsibleInstitution', 'timeline']) {
    form[name].value = entry?.[name] || '';
  }
  form.status.value = entry?.status || 'NOT_STARTED';
  form.recommendationNumbers.value = ranges(entry?.recommendationNumbers || []);
}

async function saveEntry(form) {
  const linked = numbers(form.recommendationNumbers.value);
  if (linked == null) {
    const message = t('page.register.matrix.numbers-invalid');
    throw new Problem(400, { title: message, errors: { recommendationNumbers: message } });
  }
  const fields = { recommendationNumbers: linked, status: form.status.value };
  for (const name of ['themeCluster', 'goal', 'actions', 'indicators', 'responsibleInstitution', 'timeline']) {
    fields[name] = form[name].value.trim() || null;
  }
  const entry = state.editing.item;
  if (entry) {
    await write('PUT', `${base()}/matrix/versions/${entry.matrixVersion}/entries/${entry.key}`, fields, entry.version);
  } else {
    await api('POST', `${base()}/matrix/entries`, fields);
  }
  say(t('page.register.saved'), 'ok');
  await loadVersions();
  await loadMatrix();
}

/** After a 409: the row as the other person saved it, so the user can make their change again. */
async function reloadEntry() {
  const entry = state.editing.item;
  const view = await api('GET', `${base()}/matrix/versions/${entry.matrixVersion}`);
  const current = view.entries.find((e) => e.key === entry.key);
  state.editing.item = current;
  fillEntry($('entry-form'), current);
  $('entry-reload').hidden = true;
  clearErrors($('entry-form'));
  await loadMatrix();
}

/**
 * The side's agreement to the draft shown (agreement), or the programme manager's finalisation of an
 * agreement reached outside the platform (finalise), on the day the form states; the server applies
 * the rules and names the field.
 */
async function onStatedDay(form, action) {
  clearErrors(form);
  const number = $('version').value;
  const day = form.querySelector('input[type=date]');
  if (action === 'finalise' && !confirm(t('page.register.matrix.finalise-confirm', number))) return;
  try {
    await api('POST', `${base()}/matrix/versions/${number}/${action}`, { [day.name]: day.value || null });
    say(t('page.register.saved'), 'ok');
    await loadVersions();
    await loadMatrix();
  } catch (problem) {
    if (!showErrors(form, problem)) fail(problem);
  }
}

/** The next draft: a copy of the last final version. */
async function startDraft() {
  try {
    await api('POST', `${base()}/matrix/versions`);
    say(t('page.register.saved'), 'ok');
    await loadVersions();
    await loadMatrix();
  } catch (problem) {
    fail(problem);
  }
}

async function compare(form) {
  const result = await api('GET', `${base()}/matrix/compare?from=${form.from.value}&to=${form.to.value}`);
  const out = $('comparison');
  out.replaceChildren(el('h3', { text: t('page.register.compare.heading', result.from, result.to) }));
  const value = (name, v) => {
    if (name === 'status') return statusText(v);
    if (Array.isArray(v)) return ranges(v);
    return v ?? '';
  };
  const changes = [
    ...result.added.map((e) => el('li', { class: 'added', text: t('page.register.compare.added', e.themeCluster) })),
    ...result.removed.map((e) => el('li', { class: 'removed', text: t('page.register.compare.removed', e.themeCluster) })),
    ...result.changed.map((c) => el('li', {}, el('strong', { text: c.themeCluster }), el('ul', {},
      ...Object.entries(c.fields).map(([name, change]) => el('li', {},
        el('span', { class: 'label', text: `${t(`page.register.compare.field.${name}`)}: ` }),
        el('del', { text: value(name, change.before) }), ' → ', el('ins', { text: value(name, change.after) })))))),
  ];
  out.append(changes.length ? el('ul', { class: 'changes' }, ...changes)
    : el('p', { text: t('page.register.compare.same') }));
}

/** The matrix view's controls: versions, the row dialog, agreement, finalisation, comparison. */
export function wireMatrix() {
  dialogForm($('entry-form'), saveEntry);
  $('entry-reload').addEventListener('click', () => reloadEntry().catch(fail));
  $('version').addEventListener('change', () => loadMatrix().catch(fail));
  $('add-entry').addEventListener('click', () => entryForm(null));
  $('start-draft').addEventListener('click', () => startDraft());
  for (const [form, action] of [['agree-form', 'agreement'], ['finalise-form', 'finalise']]) {
    $(form).addEventListener('submit', (event) => {
      event.preventDefault();
      onStatedDay(event.target, action);
    });
  }
  $('compare').addEventListener('submit', (event) => { event.preventDefault(); compare(event.target).catch(fail); });
}
