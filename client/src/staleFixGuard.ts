import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

import { COMMANDS } from '../../server/src/protocol';

/**
 * VS Code applies a code action's edit without checking the document version, so a fix offered before the
 * user typed would land at stale offsets. Each edit is moved into a command that applies it only while the
 * document is still at the version the fix was computed for.
 */
export const staleFixMiddleware: Pick<Middleware, 'provideCodeActions'> = {
  async provideCodeActions(document, range, context, token, next) {
    const version = document.version;
    const actions = await next(document, range, context, token);
    return actions?.map((action) => {
      if (!(action instanceof vscode.CodeAction) || !action.edit) return action;
      action.command = {
        title: action.title,
        command: COMMANDS.applyFixIfUnchanged,
        arguments: [document.uri.toString(), version, action.edit, action.command],
      };
      action.edit = undefined;
      return action;
    });
  },
};

export function registerStaleFixGuard(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      COMMANDS.applyFixIfUnchanged,
      async (uri: string, version: number, edit: vscode.WorkspaceEdit, then?: vscode.Command) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        if (!doc || doc.version !== version) {
          void vscode.window.showWarningMessage(
            'The file changed after this fix was offered, so it was not applied. Ask for the fix again.',
          );
          return false;
        }
        const applied = await vscode.workspace.applyEdit(edit);
        if (applied && then) await vscode.commands.executeCommand(then.command, ...((then.arguments ?? []) as unknown[]));
        return applied;
      },
    ),
  );
}
