import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * V8 sizes its heap for throughput: the young generation grows to two 16 MB semi-spaces and the old generation
 * may grow to several times what is live before it is collected. For a language server holding a few files that
 * is memory for nothing. Here the young generation stops growing at two 4 MB semi-spaces (smaller ones made
 * every keystroke's reparse pay for more scavenges) and the old generation is collected once it has grown by
 * half. V8 reads both flags whenever it resizes the heap, so setting them at run time works for
 * `node dist/server.js --stdio` and for the VS Code client's node alike, with no command-line flag to keep in
 * step. Call it before the server bundle is compiled: V8 refuses a code cache made with other flags
 * (codeCache.ts).
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--heap-growing-percent=50');
  youngGenerationCap.observe({ entryTypes: ['gc'] });
}

const YOUNG_GENERATION_CAP_BYTES = 2 * 4 * 1024 * 1024;
const GROWING = 2; // V8's default
const CAPPED = 1;
let growthFactor = GROWING;

function growYoungGeneration(factor: number): void {
  growthFactor = factor;
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** After each garbage collection until the cap is reached: V8 has no setting for it after start-up. */
const youngGenerationCap = new PerformanceObserver(() => {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_GENERATION_CAP_BYTES) return;
  growYoungGeneration(CAPPED);
  youngGenerationCap.disconnect();
});

/**
 * Runs `save` under the flags the process started with: V8 stamps a code cache with its flags at that moment and
 * refuses it in a process whose flags differ, as a new one's do until its young generation is capped.
 */
export function withStartupHeapFlags(save: () => void): void {
  const current = growthFactor;
  if (current !== GROWING) setFlagsFromString(`--semi-space-growth-factor=${GROWING}`);
  try {
    save();
  } finally {
    if (current !== GROWING) setFlagsFromString(`--semi-space-growth-factor=${current}`);
  }
}

/** Text of one document from which the young generation may grow as V8 would have it (a 50,000-line stream is 1.2 MB). */
const LARGE_DOCUMENT_CHARS = 512 * 1024;

/**
 * Every keystroke in a very large document allocates more than small semi-spaces hold (its line index alone), so
 * there the young generation grows as V8 would have it, for the rest of the process.
 */
export function heapFor(documentChars: number): void {
  if (documentChars < LARGE_DOCUMENT_CHARS) return;
  youngGenerationCap.disconnect();
  growYoungGeneration(GROWING);
}
