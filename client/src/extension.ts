import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { registerWithRedHatYaml } from './redHatYaml';
import { registerStaleFixGuard } from './staleFixGuard';
import { KopsStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const statusBar = new KopsStatusBar();
  context.subscriptions.push(statusBar);
  client = createLanguageClient(context);
  client.onNotification(StatusNotification.type, (status) => statusBar.update(status));
  registerStaleFixGuard(context);
  registerCommands(context, client, () => statusBar.activeStatus());
  const started = client;
  await started.start();
  void registerWithRedHatYaml().catch((error) => started.error('Registering kops files with Red Hat YAML failed', error, false));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
