/* All the programme manager's countries at a glance, and the forms to onboard, staff and open cycles. */
import { $, api, clearErrors, el, formatDate, showErrors, start, t } from '/ui/uprflow.js';
import * as DashboardCharts from './charts.js';

(async () => {
  /** The phases of a cycle in order: where a cycle that began before the platform stands. */
  const PHASES = ['PRE_SESSION', 'REVIEW_AND_POSITIONS', 'IMPLEMENTATION_PLAN', 'COORDINATION_MEETING', 'MATRIX_AGREEMENT',
    'IMPLEMENTATION_MONITORING', 'MID_TERM_REPORT'];

  const session = await start('dashboard');
  document.title = t('page.dashboard.title');
  if (!session.admin && !session.programmeManager) {
    $('summary').textContent = t('page.dashboard.forbidden');
    return;
  }
  $('actions').hidden = false;
  wireForms();
  await load();
  document.body.dataset.ready = 'true';

  async function load() {
    let overview;
    try {
      overview = await api('GET', '/api/dashboard');
    } catch (problem) {
      $('problem').textContent = problem.detail || problem.title || problem.message;
      $('problem').hidden = false;
      return;
    }
    // a card per open cycle: a country with two cycles open has two cards, but counts and is chosen once
    const countries = [...new Map(overview.countries.map(c => [c.code, c])).values()];
    $('summary').textContent = countries.length === 0 ? t('page.dashboard.empty')
      : t('page.dashboard.summary', countries.length, overview.openTasks, overview.overdueTasks);
    $('countries').replaceChildren(...overview.countries.map(card));
    document.querySelectorAll('select[data-countries]').forEach(select => {
      const chosen = select.value;
      select.replaceChildren(...countries.map(c => el('option', { value: c.code }, `${c.name} (${c.code})`)));
      if (chosen) {
        select.value = chosen;
      }
    });
  }

  function card(country) {
    const link = el('a', { href: `country.html?code=${encodeURIComponent(country.code)}`
      + (country.cycle ? `&cycle=${country.cycle.number}` : '') }, t('page.dashboard.details'));
    const parts = [el('h2', {}, el('span', { class: 'country-name' }, country.name),
      country.cycle ? el('span', { class: 'cycle-key muted' }, ' · ' + country.cycle.businessKey) : '', link)];
    if (!country.cycle) {
      parts.push(el('p', { class: 'muted' }, t('page.dashboard.no-cycle')));
    } else {
      parts.push(el('p', {},
        el('span', { class: 'badge current phase' }, t('page.dashboard.phase.' + country.phase)), ' ',
        el('span', { class: 'muted' }, t('page.dashboard.cycle', country.cycle.businessKey, formatDate(country.cycle.reviewDate)))));
      parts.push(timeline(country.timeline));
    }
    parts.push(el('h3', {}, t('page.dashboard.tasks')), tasks(country.tasks));
    parts.push(el('h3', {}, t('page.dashboard.matrix')));
    if (country.matrix) {
      parts.push(el('p', { class: 'muted' }, t('page.dashboard.matrix.version', country.matrix.version,
        t('page.report.matrix.' + country.matrix.versionStatus), country.matrix.entries)), DashboardCharts.matrixStatus(country.matrix.byStatus));
    } else {
      parts.push(el('p', { class: 'muted' }, t('page.dashboard.matrix.none')));
    }
    parts.push(el('h3', {}, t('page.dashboard.meetings')));
    parts.push(country.meetings.length ? DashboardCharts.attendance(country.meetings)
      : el('p', { class: 'muted' }, t('page.dashboard.meetings.none')));
    return el('article', { class: 'card country-card',
      dataset: { country: country.code, cycle: country.cycle ? country.cycle.businessKey : '' } }, parts);
  }

  function timeline(steps) {
    return el('ol', { class: 'timeline', 'aria-label': t('page.dashboard.timeline') }, steps.map(step => {
      const when = step.state === 'DONE' ? t('page.dashboard.done-on', formatDate(step.ended))
        : step.state === 'CURRENT' ? t('page.dashboard.since', formatDate(step.started))
          : t('page.dashboard.planned', formatDate(step.plannedBy));
      return el('li', { class: step.state, title: `${t('page.dashboard.state.' + step.state)} · ${when}` },
        t('page.dashboard.phase.' + step.phase), step.state === 'DONE' ? '' : el('span', { class: 'muted' }, ' · ' + when));
    }));
  }

  function tasks(counts) {
    if (counts.open === 0) {
      return el('p', { class: 'muted' }, t('page.dashboard.tasks.none'));
    }
    return el('div', { class: 'table-wrap' }, el('table', { class: 'tasks' },
      el('thead', {}, el('tr', {}, el('th', {}, t('page.dashboard.tasks.role')),
        el('th', { class: 'number' }, t('page.dashboard.tasks.open')), el('th', { class: 'number' }, t('page.dashboard.tasks.overdue')))),
      el('tbody', {}, counts.byRole.map(role => el('tr', {},
        el('td', {}, t('page.dashboard.role.' + role.role)),
        el('td', { class: 'number' }, role.open),
        el('td', { class: 'number' }, role.overdue ? el('span', { class: 'badge overdue' }, role.overdue) : '0'))))));
  }

  /** Each form calls the platform's own endpoint; a refusal is written next to the field at fault. */
  function wireForms() {
    submit($('onboard'), form => api('POST', '/api/countries', { code: form.code.value.trim() }),
      (form, country) => t('page.dashboard.onboard.done', country.name));
    submit($('participant'), form => api('POST', `/api/countries/${encodeURIComponent(form.country.value)}/participants`,
      values(form, ['userId', 'role', 'firstName', 'lastName', 'email', 'password'])),
      (form, participant) => t('page.dashboard.participant.done', participant.userId, form.country.value));
    wirePhases($('open-cycle'));
    submit($('open-cycle'), form => api('POST', `/api/countries/${encodeURIComponent(form.country.value)}/cycles`, {
      cycleNumber: number(form.cycleNumber.value), wgSession: number(form.wgSession.value),
      reviewDate: form.reviewDate.value || null, phase: form.phase.value, stepsDone: stepsDone(form)
    }), (form, cycle) => t('page.dashboard.open-cycle.done', cycle.businessKey));
  }

  /** Choosing a later phase asks for the day each earlier phase was done. */
  function wirePhases(form) {
    form.phase.replaceChildren(...PHASES.map(phase => el('option', { value: phase }, t('page.dashboard.phase.' + phase))));
    const earlier = form.querySelector('[data-earlier-phases]');
    const legend = earlier.querySelector('legend');
    const render = () => {
      const before = PHASES.slice(0, PHASES.indexOf(form.phase.value));
      earlier.replaceChildren(legend, ...before.map(phase => el('label', {},
        el('span', {}, t('page.dashboard.open-cycle.done-on', t('page.dashboard.phase.' + phase))),
        el('input', { name: 'doneOn-' + phase, type: 'date', dataset: { phase } }), el('span', { dataset: { errorFor: '' } }))));
      earlier.hidden = before.length === 0;
    };
    form.phase.addEventListener('change', render);
    form.addEventListener('reset', () => setTimeout(render));
    render();
  }

  /** The earlier phases given a day, each error slot named as the platform names the step it reports on. */
  function stepsDone(form) {
    const steps = [];
    form.querySelectorAll('input[data-phase]').forEach(input => {
      const slot = input.nextElementSibling;
      slot.dataset.errorFor = input.value ? `stepsDone[${steps.length}].doneOn` : '';
      if (input.value) {
        steps.push({ phase: input.dataset.phase, doneOn: input.value });
      }
    });
    return steps;
  }

  function submit(form, send, done) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(form);
      form.querySelector('[data-done]').textContent = '';
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        const result = await send(form);
        const message = done(form, result);
        form.reset();
        form.querySelector('[data-done]').textContent = message;
        await load();
      } catch (problem) {
        showErrors(form, problem);
      } finally {
        button.disabled = false;
      }
    });
  }

  /** The non-empty fields: an existing user is given with user name and role only. */
  function values(form, names) {
    const body = {};
    for (const name of names) {
      const value = form.elements[name].value.trim();
      if (value) {
        body[name] = value;
      }
    }
    return body;
  }

  function number(text) {
    return text === '' ? null : Number(text);
  }
})();
