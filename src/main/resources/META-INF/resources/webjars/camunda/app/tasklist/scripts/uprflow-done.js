// UPR Flow (issue 12): once a task is completed, Tasklist closes it and says nothing; this says what happens
// next, in the user's language (labels.COMPLETE_OK of i18n/tasklist_*.properties, served as Tasklist's locale
// file for the language config.js gave Tasklist). Loaded through config.js' customScripts.
const language = (window.camTasklistConf && window.camTasklistConf.locales
    && window.camTasklistConf.locales.fallbackLocale) || 'en';
let words;

function say() {
  words = words || fetch(new URL('../locales/' + language + '.json', import.meta.url))
      .then((answer) => answer.json()).then((locale) => locale.labels.COMPLETE_OK);
  words.then((text) => {
    let box = document.getElementById('uprflow-done');
    if (!box) {
      box = document.createElement('div');
      box.id = 'uprflow-done';
      box.setAttribute('role', 'status');
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { box.hidden = true; }, 20000);
  });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && /\/task\/[^/]+\/(submit-form|complete)(\?|$)/.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        say();
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
