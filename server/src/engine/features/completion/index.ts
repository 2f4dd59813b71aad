export { complete } from './complete';
export { resolveScenario } from './scenarioItems';
export { starterSnippetFile } from './starters';
export type { CompletionEntry, CompletionKind } from './types';
