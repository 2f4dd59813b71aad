import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type StatusParams } from '../../../server/src/protocol';
import { selectKopsVersion, showVersions } from './versions';
import { insertCiliumEtcd } from './etcdCommand';
import { generateIpsecKey, type IpsecKeyArgs } from './ipsecKey';
import { registerMigrationSteps, showMigrationGuide } from './migrationGuide';

/** The extension's edit commands. Errors become a message, never an unhandled rejection. */
export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  activeStatus: () => StatusParams | undefined,
): void {
  const guarded =
    <A extends unknown[]>(run: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await run(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`kops Spec: ${(e as Error).message}`);
      }
    };
  context.subscriptions.push(
    registerMigrationSteps(),
    vscode.commands.registerCommand(
      COMMANDS.insertCiliumEtcd,
      guarded(() => insertCiliumEtcd(client)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.generateCiliumIpsecKey,
      guarded((args?: IpsecKeyArgs) => generateIpsecKey(client, args ?? {})),
    ),
    vscode.commands.registerCommand(
      COMMANDS.selectKopsVersion,
      guarded(() => selectKopsVersion(client, activeStatus())),
    ),
    vscode.commands.registerCommand(
      COMMANDS.showVersions,
      guarded(() => showVersions(activeStatus())),
    ),
    vscode.commands.registerCommand(
      COMMANDS.showMigrationGuide,
      guarded((markdown: string) => showMigrationGuide(markdown)),
    ),
  );
}
