/*
 * The dashboard's charts, drawn with Apache ECharts (served from the platform's jar as a WebJar).
 * A chart is drawn when its box scrolls into view, so an overview of many countries stays quick, and
 * the library itself (a megabyte, a third of it compressed) is fetched only when the first chart is
 * drawn: a page without a chart in view never downloads it.
 */
import { el, IMPLEMENTATION_STATUSES as STATUSES, t } from '/ui/uprflow.js';

const STATUS_COLOURS = ['#1a7f37', '#7cb342', '#f0b400', '#e07b00', '#9aa5b1'];
const SIDES = [['cso', '#00598a'], ['government', '#b45309'], ['nhri', '#6d28d9']];
const charts = [];
const pending = new Map();
const observer = 'IntersectionObserver' in window ? new IntersectionObserver(entries => {
  for (const entry of entries) {
    if (entry.isIntersecting && pending.has(entry.target)) {
      draw(entry.target, pending.get(entry.target));
      pending.delete(entry.target);
      observer.unobserve(entry.target);
    }
  }
}, { rootMargin: '200px' }) : null;

const LIBRARY = '/webjars/echarts/5.3.1/dist/echarts.min.js';
let library = null;

function loadLibrary() {
  if (!library) {
    library = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = LIBRARY;
      script.onload = () => resolve(window.echarts);
      script.onerror = () => {
        library = null;
        reject(new Error(LIBRARY));
      };
      document.head.append(script);
    });
  }
  return library;
}

async function draw(box, option) {
  let echarts;
  try {
    echarts = await loadLibrary();
  } catch (notLoaded) {
    box.replaceChildren(el('p', { class: 'uf-error', role: 'alert' }, t('page.error.network')));
    return;
  }
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  // Drawn at once: a dashboard is read, not watched.
  chart.setOption(Object.assign({ animation: false }, option));
  charts.push(chart);
}

function later(box, option) {
  if (observer) {
    pending.set(box, option);
    observer.observe(box);
  } else {
    draw(box, option);
  }
  return box;
}

window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

/**
 * The chart's text alternative: its title and every figure it draws, so that a screen reader (or a
 * browser that cannot draw it) tells the same as the picture.
 */
function alternative(title, groups) {
  const said = groups.filter(([, parts]) => parts.length).map(([name, parts]) =>
    (name ? name + ': ' : '') + parts.map(([label, value]) => `${label} ${value}`).join(', '));
  return [title, ...said].join('. ');
}

const statusParts = byStatus => STATUSES.filter(s => byStatus[s]).map(s => [t('page.dashboard.status.' + s), byStatus[s]]);

/** A bar per status of the matrix's rows (byStatus: status -> rows). */
export function matrixStatus(byStatus, tall) {
  const box = el('div', { class: tall ? 'chart tall' : 'chart', role: 'img',
    'aria-label': alternative(t('page.dashboard.matrix'), [['', statusParts(byStatus)]]) });
  return later(box, {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {},
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: STATUSES.map(s => t('page.dashboard.status.' + s)) },
    series: [{ type: 'bar', data: STATUSES.map((s, i) => ({ value: byStatus[s] || 0, itemStyle: { color: STATUS_COLOURS[i] } })) }]
  });
}

/** Stacked bars per group (a theme, an institution): its rows by status. */
export function statusByGroup(groups, emptyLabel, title) {
  const box = el('div', { class: 'chart tall', role: 'img',
    'aria-label': alternative(title, groups.map(g => [g.label || emptyLabel, statusParts(g.byStatus)])) });
  return later(box, {
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: groups.map(g => g.label || emptyLabel) },
    series: STATUSES.map((s, i) => ({ name: t('page.dashboard.status.' + s), type: 'bar', stack: 'rows',
      itemStyle: { color: STATUS_COLOURS[i] }, data: groups.map(g => g.byStatus[s] || 0) }))
  });
}

/** Bars per meeting: attendance of each side ({cso, government, nhri} or *Attendance); sides nobody counted are left out. */
export function attendance(meetings) {
  const count = (m, side) => m[side] ?? m[side + 'Attendance'] ?? null;
  const sides = SIDES.filter(([side]) => meetings.some(m => count(m, side) !== null));
  const meetingName = m => t('page.dashboard.meeting.' + m.kind) + (m.matrixRound > 1 ? ' ' + m.matrixRound : '');
  const box = el('div', { class: 'chart', role: 'img', 'aria-label': alternative(t('page.dashboard.meetings'),
    meetings.map(m => [meetingName(m), sides.filter(([side]) => count(m, side) !== null)
      .map(([side]) => [t('page.dashboard.side.' + side), count(m, side)])])) });
  return later(box, {
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: 30, fontSize: 10 },
      data: meetings.map(m => t('page.dashboard.meeting.' + m.kind)
        + (m.matrixRound > 1 ? ' ' + m.matrixRound : '')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: sides.map(([side, colour]) => ({ name: t('page.dashboard.side.' + side), type: 'bar',
      itemStyle: { color: colour }, data: meetings.map(m => count(m, side)) }))
  });
}
