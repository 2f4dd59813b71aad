import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CiliumEncryptionInfoRequest, type CiliumEncryptionInfo, type DocumentRequestParams } from '../../../server/src/protocol';
import {
  createSecretArgs,
  generateCiliumIpsecKey,
  ipsecPickTitle,
  isClusterName,
  pasteCommand,
  rotationFollowUp,
  writeKeyFile,
} from './ciliumKey';
import { runWithSecretOnStdin } from './secretTerminal';
import { applyServerEdits } from './serverEdits';

/**
 * `kops: Generate Cilium IPsec key`. The key lives only in this function's memory and goes to exactly one
 * place the user picks: kops' stdin, a 0600 file, or the clipboard. It is never logged, shown or written
 * into the spec.
 */

type Choice = 'create' | 'rotate' | 'save' | 'copy';

/** Optional command arguments for keybindings and tests: skip the pick (and for `save`, the file dialog). */
export interface IpsecKeyArgs {
  choice?: Choice;
  filePath?: string;
  overwrite?: boolean;
}
const CHOICES: readonly Choice[] = ['create', 'rotate', 'save', 'copy'];
const CLEAR_CLIPBOARD = 'Clear clipboard';
interface ChoiceItem extends vscode.QuickPickItem {
  choice: Choice;
}

async function encryptionInfo(client: LanguageClient, editor: vscode.TextEditor | undefined): Promise<CiliumEncryptionInfo | undefined> {
  if (!editor || editor.document.languageId !== 'yaml') return undefined;
  const params: DocumentRequestParams = { uri: editor.document.uri.toString(), position: editor.selection.active };
  try {
    const info = await client.sendRequest(CiliumEncryptionInfoRequest.type, params);
    return info.problem ? undefined : info;
  } catch (error) {
    // The key can still be made without the spec's settings: log why they are missing and go on.
    client.error('kops Spec could not read the Cilium encryption settings of the spec', error, false);
    return undefined;
  }
}

function choices(info: CiliumEncryptionInfo | undefined): ChoiceItem[] {
  const cluster = info?.clusterName ? ` for ${info.clusterName}` : '';
  return [
    {
      choice: 'create',
      label: '$(terminal) Create the kops secret',
      description: `kops create secret ciliumpassword${cluster}`,
      detail: 'Runs kops in a terminal with the key on standard input (never on the command line).',
    },
    {
      choice: 'rotate',
      label: '$(sync) Replace the existing kops secret (rotate)',
      description: '… --force',
      detail: 'Then roll it out with kops update cluster --yes and kops rolling-update cluster --yes.',
    },
    { choice: 'save', label: '$(save) Save to a file', detail: 'Readable by you only (mode 0600). Keep it out of version control.' },
    { choice: 'copy', label: '$(clippy) Copy to the clipboard' },
  ];
}

const knownClusterName = (info: CiliumEncryptionInfo | undefined): string => info?.clusterName ?? process.env.KOPS_CLUSTER_NAME ?? '';

async function clusterNameFor(info: CiliumEncryptionInfo | undefined): Promise<string | undefined> {
  const suggested = knownClusterName(info);
  if (suggested && isClusterName(suggested)) return suggested;
  return vscode.window.showInputBox({
    title: 'kops cluster name',
    prompt: 'The cluster whose ciliumpassword secret to set (metadata.name of the Cluster)',
    value: suggested,
    validateInput: (value) => (isClusterName(value) ? undefined : 'Enter the cluster name, e.g. demo.example.com'),
  });
}

