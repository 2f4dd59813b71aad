import type { Range } from '../../types';

export type CompletionKind = 'property' | 'value' | 'snippet' | 'enum' | 'module';

/** One completion proposal, transport-free. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Short: the key's type or the key being valued, e.g. `boolean`, `ipam`. */
  detail: string;
  /** Beside the label (LSP labelDetails.description), e.g. `kops default`. */
  labelDescription?: string;
  /** Markdown, naming the kops release first (rowText.ts). */
  documentation: string;
  /**
   * Text for `range`. Lines after the first are indented relative to the cursor line's own indentation
   * (LSP InsertTextMode.adjustIndentation, VS Code's default).
   */
  insertText: string;
  /** insertText uses snippet syntax (`${1|a,b|}`, `$0`). */
  isSnippet: boolean;
  sortText: string;
  /** The item to select first: the kops default among a key's values. */
  preselect?: boolean;
  filterText?: string;
  /** Dead or no-effect keys, and keys kops' own comment says do nothing (shown struck through, sorted last). */
  deprecated: boolean;
  range: Range;
  /**
   * A Cilium scenario: the item's edit only removes the typed word; once the editor has applied it, the item's
   * command asks scenarioMerge(…, scenario) for the edits that merge it, on the text as it is then.
   */
  scenario?: string;
}
