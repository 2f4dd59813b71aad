import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  codeOf,
  completionsAt,
  diagnosticsWhen,
  endOfLine,
  hoverMarkdown,
  inside,
  labelOf,
  openFixture,
  ourItems,
  withTyped,
} from './helpers';
import { NODE_ARGS } from '../../../server/src/startup/nodeArgs';
import { languageServers, serverModulePath, serversWhen, theLanguageServer, type OsProcess } from './resilienceProcess';
import { spyOnNotifications } from './securityNotifications';

const FIXTURE = 'resilience-nodeport.yaml';
const RULE = 'cilium-nodeport-kubeproxy';
const UNKNOWN = 'cilium-unknown-key';
const codes = (all: readonly vscode.Diagnostic[]) => all.map(codeOf);
/** The saved file's finding plus the one only the unsaved edit has. */
const bothFindings = (all: readonly vscode.Diagnostic[]) => codes(all).includes(RULE) && codes(all).includes(UNKNOWN);

/** Every diagnostics state of `uri` from now on (codes only). */
function recordDiagnostics(uri: vscode.Uri): { states: string[][]; dispose(): void } {
  const states: string[][] = [];
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) states.push(codes(vscode.languages.getDiagnostics(uri)).map(String));
  });
  return { states, dispose: () => listener.dispose() };
}

/** SIGKILLs the server and waits until another server process has replaced it and the findings are back. */
async function killAndRecover(doc: vscode.TextDocument): Promise<{ killed: OsProcess; replacement: OsProcess; states: string[][] }> {
  const killed = await theLanguageServer();
  const recorder = recordDiagnostics(doc.uri);
  try {
    process.kill(killed.pid, 'SIGKILL');
    const [replacement] = await serversWhen((s) => s.length === 1 && s[0].pid !== killed.pid, 'a new server replaces the killed one');
    // The client drops the dead server's diagnostics; the new server's must arrive, for the text as edited.
    await diagnosticsWhen(doc.uri, (all) => recorder.states.some((s) => !s.includes(RULE)) && bothFindings(all));
    return { killed, replacement, states: recorder.states };
  } finally {
    recorder.dispose();
  }
}

suite('language server resilience', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await openFixture(FIXTURE);
    await diagnosticsWhen(doc.uri, (all) => codes(all).includes(RULE));
    // An unsaved change the restarted server can only know from the client's re-sync of open documents.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, endOfLine(doc, 'enableNodePort: true'), '\n      enableNodePrt: true');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhen(doc.uri, bothFindings);
    assert.ok(doc.isDirty, 'the fixture has unsaved changes');
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("the server runs with node's options (startup/nodeArgs.ts), as the bins' `#!` line starts it", async () => {
    const { args } = await theLanguageServer();
    const beforeModule = args.slice(0, args.indexOf(serverModulePath()));
    for (const option of NODE_ARGS) assert.ok(beforeModule.includes(option), `${option} in ${args.join(' ')}`);
  });

  test('a killed server is restarted without any notification; diagnostics, completion and hover come back', async () => {
    const spy = spyOnNotifications();
    try {
      const { killed, replacement, states } = await killAndRecover(doc);
      assert.notStrictEqual(replacement.pid, killed.pid);
      assert.ok(
        states.some((s) => s.length === 0),
        `diagnostics were cleared in between: ${JSON.stringify(states)}`,
      );

      const items = await withTyped(doc, endOfLine(doc, 'ipam: kubernetes'), '\n      ', (at) => completionsAt(doc, at));
      assert.ok(ourItems(items).map(labelOf).includes('enableL7Proxy'), 'Cilium completion answers again');
      assert.match(await hoverMarkdown(doc, inside(doc, 'enableNodePort')), /https:\/\//, 'hover answers again');
      assert.deepStrictEqual(spy.shown, [], 'no notification for a single crash');
    } finally {
      spy.dispose();
    }
  });

  test('three more crashes in a row are each recovered, still without a notification', async () => {
    const spy = spyOnNotifications();
    try {
      const pids = new Set<number>();
      for (let crash = 0; crash < 3; crash++) {
        const { killed, replacement } = await killAndRecover(doc);
        pids.add(killed.pid).add(replacement.pid);
      }
      assert.strictEqual(pids.size, 4, 'each crash got a fresh server process');
      assert.strictEqual(languageServers().length, 1, 'no stray server process is left');
      assert.deepStrictEqual(spy.shown, []);
    } finally {
      spy.dispose();
    }
  });
});
