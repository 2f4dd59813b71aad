import { setFlagsFromString } from 'node:v8';

/**
 * V8 sizes its heap for throughput: the young generation grows to 16 MB semi-spaces and the old generation may
 * grow to several times what is live before it is collected. For a language server that holds a few files
 * that costs memory and, at start-up, time: a young generation of 1 MB semi-spaces promotes a parse (which
 * lives on) at once instead of copying it between growing semi-spaces. Both flags are read whenever V8 resizes
 * its heap, so setting them at run time works for `node dist/server.js --stdio` and for the VS Code client's
 * node alike, with no command-line flag to keep in step. Call it first: V8 refuses a code cache made with other
 * flags (startup/codeCache.ts), so they are set before the server bundle is compiled.
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}

/** Text of one document from which the young generation may grow again (a 50,000-line stream is 1.2 MB). */
const LARGE_DOCUMENT_CHARS = 512 * 1024;

/**
 * Every keystroke in a very large document allocates more than a 1 MB semi-space holds (its line index alone),
 * so there the young generation grows as V8 would have it; it stays grown for the rest of the process.
 */
export function heapFor(documentChars: number): void {
  if (documentChars >= LARGE_DOCUMENT_CHARS) setFlagsFromString('--semi-space-growth-factor=2');
}
