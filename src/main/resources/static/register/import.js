// The register view's import: a file uploaded for a preview (how it was read, its columns and the field
// each feeds, counts, problems, first rows), read again as the user maps it, then confirmed or discarded.
import { $, api, el, t } from '/ui/uprflow.js';
import { loadRecommendations, loadThemes } from './recommendations.js';
import { base, positionText, problemText, state } from './store.js';

const ENCODINGS = ['UTF-8', 'UTF-16', 'windows-1252', 'x-MacRoman', 'ISO-8859-1'];
const DELIMITERS = [',', ';', '\t', '|'];

/** Uploads the file for a preview: nothing is imported before the user confirms it. */
async function importFile(form) {
  const result = $('import-result');
  result.replaceChildren();
  $('import-preview').replaceChildren();
  try {
    const preview = await api('POST', `${base()}/recommendations/import/previews`, new FormData(form));
    form.reset();
    showPreview(preview);
  } catch (problem) {
    showImportProblems(problem);
  }
}

function showImportProblems(problem) {
  const result = $('import-result');
  result.replaceChildren(el('p', { class: 'error', text: problemText(problem) }));
  const rows = problem.body?.problems || [];
  if (rows.length) result.append(problemTable(rows, problem.body.total ?? rows.length));
}

function problemTable(rows, total) {
  return el('div', {},
    el('p', { class: 'error', text: t('page.register.import.problems', total) }),
    el('table', { class: 'problems' },
      el('thead', {}, el('tr', {},
        el('th', { text: t('page.register.import.row') }), el('th', { text: t('page.register.import.column') }),
        el('th', { text: t('page.register.import.problem') }))),
      el('tbody', {}, ...rows.map((p) => el('tr', {},
        el('td', { text: p.row ?? t('page.register.import.file-level') }), el('td', { text: p.column ?? '' }),
        el('td', { text: p.message }))))));
}

const fieldName = (key) => t(`page.register.import.field.${key}`);
const delimiterName = (d) => (d === '\t' ? t('page.register.import.tab') : d);

