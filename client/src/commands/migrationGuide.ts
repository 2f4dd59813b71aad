import * as vscode from 'vscode';

/**
 * Migration steps as a read-only Markdown preview. The text travels in the URI of a virtual document, so
 * nothing is ever unsaved (closing asks nothing) and a preview VS Code restores after a reload still has it.
 */
export const MIGRATION_SCHEME = 'kops-spec-migration';

export function registerMigrationSteps(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(MIGRATION_SCHEME, {
    provideTextDocumentContent: (uri) => uri.query,
  });
}

/** The guide's bold first line names its tab; `.md` lets the preview treat the document as Markdown. */
function fileName(markdown: string): string {
  const heading = /^\*\*([^*]+)\*\*/.exec(markdown)?.[1] ?? '';
  const name = heading.replace(/[^\w .'-]/g, '').trim();
  return `${name || 'Migration steps'}.md`;
}

export function migrationStepsUri(markdown: string): vscode.Uri {
  return vscode.Uri.from({ scheme: MIGRATION_SCHEME, path: `/${fileName(markdown)}`, query: markdown });
}

/** Opens the server's migration guide beside the editor, locked to it, with no editor for its source. */
export async function showMigrationGuide(markdown: string): Promise<void> {
  if (typeof markdown !== 'string' || !markdown) return;
  await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', migrationStepsUri(markdown));
}
