// Opens the client viewer page in headless Chromium (Debian's /usr/bin/chromium)
// and reports, one JSON line per event on stdout, each slide it shows:
//   {"frame":k,"width":w,"height":h,"fnv":"<FNV-1a of the RGBA pixels>"}
// then {"ended":true,"text":...} when the call ends, then the answer to a
// reload of the same link: {"reload_status":404,"text":...}.
// The test that starts this (tst_viewerpage) sends slide k+1 only after it
// read frame k, so no frame can be skipped unseen.
//
//   node follow_slides.mjs <viewer url> <frames> [screenshot.png]
import { chromium } from 'playwright-core';

const [url, framesArg, screenshot] = process.argv.slice(2);
const frames = Number(framesArg);
const say = (object) => process.stdout.write(JSON.stringify(object) + '\n');

const browser = await chromium.launch({
  executablePath: process.env.CALLOS_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Root in containers cannot use Chromium's sandbox.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const first = await page.goto(url);
  say({ page_status: first.status(), csp: first.headers()['content-security-policy'] || '' });

  for (let frame = 1; frame <= frames; frame += 1) {
    await page.waitForFunction((k) => Number(document.body.dataset.frames || 0) >= k, frame, { timeout: 15000 });
    const seen = await page.evaluate(() => {
      const image = document.getElementById('slide');
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0x811c9dc5;
      for (let i = 0; i < pixels.length; i += 1) {
        hash ^= pixels[i];
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      return {
        frames: Number(document.body.dataset.frames),
        width: canvas.width,
        height: canvas.height,
        fnv: hash.toString(16).padStart(8, '0'),
        visible: !image.hidden,
      };
    });
    if (frame === 10 && screenshot) await page.screenshot({ path: screenshot });
    say({ frame, ...seen });
  }

  await page.waitForFunction(() => document.body.dataset.ended === 'true', null, { timeout: 15000 });
  say({ ended: true, text: await page.textContent('#status'), slide_hidden: await page.isHidden('#slide') });

  const again = await page.reload();
  say({ reload_status: again.status(), text: await page.textContent('#status') });
} finally {
  await browser.close();
}
