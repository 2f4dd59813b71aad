import * as vscode from 'vscode';

/** Opens the server's migration guide as a Markdown preview, where its commands can be copied. */
export async function showMigrationGuide(markdown: string): Promise<void> {
  if (typeof markdown !== 'string' || !markdown) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
}
