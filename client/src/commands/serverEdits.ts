import * as vscode from 'vscode';
import type { TextEdit } from 'vscode-languageclient/node';

/** Applies engine edits (LSP positions) to one document as a single undoable workspace edit. */
export async function applyServerEdits(uri: vscode.Uri, edits: readonly TextEdit[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    uri,
    edits.map(
      (e) =>
        new vscode.TextEdit(
          new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
          e.newText,
        ),
    ),
  );
  return vscode.workspace.applyEdit(edit);
}
