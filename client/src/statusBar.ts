import * as vscode from 'vscode';
import { COMMANDS, type StatusParams } from '../../server/src/protocol';
import { presentStatus } from './statusPresentation';

/** One status-bar item that follows the active editor and shows the kops version the server used for it. */
export class KopsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kopsSpec.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statusByUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'kops Spec version';
    this.item.command = COMMANDS.selectKopsVersion;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.statusByUri.delete(doc.uri.toString())),
    ];
  }

  update(status: StatusParams): void {
    this.statusByUri.set(status.uri, status);
    if (status.uri === this.activeUri()) this.render();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  /** What the server last said about the active editor's document. */
  activeStatus(): StatusParams | undefined {
    const uri = this.activeUri();
    return uri === undefined ? undefined : this.statusByUri.get(uri);
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  private render(): void {
    const uri = this.activeUri();
    const shown = presentStatus(uri === undefined ? undefined : this.statusByUri.get(uri));
    if (!shown) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = new vscode.MarkdownString(shown.tooltip, true);
    this.item.backgroundColor = shown.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
