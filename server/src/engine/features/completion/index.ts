export { complete } from './complete';
export type { CompletionEntry, CompletionKind } from './types';
