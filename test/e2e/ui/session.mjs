// The set-up every UI suite shares, as mocha hooks: its own code-server with the extension installed, a copy
// of the test workspace, chromium on the workbench, and a screenshot in the run folder for every failed test.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../harness/browser.mjs';
import { startCodeServer } from '../harness/codeServer.mjs';
import { E2E_HOME, WORKSPACE, logger } from '../harness/paths.mjs';
import { Workbench } from './workbench.mjs';

/**
 * Registers the hooks (call it inside `describe`, before the suite's own hooks). `afterEachTest(wb)` runs after
 * the failure screenshot; `extraFiles` (workspace name → file) are copied beside the test workspace. The returned
 * object's `wb` is set once the workbench has loaded.
 */
export function workbenchSession(name, { afterEachTest, extraFiles = {} } = {}) {
  const session = { runDir: path.join(E2E_HOME, `run-${name}`), log: logger(name), /** @type {Workbench} */ wb: undefined };
  let server;
  let browser;

  before(async function () {
    this.timeout(180_000);
    server = await startCodeServer({ runDir: session.runDir, installExtension: true });
    session.log(`code-server ${server.url} (pid ${server.pid})`);
    const folder = path.join(session.runDir, 'ws');
    fs.cpSync(WORKSPACE, folder, { recursive: true });
    for (const [as, file] of Object.entries(extraFiles)) fs.copyFileSync(file, path.join(folder, as));
    browser = await launchBrowser(session.runDir, server.env);
    session.wb = new Workbench(browser.pages()[0] ?? (await browser.newPage()), folder);
    await session.wb.load(server.url);
    session.log('workbench loaded');
  });

  afterEach(async function () {
    const { wb } = session;
    if (this.currentTest?.state === 'failed' && wb) {
      const title = this.currentTest.title.replace(/\W+/g, '-').slice(0, 60);
      await wb.screenshot(path.join(session.runDir, `failure-${title}.png`)).catch(() => {});
    }
    if (wb && afterEachTest) await afterEachTest(wb);
  });

  after(async function () {
    this.timeout(30_000);
    await browser?.close().catch(() => {});
    await server?.stop();
    session.log('code-server stopped');
  });

  return session;
}
