import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, KopsReleasesRequest, type StatusParams } from '../../../server/src/protocol';

const SOURCE: Record<StatusParams['source'], string> = {
  comment: "from the file's `# kops-version:` comment",
  setting: 'from the kopsSpec.kopsVersion setting',
  default: 'the newest kops kops Spec knows',
};

/** kops: Show kops and Cilium versions — for the active kops file. */
export async function showVersions(status: StatusParams | undefined): Promise<void> {
  if (!status?.isKops) {
    await vscode.window.showInformationMessage('The active editor holds no kops Cluster or InstanceGroup document.');
    return;
  }
  const parts = [`kops ${status.kopsVersion} (${SOURCE[status.source]}).`];
  if (status.ciliumVersion) parts.push(`Cilium ${status.ciliumVersion}.`);
  if (status.ciliumAccepted) parts.push(`${status.ciliumAccepted}.`);
  if (status.problem) parts.push(status.problem);
  const choice = await vscode.window.showInformationMessage(parts.join(' '), 'Change kops Version');
  if (choice) await vscode.commands.executeCommand(COMMANDS.selectKopsVersion);
}

/** Picks the kops release for the workspace setting; a file's `# kops-version:` comment still wins. */
export async function selectKopsVersion(client: LanguageClient): Promise<void> {
  const config = vscode.workspace.getConfiguration('kopsSpec');
  const current = config.get<string>('kopsVersion');
  const picked = await vscode.window.showQuickPick(
    (await client.sendRequest(KopsReleasesRequest.type)).map((v) => ({ label: v, description: v === current ? 'current' : undefined })),
    { placeHolder: 'kops release to check specs against (a # kops-version: comment in a file wins)' },
  );
  if (!picked) return;
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('kopsVersion', picked.label, target);
}