/** The preview: how the file was read, its columns with the field each feeds, counts, problems, first rows. */
function showPreview(preview) {
  const box = $('import-preview');
  const path = `${base()}/recommendations/import/previews/${preview.id}`;
  const format = preview.format === 'CSV'
    ? `CSV (${preview.encoding}, ${delimiterName(preview.delimiter)})` : preview.format;
  const options = el('form', { class: 'row', id: 'import-options' });
  if (preview.format === 'CSV') {
    const encoding = el('select', { name: 'encoding' });
    encoding.add(new Option(`${t('page.register.import.detected')}: ${preview.encoding}`, ''));
    for (const name of ENCODINGS) encoding.add(new Option(name, name));
    const delimiter = el('select', { name: 'delimiter' });
    delimiter.add(new Option(`${t('page.register.import.detected')}: ${delimiterName(preview.delimiter)}`, ''));
    for (const d of DELIMITERS) delimiter.add(new Option(delimiterName(d), d));
    options.append(el('label', {}, el('span', { text: t('page.register.import.encoding') }), encoding),
      el('label', {}, el('span', { text: t('page.register.import.delimiter') }), delimiter));
  }
  const mapping = el('tbody');
  for (const column of preview.columns) {
    const select = el('select', { 'data-header': column.header, 'aria-label': column.header });
    select.add(new Option(t('page.register.import.ignore'), ''));
    for (const key of preview.fields) select.add(new Option(fieldName(key), key, false, column.field === key));
    mapping.append(el('tr', {},
      el('td', { text: column.header }), el('td', {}, select),
      el('td', { class: 'examples', text: column.examples.join(' · ') })));
  }
  const reread = el('button', { type: 'button', class: 'secondary', text: t('page.register.import.reread'),
    onclick: () => changePreview(path, options, mapping, preview) });
  const confirmButton = el('button', { type: 'button', id: 'import-confirm',
    text: t('page.register.import.confirm', preview.counts.recommendations),
    disabled: !preview.importable, onclick: () => confirmImport(path) });
  const discard = el('button', { type: 'button', class: 'secondary', text: t('page.register.import.discard'),
    onclick: () => discardPreview(path) });
  const c = preview.counts;
  box.replaceChildren(
    el('p', { text: t('page.register.import.read-as', format, preview.headerRow) }),
    options,
    el('h3', { text: t('page.register.import.mapping') }),
    el('table', { class: 'mapping' },
      el('thead', {}, el('tr', {}, el('th', { text: t('page.register.import.column') }),
        el('th', { text: t('page.register.import.field') }), el('th', { text: t('page.register.import.examples') }))),
      mapping),
    el('p', { class: 'hint', text: preview.notes.join(' ') }),
    el('div', { class: 'row' }, reread),
    el('p', { id: 'import-counts', text: t('page.register.import.counts', c.rowsRead, c.recommendations,
      c.skippedOtherStates, c.skippedOtherCycles, c.skippedOtherBodies, c.mergedRows) }),
    el('p', { text: t('page.register.import.flagged', c.flagged, c.withoutPosition) }),
    preview.problemCount ? problemTable(preview.problems, preview.problemCount) : '',
    el('h3', { text: t('page.register.import.rows') }),
    el('table', { class: 'import-rows' },
      el('thead', {}, el('tr', {}, el('th', { text: t('page.register.import.row') }),
        el('th', { text: t('page.register.column.number') }), el('th', { text: t('page.register.column.text') }),
        el('th', { text: t('page.register.column.state') }), el('th', { text: t('page.register.column.position') }),
        el('th', { text: t('page.register.import.flags') }))),
      el('tbody', {}, ...preview.rows.map((r) => el('tr', {},
        el('td', { text: r.row }), el('td', { text: r.reference ?? '' }),
        el('td', {}, el('div', { text: r.text }),
          el('div', { class: 'tags' }, ...[...r.themes, ...r.affectedPersons].map((tag) => el('span', { class: 'tag', text: tag })))),
        el('td', { text: r.recommendingStates.join(', ') }), el('td', { text: positionText(r.position) }),
        el('td', { text: r.flags.join(' ') }))))),
    el('div', { class: 'row' }, confirmButton, discard));
}

/** Reads the stored file again with the encoding, delimiter and mapping chosen in the page. */
async function changePreview(path, options, mapping, preview) {
  const chosen = {};
  for (const key of preview.fields) chosen[key] = '';
  for (const select of mapping.querySelectorAll('select')) {
    if (select.value) chosen[select.value] = select.dataset.header;
  }
  const body = { mapping: chosen, encoding: options.encoding?.value || null, delimiter: options.delimiter?.value || null };
  try {
    $('import-result').replaceChildren();
    showPreview(await api('PUT', path, body));
  } catch (problem) {
    showImportProblems(problem);
  }
}

async function confirmImport(path) {
  try {
    const summary = await api('POST', `${path}/confirmation`);
    $('import-preview').replaceChildren();
    $('import-result').replaceChildren(el('p', { class: 'ok',
      text: t('page.register.import.done', summary.imported, summary.updated, summary.unchanged, summary.withoutPosition) }));
    state.page = 0;
    await Promise.all([loadRecommendations(), loadThemes()]);
  } catch (problem) {
    showImportProblems(problem);
  }
}

async function discardPreview(path) {
  try {
    await api('DELETE', path);
    $('import-preview').replaceChildren();
    $('import-result').replaceChildren(el('p', { class: 'ok', text: t('page.register.import.discarded') }));
  } catch (problem) {
    showImportProblems(problem);
  }
}

/** The import form. */
export function wireImport() {
  $('import').addEventListener('submit', (event) => { event.preventDefault(); importFile(event.target); });
}
