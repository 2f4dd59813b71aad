import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/**
 * A language client whose crashed server comes back without a word, and whose crash loop ends in exactly one
 * message (the RestartPolicy's). vscode-languageclient would otherwise show its own error toasts: one per
 * read/write error on a dead connection, and three or four for a server that dies while starting ("Server
 * initialization failed", "couldn't create connection to server", "Restarting server failed"). From a crash
 * until the server runs again, and after giving up, those go to the output channel only.
 */
export class QuietRestartClient extends LanguageClient {
  private quiet = false;

  constructor(id: string, name: string, server: ServerOptions, options: LanguageClientOptions, policy = new RestartPolicy()) {
    super(id, name, server, options);
    this.clientOptions.errorHandler = {
      // The close that follows a dead server decides about the restart; the error itself is only logged.
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        this.quiet = true;
        if (policy.onCrash() === 'restart') return { action: CloseAction.Restart, handled: true };
        void vscode.window.showErrorMessage(policy.giveUpMessage(), 'Show Output').then((answer) => {
          if (answer) this.outputChannel.show(true);
        });
        return { action: CloseAction.DoNotRestart, message: policy.giveUpMessage(), handled: true };
      },
    };
    // Without this handler the client shows the raw initialize error; "couldn't create connection" follows anyway.
    this.clientOptions.initializationFailedHandler = (error) => {
      this.error('The kops Spec server did not initialize.', error, false);
      return false;
    };
    this.onDidChangeState((change) => {
      if (change.newState === State.Running) this.quiet = false;
    });
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.quiet ? false : showNotification);
  }
}
