import type { FindingCode } from './findingCodes';

/** Plain data shared by every engine module. Positions are 0-based, characters in UTF-16 code units (as LSP). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Strings in code-unit order: the same on every machine, and without loading ICU's collation data as `localeCompare` does. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes first, 0 at the same place, positive when `b` does. */
export const comparePositions = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;

/** Whether two ranges share a position (touching ends count). */
export const rangesTouch = (a: Range, b: Range): boolean => comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;
export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type KopsErrorType = 'Required' | 'Invalid' | 'Forbidden' | 'NotSupported' | 'Duplicate' | 'NotFound' | 'TooMany' | 'TooLong';

/** What kops itself would print when it rejects the document. */
export interface KopsError {
  type: KopsErrorType;
  /** The path exactly as kops prints it (internal names, quirks included). */
  path: string;
  /** `spec`: kops create/replace/edit rejects it; `defaults`: only the defaulted spec fails (kops update cluster). */
  stage: 'spec' | 'defaults';
  detail: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** Safe to apply to every finding of the same code in one go. */
  fixAllSafe?: boolean;
  /** A page to read before applying it (Cilium's upgrade notes for a new minor), offered as its own action. */
  readFirst?: { title: string; url: string };
  /**
   * The paths it changes, in the document its edits are in, where that goes beyond the parent of the finding's
   * key (the edit guard withholds a fix that changes anything else).
   */
  touches?: PathSegment[][];
  /** `false` for a fix meant to change the text again when computed on its own result; the guard checks the others. */
  idempotent?: boolean;
}

export interface Finding {
  /** Stable rule id, e.g. `cilium-nodeport-kubeproxy`. */
  code: FindingCode;
  /** v1alpha2 YAML path of the field blamed; list items as `[i]`. */
  path: string;
  range: Range;
  severity: Severity;
  message: string;
  docs?: string;
  kops?: KopsError;
  tags?: Array<'deprecated' | 'unnecessary'>;
  fixes?: Fix[];
  /**
   * The `---` document the finding was made in: the position it starts at and its text
   * (`document/findingSight.ts`). Its fixes are offered only while the file still holds that document there.
   */
  seen?: { start: Position; text: string };
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}
