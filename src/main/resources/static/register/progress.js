// The progress view: for a row of the latest matrix, the sides' progress reports and the assessments.
import { $, api, clearErrors, el, showErrors, t, when } from '/ui/uprflow.js';
import { base, fail, say, state, statusText } from './store.js';

export async function loadProgressView() {
  const latest = state.versions[state.versions.length - 1];
  const select = $('progress-entry');
  const view = latest ? await api('GET', `${base()}/matrix/versions/${latest.number}`) : { entries: [] };
  const wanted = select.dataset.want || select.value;
  delete select.dataset.want;
  select.replaceChildren(...view.entries.map((e) => new Option(
    `${e.themeCluster}${e.responsibleInstitution ? ` · ${e.responsibleInstitution}` : ''} · ${statusText(e.status)}`, e.key)));
  if (wanted && view.entries.some((e) => e.key === wanted)) select.value = wanted;
  $('progress').hidden = view.entries.length === 0;
  $('report-form').hidden = !state.permissions.reportProgress;
  $('assessment-form').hidden = !state.permissions.assess;
  if (view.entries.length === 0) {
    say(t('page.register.matrix.empty'));
    return;
  }
  await loadProgress();
}

async function loadProgress() {
  const key = $('progress-entry').value;
  if (!key) return;
  const progress = await api('GET', `${base()}/matrix/entries/${key}/progress`);
  const note = (n) => el('li', {},
    el('p', { text: n.text }),
    el('p', { class: 'hint', text: t('page.register.progress.by', n.createdBy, t(`page.register.role.${n.authorRole}`),
      when(n.createdAt), statusText(n.status) || '–') }));
  $('reports').replaceChildren(...progress.reports.map(note));
  $('assessments').replaceChildren(...progress.assessments.map(note));
  if (!progress.reports.length) $('reports').append(el('li', { class: 'hint', text: t('page.register.progress.none') }));
  if (!progress.assessments.length) {
    $('assessments').append(el('li', { class: 'hint', text: t('page.register.progress.none') }));
  }
}

async function addNote(form, path) {
  clearErrors(form);
  try {
    await api('POST', `${base()}/matrix/entries/${$('progress-entry').value}/${path}`,
      { text: form.text.value.trim(), status: form.status.value || null });
    form.reset();
    say(t('page.register.saved'), 'ok');
    await loadProgress();
  } catch (problem) {
    showErrors(form, problem);
  }
}

/** The progress view's controls: the row chosen and the two forms. */
export function wireProgress() {
  $('progress-entry').addEventListener('change', () => loadProgress().catch(fail));
  $('report-form').addEventListener('submit', (event) => { event.preventDefault(); addNote(event.target, 'progress-reports'); });
  $('assessment-form').addEventListener('submit', (event) => { event.preventDefault(); addNote(event.target, 'assessments'); });
}
