import type { FindingCode } from '../../findingCodes';
import type { Fix, KopsErrorType, PathSegment } from '../../types';
import type { CiliumFacts, FilledInKey } from './clusterFacts';

/** One rejection as a rule family reports it, before it is placed in the text. */
export interface Violation {
  /** Rule id from cilium-rules.md; its title and docs page are in findingCodes.ts. */
  code: FindingCode;
  /** Where the problem is in the document (its own apiVersion's keys). */
  at: readonly PathSegment[];
  /** A more precise place to underline than `at` (e.g. the offending list item), used when written. */
  underline?: readonly PathSegment[];
  /** Places to underline when `at` is not written, tried in order before the nearest written parent. */
  anchors?: ReadonlyArray<readonly PathSegment[]>;
  type: KopsErrorType;
  /** Path exactly as kops prints it. */
  kopsPath: string;
  /** kops' literal detail string. */
  detail: string;
  /** One sentence: what is wrong in this kops release and what to do (see findingMessages.test.ts). */
  message: string;
  /**
   * Added in parentheses when only the defaulted spec fails: a short clause naming kops update cluster and the
   * default that triggers it.
   */
  whenDefaulted?: string;
  /** Fixes built against the rule context's `file` (the document alone), when the fix is mechanical. */
  fixes?: Fix[];
}

export interface Warning {
  code: FindingCode;
  at: readonly PathSegment[];
  anchors?: ReadonlyArray<readonly PathSegment[]>;
  message: string;
}

/** `"a", "b"` as kops prints a list of supported values. */
export const quoteList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

export const supportedValuesDetail = (values: readonly string[]): string => `supported values: ${quoteList(values)}`;

/** "kops update cluster fills in version and hubble.enabled": the `triggers` kops filled in on the defaulted spec. */
export function filledInClause(cil: CiliumFacts, triggers: readonly FilledInKey[]): string | undefined {
  const keys = triggers.filter((k) => cil.filledIn?.includes(k));
  return keys.length ? `kops update cluster fills in ${keys.join(' and ')}` : undefined;
}
