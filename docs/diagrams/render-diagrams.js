// Renders every processes/*.bpmn to docs/diagrams/<key>.svg with bpmn-js in headless Chromium,
// so the pictures in the README are the models themselves, not drawings of them.
//   cd docs/diagrams && npm install --no-save bpmn-js@17 playwright-core@1 && node render-diagrams.js
// Chromium comes from Debian (/usr/bin/chromium); nothing downloads a browser.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
  });
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:2400px;height:1200px"></div>');
  await page.addScriptTag({ path: viewer });
  const files = fs.readdirSync(path.join(root, 'processes')).filter(f => f.endsWith('.bpmn'));
  for (const file of files) {
    const xml = fs.readFileSync(path.join(root, 'processes', file), 'utf8');
    const svg = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const bpmnViewer = new BpmnJS({ container });
      await bpmnViewer.importXML(xml);
      return (await bpmnViewer.saveSVG()).svg;
    }, xml);
    const out = path.join(__dirname, file.replace(/\.bpmn$/, '.svg'));
    fs.writeFileSync(out, svg);
    console.log('rendered', path.relative(root, out));
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
