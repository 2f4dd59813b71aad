/**
 * The engine's public surface: the server, the CLI, the per-file session state and the benchmarks import
 * only this module. Layers inside: document/ (text → parsed documents, positions, minimal edits),
 * kops/ (releases, dialects, catalog and schemas), checks/ (findings), features/ (what an editor asks for).
 */

// Vocabulary
export type { Finding, Fix, KopsError, PathSegment, Position, Range, Severity, TextEdit } from './types';
export { compareText } from './types';
export { FINDING_CODES, type FindingCode, type FindingCodeInfo } from './findingCodes';

// Errors, caught once at each front end's boundary
export { errorReport, guarded, guardedAsync, rethrow, type ErrorSink } from './errorBoundary';

// Documents
export { documentAt, parseFile, splitDocuments, kopsDocuments, type ParsedFile, type YamlDocument } from './document/documents';
export { LineIndex } from './document/lineIndex';
export { FileBudget, isLimitFinding, lineFeeds } from './document/limits';

// kops releases
export {
  atLeast,
  before,
  knownKopsReleases,
  NEWEST_KOPS,
  OLDEST_KOPS,
  newestKops,
  parseKopsVersion,
  findVersionComment,
  type KopsVersion,
} from './kops/releases';
export { effectiveKopsVersion, type EffectiveVersion, type EngineSettings } from './kops/effectiveVersion';
export { ciliumFields } from './kops/catalog/ciliumFields';
export { kopsErrorText } from './kops/kopsErrorText';
/** The format scripts/gen-knowledge.ts writes. */
export type { KnowledgeNode, ReleaseRanges } from './kops/knowledge/knowledgeNode';

// Checks
export { diagnose, relatedDocuments } from './checks/diagnostics';
export { linkSpecs, CLUSTER_LABEL, type SpecLinks } from './kops/specLinks';
export { FindingsCache } from './checks/findingsCache';

// Features
export { complete, scenarioMerge, starterSnippetFile, type CompletionEntry } from './features/completion';
export { hover, type HoverResult } from './features/hover';
export { outline, type OutlineSymbol } from './features/symbols';
export { fileStatus, type FileStatus } from './features/status';
export { codeActions, type EngineCodeAction } from './features/codeActions';
export { editProblems, WithheldEdit, type OfferedEdit } from './features/editGuard';
export { commentLines } from './document/commentLines';
export { fixesFor, fixOffer, type FixPart } from './features/fixes';
export { insertCiliumEtcd, type InsertCiliumEtcdResult } from './features/etcd';
export { ciliumEncryptionInfo, type CiliumEncryptionInfo } from './features/ciliumEncryption';
