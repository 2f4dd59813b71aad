export { complete } from './complete';
export { starterSnippetFile } from './starters';
export type { CompletionEntry, CompletionKind } from './types';
