import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, inside, openFixture } from './helpers';

const RULE = 'cilium-nodeport-kubeproxy';
const hasRule = (all: readonly vscode.Diagnostic[]) => all.some((d) => codeOf(d) === RULE);

suite('diagnostics', () => {
  test('enableNodePort with kube-proxy enabled is reported with a docs link, and fixing it clears it', async () => {
    const doc = await openFixture('nodeport-kubeproxy.yaml');
    const found = (await diagnosticsWhen(doc.uri, hasRule)).filter((d) => codeOf(d) === RULE);
    assert.strictEqual(found.length, 1);
    const [diagnostic] = found;
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, 'the code links to documentation');
    assert.strictEqual(code.target.scheme, 'https');

    const edit = new vscode.WorkspaceEdit();
    const value = inside(doc, 'true', 'kubeProxy:');
    edit.replace(doc.uri, doc.getWordRangeAtPosition(value)!, 'false');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhen(doc.uri, (all) => !hasRule(all));
  });
});
