import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findVersionComment } from '../../../server/src/kopsIdentity';
import { COMMANDS, KopsReleasesRequest, type StatusParams } from '../../../server/src/protocol';
import { typedRelease, versionCommentEdit } from './versionTargets';

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

/**
 * kops: Change kops version — every release kops Spec knows, newest first, then where it goes: the workspace
 * setting, the user setting, or the active kops file's `# kops-version:` line (which wins over both settings).
 */
export async function selectKopsVersion(client: LanguageClient, status: StatusParams | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const fileStatus = status?.isKops && editor?.document.uri.toString() === status.uri ? status : undefined;
  const release = await pickRelease(await client.sendRequest(KopsReleasesRequest.type), fileStatus);
  if (!release) return;
  const target = await pickTarget(release, fileStatus && editor);
  if (!target) return;
  if (target.where === 'file') await setFileComment(target.editor, release);
  else await vscode.workspace.getConfiguration('kopsSpec').update('kopsVersion', release, target.where);
}

/** A quick pick in the server's order (newest first) whose filter also takes an exact release such as `v1.30.4`. */
function pickRelease(releases: string[], fileStatus: StatusParams | undefined): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('kopsSpec').inspect<string>('kopsVersion');
  const setting = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  const fileComment = fileStatus?.source === 'comment' && !fileStatus.problem ? fileStatus.kopsVersion : undefined;
  const note = (v: string) =>
    [v === setting && 'setting', !setting && v === releases[0] && 'default', v === fileComment && "this file's comment"]
      .filter(Boolean)
      .join(', ');
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'kops: Change kops version';
  pick.placeholder = `Type or pick a kops release (${releases.length} known, newest first), e.g. ${releases[0]}`;
  pick.items = releases.map((v) => ({ label: v, description: note(v) || undefined }));
  return new Promise((resolve) => {
    let chosen: string | undefined;
    pick.onDidChangeValue((value) => {
      const typed = typedRelease(value, releases);
      const item = pick.items.find((i) => i.label === typed);
      if (item) pick.activeItems = [item];
    });
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.label ?? typedRelease(pick.value, releases);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

type Target = { where: vscode.ConfigurationTarget } | { where: 'file'; editor: vscode.TextEditor };
type TargetItem = vscode.QuickPickItem & { target: Target };

/** Asks where the release goes, naming the file each choice writes. */
async function pickTarget(release: string, editor: vscode.TextEditor | undefined): Promise<Target | undefined> {
  const keepsComment = editor && findVersionComment(editor.document.getText()) ? "; this file's # kops-version: line still wins" : '';
  const workspaceFile = vscode.workspace.workspaceFile;
  const items: TargetItem[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    items.push({
      label: 'Workspace setting',
      description: workspaceFile?.scheme === 'file' ? path.basename(workspaceFile.fsPath) : '.vscode/settings.json',
      detail: `kopsSpec.kopsVersion for the kops files of this workspace${keepsComment}`,
      target: { where: vscode.ConfigurationTarget.Workspace },
    });
  }
  items.push({
    label: 'User setting',
    description: 'your user settings.json',
    detail: `kopsSpec.kopsVersion for every workspace that does not set its own${keepsComment}`,
    target: { where: vscode.ConfigurationTarget.Global },
  });
  if (editor) {
    items.push({
      label: 'Set for this file only',
      description: `# kops-version: ${release}`,
      detail: `Writes the comment line at the top of ${path.basename(editor.document.fileName)}; it wins over the settings`,
      target: { where: 'file', editor },
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `kops: Where to use kops ${release}`,
    placeHolder: 'Where to write it',
  });
  return picked?.target;
}

/** Inserts or updates the file's `# kops-version:` line as one undoable edit. */
async function setFileComment(editor: vscode.TextEditor, release: string): Promise<void> {
  const document = editor.document;
  const edit = versionCommentEdit(document.getText(), release);
  const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
  if (!(await editor.edit((builder) => builder.replace(range, edit.newText)))) {
    throw new Error(`could not write the # kops-version: line into ${path.basename(document.fileName)}`);
  }
}
