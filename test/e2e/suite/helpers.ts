// Shared steps for the extension-host suite. Positions come from anchor text in the fixtures, never from
// line numbers; waits are on VS Code events (or polls with a deadline), never fixed sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kops-spec.kops-spec';

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(doc);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded as the development extension`);
  await extension.activate(); // resolves once the language client has started
  return doc;
}

/** End of the first line that contains `anchor`. */
export function endOfLine(doc: vscode.TextDocument, anchor: string): vscode.Position {
  const offset = doc.getText().indexOf(anchor);
  assert.ok(offset >= 0, `anchor ${JSON.stringify(anchor)} is in ${doc.uri.path}`);
  return doc.lineAt(doc.positionAt(offset).line).range.end;
}

/** Middle of the first occurrence of `word` at or after `after` (both anchors). */
export function inside(doc: vscode.TextDocument, word: string, after = ''): vscode.Position {
  const text = doc.getText();
  const offset = text.indexOf(word, text.indexOf(after));
  assert.ok(offset >= 0, `anchor ${JSON.stringify(word)} is in ${doc.uri.path}`);
  return doc.positionAt(offset + Math.floor(word.length / 2));
}

/** Types `text` at `at` (as the user would), runs `body` at the end of it, then removes the text again. */
export async function withTyped<T>(
  doc: vscode.TextDocument,
  at: vscode.Position,
  text: string,
  body: (cursor: vscode.Position) => Promise<T>,
): Promise<T> {
  const insert = new vscode.WorkspaceEdit();
  insert.insert(doc.uri, at, text);
  assert.ok(await vscode.workspace.applyEdit(insert), 'insert applied');
  const end = doc.positionAt(doc.offsetAt(at) + text.length);
  try {
    return await body(end);
  } finally {
    const remove = new vscode.WorkspaceEdit();
    remove.delete(doc.uri, new vscode.Range(at, end));
    await vscode.workspace.applyEdit(remove);
  }
}

export async function completionsAt(doc: vscode.TextDocument, at: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
  return list.items;
}

export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * Items our server produced. Other providers (Red Hat YAML, word-based suggestions) would add items too;
 * ours start their documentation with the kops release, e.g. `kops v1.36.2` (server/src/engine/features/completion/rowText.ts).
 */
export function ourItems(items: vscode.CompletionItem[]): vscode.CompletionItem[] {
  return items.filter((item) => OUR_DOCUMENTATION.test(documentationOf(item)));
}
const OUR_DOCUMENTATION = /^kops v\d+\.\d+\.\d+\b/;
const documentationOf = (item: vscode.CompletionItem): string =>
  typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');

/** The order the suggest widget shows before any typing: by sortText (else label). */
export function suggestOrder(items: vscode.CompletionItem[]): vscode.CompletionItem[] {
  const key = (item: vscode.CompletionItem) => item.sortText ?? labelOf(item);
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function hoverMarkdown(doc: vscode.TextDocument, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Resolves with the document's diagnostics as soon as `accept` likes them; rejects after `ms`. */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  ms = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(new Error(`diagnostics of ${uri.path} not as expected after ${ms} ms; have ${JSON.stringify(seen)}`));
    }, ms);
    const finish = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}
