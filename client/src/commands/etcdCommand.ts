import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InsertCiliumEtcdRequest, type DocumentRequestParams } from '../../../server/src/protocol';
import { applyServerEdits } from './serverEdits';

/** `kops: Insert Cilium etcd cluster` on the active YAML editor: one undoable edit, or a message saying why not. */
export async function insertCiliumEtcd(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage('Open a kops Cluster spec (YAML) to insert the Cilium etcd cluster.');
    return;
  }
  const document = editor.document;
  const version = document.version;
  const params: DocumentRequestParams = { uri: document.uri.toString(), position: editor.selection.active };
  const result = await client.sendRequest(InsertCiliumEtcdRequest.type, params);
  if ('message' in result) {
    void vscode.window.showInformationMessage(result.message);
    return;
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage('The file changed while the etcd cluster was being prepared; run the command again.');
    return;
  }
  await applyServerEdits(document.uri, result.edits);
}
