import {
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type OptionalVersionedTextDocumentIdentifier,
  type Position,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
} from 'vscode-languageserver/node';
import { MERGE_SCENARIO_COMMAND, SERVER_COMMANDS } from './protocol';
import {
  kopsErrorText,
  type CompletionEntry,
  type EngineCodeAction,
  type Finding,
  type HoverResult,
  type OutlineSymbol,
  type ParsedFile,
} from './engine';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const TAG = { deprecated: DiagnosticTag.Deprecated, unnecessary: DiagnosticTag.Unnecessary } as const;

/**
 * Engine finding → LSP diagnostic of the document `uri`; the finding rides along in `data` for code actions.
 * kops' own report (its path, error type, detail, stage) is related information at the same place, so the
 * message stays one short sentence.
 */
export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: f.docs ? { href: f.docs } : undefined,
    source: 'kops-spec',
    message: f.message,
    tags: f.tags?.map((t) => TAG[t]),
    relatedInformation: f.kops ? [{ location: { uri, range: f.range }, message: kopsErrorText(f.kops) }] : undefined,
    data: { code: f.code, path: f.path },
  };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
};

/**
 * Where a completion list was computed: the document version, the position, and the text outside the cursor's
 * line (its line count and length), which lets a scenario's merge tell typing on that line from an edit elsewhere.
 */
export interface ListedAt {
  uri: string;
  version: number;
  position: Position;
  lineCount: number;
  restLength: number;
}

export function listedAt(uri: string, version: number, position: Position, file: ParsedFile): ListedAt {
  const lineCount = file.lines.lineCount;
  return { uri, version, position, lineCount, restLength: file.text.length - file.lines.lineText(position.line).length };
}

/**
 * Whether an item listed at `at` still belongs to the document `file` at `version`: the same version, or only the
 * cursor's line changed since (the editor filters the list as the user types on; accepting an item removes the typed word).
 */
export function stillListedIn(at: ListedAt, version: number, file: ParsedFile): boolean {
  if (at.version === version) return true;
  if (file.lines.lineCount !== at.lineCount || at.position.line >= at.lineCount) return false;
  return file.text.length - file.lines.lineText(at.position.line).length === at.restLength;
}

/** The argument of a scenario item's command: where it was listed and the scenario it merges. */
export interface ScenarioItemData extends ListedAt {
  scenario: string;
}

export function scenarioItemData(data: unknown): ScenarioItemData | undefined {
  const d = data as Partial<ScenarioItemData> | null | undefined;
  const position = d?.position as Partial<Position> | undefined;
  const numbers = [d?.version, d?.lineCount, d?.restLength, position?.line, position?.character];
  const valid = typeof d?.uri === 'string' && typeof d.scenario === 'string' && numbers.every((n) => typeof n === 'number');
  return valid ? (d as ScenarioItemData) : undefined;
}

export function toCompletionItem(e: CompletionEntry, listedAt: ListedAt): CompletionItem {
  const merge: ScenarioItemData | undefined = e.scenario === undefined ? undefined : { ...listedAt, scenario: e.scenario };
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    detail: e.detail,
    labelDetails: e.labelDescription ? { description: e.labelDescription } : undefined,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: e.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: e.sortText,
    preselect: e.preselect,
    filterText: e.filterText,
    tags: e.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    command: merge && { title: `Merge ${merge.scenario}`, command: MERGE_SCENARIO_COMMAND, arguments: [merge] },
  };
}

export function toHover(h: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range };
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  cluster: SymbolKind.Module,
  instanceGroup: SymbolKind.Class,
  networking: SymbolKind.Property,
};

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

const ACTION_KIND: Record<EngineCodeAction['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  'source.fixAll': CodeActionKind.SourceFixAll,
  'refactor.rewrite': CodeActionKind.RefactorRewrite,
};

/**
 * The edit names the document version it was computed for. VS Code does not check that version when it applies a
 * code action, so the extension's stale-fix guard (client/src/staleFixGuard.ts) does; other editors may check it.
 */
export function toCodeAction(a: EngineCodeAction, doc: OptionalVersionedTextDocumentIdentifier, context: Diagnostic[]): CodeAction {
  return {
    title: a.title,
    kind: ACTION_KIND[a.kind],
    isPreferred: a.isPreferred,
    diagnostics: context.filter((d) => a.diagnosticCodes.includes(String(d.code))),
    edit: a.edits.length ? { documentChanges: [{ textDocument: doc, edits: a.edits }] } : undefined,
    command: a.command && { title: a.command.title, command: SERVER_COMMANDS[a.command.name], arguments: a.command.arguments },
  };
}
