import type { FindingCode } from '../../findingCodes';
import type { Fix, KopsErrorType, PathSegment } from '../../types';

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
  /** What to do, naming the kops versions where it matters. */
  message: string;
  /** Said only when the finding appears on the defaulted spec: which default triggers it. */
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
