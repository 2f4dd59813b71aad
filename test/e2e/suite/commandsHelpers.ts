// Steps shared by the command tests (commands*.test.ts): resetting a fixture, observing the messages a
// command shows, polling a condition that has no VS Code event (file contents) with a deadline.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * The fixture's text as the run started with it. Not read from disk later: code-server (a web workbench)
 * auto-saves after a second by default, so the copy on disk soon holds a test's edits.
 */
const pristine = new Map<string, string>();
export function fixtureText(doc: vscode.TextDocument): string {
  const key = doc.uri.toString();
  if (!pristine.has(key)) pristine.set(key, fs.readFileSync(doc.uri.fsPath, 'utf8'));
  return pristine.get(key)!;
}

/** Shows `doc` holding the fixture's original text (one whole-text edit when it differs), so a test starts from the file as written. */
export async function resetToFixture(doc: vscode.TextDocument): Promise<string> {
  const original = fixtureText(doc);
  await vscode.window.showTextDocument(doc);
  if (doc.getText() === original) return original;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
  assert.ok(await vscode.workspace.applyEdit(edit), 'reset applied');
  assert.strictEqual(doc.getText(), original, `${path.basename(doc.uri.fsPath)} holds its original text again`);
  return original;
}

/** Applies a code action the way VS Code does when the user picks it: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `${action.title} has an edit or a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `${action.title}: edit applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

type ShowMessage = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/**
 * Runs `body` and returns the information messages shown meanwhile. The suite file lies inside the development
 * extension's folder, so VS Code hands it the extension's own `vscode` API object: replacing the function
 * here replaces it for the extension too. The message is still shown (the original is called).
 */
export async function informationMessagesDuring(body: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as unknown as { showInformationMessage: ShowMessage };
  const original = window.showInformationMessage;
  const seen: string[] = [];
  window.showInformationMessage = (message, ...rest) => {
    seen.push(message);
    return original.call(vscode.window, message, ...rest);
  };
  try {
    await body();
  } finally {
    window.showInformationMessage = original;
  }
  return seen;
}

/** Polls `probe` every 100 ms until it returns a value other than undefined; fails after `ms`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every regular file under `dir` (recursively); none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** The diagnostics our server published (source `kops-spec`). */
export function ourDiagnostics(all: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return all.filter((d) => d.source === 'kops-spec');
}