async function saveToFile(key: string, near: vscode.Uri | undefined, args: IpsecKeyArgs): Promise<void> {
  const folder = near ? vscode.Uri.file(path.dirname(near.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = args.filePath
    ? vscode.Uri.file(args.filePath)
    : await vscode.window.showSaveDialog({
        title: 'Save the Cilium IPsec key',
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'cilium-ipsec-keys.yaml') : undefined,
        filters: { YAML: ['yaml', 'yml'] },
      });
  if (!target) return;
  if (target.scheme !== 'file') {
    void vscode.window.showErrorMessage('The key can only be saved to a local file, where its permissions can be restricted.');
    return;
  }
  let overwrite = false;
  if (await exists(target)) {
    const answer = args.overwrite
      ? 'Replace'
      : await vscode.window.showWarningMessage(
          `${path.basename(target.fsPath)} exists. Replace it with the new key?`,
          { modal: true },
          'Replace',
        );
    if (answer !== 'Replace') return;
    overwrite = true;
  }
  await writeKeyFile(target.fsPath, key, overwrite);
  void vscode.window.showInformationMessage(
    `Saved the IPsec key to ${target.fsPath} (mode 0600). Feed it to kops with: kops create secret ciliumpassword -f ${path.basename(target.fsPath)}`,
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

/** Offers the missing spec settings; the edits are fetched again after the answer, so they fit the text as it is then. */
async function offerSpecSettings(
  client: LanguageClient,
  info: CiliumEncryptionInfo | undefined,
  editor: vscode.TextEditor | undefined,
): Promise<void> {
  if (!info || !editor || info.settingsEdits.length === 0) return;
  const missing = [
    info.enableEncryption ? undefined : 'enableEncryption: true',
    info.encryptionType ? undefined : 'encryptionType: ipsec',
  ].filter(Boolean);
  const answer = await vscode.window.showInformationMessage(
    `The spec does not turn IPsec on yet. Add ${missing.join(' and ')} to networking.cilium?`,
    'Add to spec',
  );
  if (answer !== 'Add to spec') return;
  const version = editor.document.version;
  const fresh = await encryptionInfo(client, editor);
  if (fresh && editor.document.version === version) await applyServerEdits(editor.document.uri, fresh.settingsEdits);
}

export async function generateIpsecKey(client: LanguageClient, args: IpsecKeyArgs = {}): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Generating the Cilium IPsec key runs kops and writes files, so it is disabled in an untrusted workspace.',
    );
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const info = await encryptionInfo(client, editor);
  if (info?.encryptionType === 'wireguard' && !args.choice) {
    const go = await vscode.window.showInformationMessage(
      'This cluster uses WireGuard, which needs no key. Generate an IPsec key anyway?',
      'Generate',
    );
    if (go !== 'Generate') return;
  }
  const picked =
    args.choice && CHOICES.includes(args.choice)
      ? { choice: args.choice }
      : await vscode.window.showQuickPick(choices(info), {
          title: ipsecPickTitle(info),
          placeHolder: 'Where should the new key go?',
          ignoreFocusOut: true,
        });
  if (!picked) return;
  const key = generateCiliumIpsecKey();
  const uri = editor?.document.uri;
  if (picked.choice === 'copy') {
    await vscode.env.clipboard.writeText(key);
    // With a button VS Code shows the notification expanded, so a long cluster name never cuts the command off.
    void vscode.window
      .showInformationMessage(`Key copied. Paste it into: ${pasteCommand(knownClusterName(info))}`, CLEAR_CLIPBOARD)
      .then((answer) => (answer === CLEAR_CLIPBOARD ? vscode.env.clipboard.writeText('') : undefined));
  } else if (picked.choice === 'save') {
    await saveToFile(key, uri?.scheme === 'file' ? uri : undefined, args);
  } else {
    const name = await clusterNameFor(info);
    if (!name) return;
    const rotate = picked.choice === 'rotate';
    const cwd = uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    runWithSecretOnStdin({
      title: rotate ? 'kops: rotate Cilium IPsec key' : 'kops: Cilium IPsec key',
      command: 'kops',
      args: createSecretArgs(name, rotate),
      stdin: key,
      cwd,
      followUp: rotate ? rotationFollowUp(name) : undefined,
    });
  }
  void offerSpecSettings(client, info, editor);
}
