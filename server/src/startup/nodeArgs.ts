import nodeArgs from './nodeArgs.json';

/**
 * node's options for the server and the CLI, wherever they start: the bins' `#!/usr/bin/env -S node …` line
 * (scripts/build.mjs reads nodeArgs.json), the VS Code client's fork and the benchmarks. One V8 worker thread
 * instead of node's four: on two cores the other three took CPU from the main thread while it checked the
 * first file (spawn → first diagnostics of the large benchmark fixture 370 → 310 ms, the CLI over 65 files
 * 455 → 380 ms) and their memory (about 4 MB of resident memory). V8 reads it only at start-up, so it
 * cannot be set from inside the process as the heap limits are (heapTuning.ts). Desktop VS Code forks the server
 * with Electron, which accepts node's options but runs V8 on its own thread pool: there it changes nothing; the
 * extension host of code-server and of remote windows is node.
 */
export const NODE_ARGS: readonly string[] = nodeArgs;
