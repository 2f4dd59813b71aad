// Nothing lost: every quick fix and command is one edit that one `undo` takes back byte for byte; edits stay
// inside the Cluster document they name (other `---` documents and every comment kept); a fix computed for
// an older text is refused rather than applied at positions that now mean something else.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, endOfLine, openFixture } from './helpers';
import { COMMAND } from './securityKeys';
import { spyOnNotifications } from './securityNotifications';

const FIXTURE = 'undo-multi-doc.yaml';
const FINDINGS = ['cilium-nodeport-kubeproxy', 'cilium-kvstore-needs-etcd', 'cilium-unknown-key'];

/** The `---` documents of a file, as text. */
const documentsOf = (text: string) => text.split(/^---$/m);
/** Every comment in the file, `#` to end of line, in order (the fixture has no `#` inside strings). */
const commentsOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.includes('#'))
    .map((l) => l.slice(l.indexOf('#')));

/** Resolves once the document's text satisfies `accept` (checked now and on every change); rejects after `ms`. */
function textWhen(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && accept(doc.getText())) done();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`${what}: not within ${ms} ms`));
    }, ms);
    if (accept(doc.getText())) done();
  });
}

async function undoOnce(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, { preserveFocus: false });
  await vscode.commands.executeCommand('undo');
}

/** Back to the fixture's text, with all three findings reported. */
async function fresh(doc: vscode.TextDocument, original: string): Promise<void> {
  await vscode.window.showTextDocument(doc);
  if (doc.getText() !== original) {
    const reset = new vscode.WorkspaceEdit();
    reset.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(reset));
  }
  await diagnosticsWhen(doc.uri, (all) => FINDINGS.every((code) => all.some((d) => codeOf(d) === code)));
}

async function actionsFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    diagnostic.range,
  );
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** "Show migration steps" opens a guide beside the editor, "Open the Cilium … upgrade notes" a web page; neither edits. */
const opensGuideOnly = (action: vscode.CodeAction) =>
  !action.edit && (action.command?.command === 'kopsSpec.showMigrationGuide' || action.command?.command === 'vscode.open');

/** Applies a code action the way the editor does: its edit, then its command. Returns applyEdit's answer. */
async function applyAction(action: vscode.CodeAction): Promise<boolean> {
  const applied = action.edit ? await vscode.workspace.applyEdit(action.edit) : true;
  if (applied && action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return applied;
}

/** Checks that only the Cluster document changed, and that every comment survived. */
function assertOnlyClusterChanged(before: string, after: string, what: string): void {
  const [was, now] = [documentsOf(before), documentsOf(after)];
  assert.strictEqual(now.length, was.length, `${what}: same number of documents`);
  assert.notStrictEqual(now[0], was[0], `${what} changed the Cluster document`);
  for (let i = 1; i < was.length; i++) assert.strictEqual(now[i], was[i], `${what}: document ${i + 1} is byte for byte the same`);
  assert.deepStrictEqual(commentsOf(after), commentsOf(before), `${what}: every comment kept, in order`);
}

suite('nothing lost: one edit, one undo', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    doc = await openFixture(FIXTURE);
    original = doc.getText();
  });
  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('every code action on every finding: one edit in the Cluster document, comments kept, one undo restores the text', async () => {
    await fresh(doc, original);
    const findings = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => FINDINGS.includes(String(codeOf(d))));
    const plan: Array<{ code: string; title: string }> = [];
    for (const diagnostic of findings()) {
      for (const action of await actionsFor(doc, diagnostic)) {
        if (!opensGuideOnly(action)) plan.push({ code: String(codeOf(diagnostic)), title: action.title });
      }
    }
    for (const code of FINDINGS)
      assert.ok(
        plan.some((p) => p.code === code),
        `an action for ${code} in ${JSON.stringify(plan)}`,
      );
    for (const { code, title } of plan) {
      await fresh(doc, original);
      // Asked for again on the text as it is now: a fix is only good for the version it was computed for.
      const action = (
        await actionsFor(
          doc,
          findings().find((d) => codeOf(d) === code)!,
        )
      ).find((a) => a.title === title);
      assert.ok(action, `"${title}" is offered again`);
      const version = doc.version;
      assert.ok(await applyAction(action), `${title} applied`);
      assert.strictEqual(doc.version, version + 1, `${title} is a single edit`);
      assertOnlyClusterChanged(original, doc.getText(), title);
      await undoOnce(doc);
      await textWhen(doc, (text) => text === original, `one undo takes back "${title}"`);
    }
  });

  test('the NodePort fix, then kops: Insert Cilium etcd cluster: each touches only the Cluster, and two undos restore every byte', async () => {
    await fresh(doc, original);
    const nodePort = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'cilium-nodeport-kubeproxy')!;
    const fix = (await actionsFor(doc, nodePort)).find((a) => a.isPreferred);
    assert.ok(fix, 'the NodePort finding has a preferred fix');
    assert.ok(await applyAction(fix));
    const afterFix = doc.getText();
    assertOnlyClusterChanged(original, afterFix, fix.title);
    assert.match(documentsOf(afterFix)[0], /enabled: false # TODO\(infra\): Cilium NodePort replaces it/);

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('kopsSpec.insertCiliumEtcd');
    await textWhen(doc, (text) => text !== afterFix, 'the etcd command edited the file');
    assertOnlyClusterChanged(afterFix, doc.getText(), 'kops: Insert Cilium etcd cluster');
    assert.match(doc.getText(), /^ {6}etcdManaged: true$/m);

    await undoOnce(doc);
    await textWhen(doc, (text) => text === afterFix, 'the first undo takes back the etcd command only');
    await undoOnce(doc);
    await textWhen(doc, (text) => text === original, 'the second undo takes back the NodePort fix');
  });

  test('kops: Generate Cilium IPsec key → "Add to spec": one edit of the Cluster that one undo takes back', async () => {
    await fresh(doc, original);
    const spy = spyOnNotifications((shown) => (shown.items.includes('Add to spec') ? 'Add to spec' : undefined));
    try {
      await vscode.commands.executeCommand(COMMAND, { choice: 'copy' });
      await textWhen(doc, (text) => text !== original, 'the spec settings were added');
    } finally {
      spy.dispose();
      await vscode.env.clipboard.writeText('');
    }
    assertOnlyClusterChanged(original, doc.getText(), 'Add to spec');
    assert.match(doc.getText(), /^ {6}enableEncryption: true\n {6}encryptionType: ipsec$/m);
    await undoOnce(doc);
    await textWhen(doc, (text) => text === original, 'one undo takes back the spec settings');
  });

  test('a fix computed before the user typed above it is refused, and the text stays as the user left it', async () => {
    await fresh(doc, original);
    const nodePort = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'cilium-nodeport-kubeproxy')!;
    const stale = (await actionsFor(doc, nodePort)).find((a) => a.isPreferred);
    assert.ok(stale?.edit || stale?.command, 'the NodePort fix does something');

    const typed = new vscode.WorkspaceEdit();
    typed.insert(doc.uri, endOfLine(doc, 'kubernetesVersion: 1.34.1'), '\n  # a line the user typed after the fix was computed');
    assert.ok(await vscode.workspace.applyEdit(typed));
    const asLeft = doc.getText();

    const applied = await applyAction(stale);
    assert.strictEqual(doc.getText(), asLeft, 'the text is exactly as the user left it');
    if (stale.edit) assert.strictEqual(applied, false, 'VS Code refused the stale edit');
  });
});
