import * as vscode from 'vscode';
import { type LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';
import { QuietRestartClient } from './quietRestarts';
import { redHatYamlValidates } from './redHatYaml';
import { staleFixMiddleware } from './staleFixGuard';

export const CONFIG_SECTION = 'kopsSpec';

/**
 * The language client for dist/server.js (Node IPC). YAML files on disk and untitled YAML buffers; the server
 * hears of every YAML file created, changed or deleted in the workspace (an InstanceGroup's Cluster may be in
 * another file).
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const yamlFiles = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  context.subscriptions.push(yamlFiles);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...NODE_ARGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: CONFIG_SECTION, fileEvents: yamlFiles },
    middleware: staleFixMiddleware,
    initializationOptions: {
      kopsVersion: vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('kopsVersion'),
      yamlSyntaxByRedHatYaml: redHatYamlValidates(),
      watchesYamlFiles: true,
    },
  };
  // A crashed server restarts silently; a crash loop ends in one message (quietRestarts.ts).
  return new QuietRestartClient('kopsSpec', 'kops Spec', serverOptions, clientOptions);
}
