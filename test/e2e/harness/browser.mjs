// Headless Debian chromium driven by playwright-core (no browser download), profile inside the run folder.
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, PW_MODULE } from './paths.mjs';

const { chromium } = createRequire(import.meta.url)(PW_MODULE);

/** The browser window every UI test starts with. */
export const VIEWPORT = { width: 1400, height: 850 };

export async function launchBrowser(runDir, env) {
  return chromium.launchPersistentContext(path.join(runDir, 'chrome-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: VIEWPORT,
  });
}
