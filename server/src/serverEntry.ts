// dist/server.js, what editors and the VS Code client start: sets V8's heap limits, then runs the language server
// (server.ts, bundled as dist/serverMain.js) from V8's code cache.
import path from 'node:path';
import { loadCachedScript } from './startup/codeCache';
import { keepHeapSmall, withStartupHeapFlags } from './startup/heapTuning';

/** Long enough for the first file's diagnostics, so the functions they need are in the cache as well. */
const SAVE_CACHE_AFTER_MS = 2_000;

keepHeapSmall();
const server = loadCachedScript(path.join(__dirname, 'serverMain.js'));
server.run(require);
setTimeout(() => withStartupHeapFlags(() => server.save()), SAVE_CACHE_AFTER_MS).unref();
