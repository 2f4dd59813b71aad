export { complete } from './complete';
export { scenarioMerge } from './scenarioItems';
export { starterSnippetFile } from './starters';
export type { CompletionEntry, CompletionKind } from './types';
