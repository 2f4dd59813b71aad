import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, endOfLine, openFixture } from './helpers';

// cross-file/: the Cluster in cluster.yaml, its InstanceGroups in nodes.yaml and control-plane.yaml; nodes.yaml
// names the subnet us-east-1c, which the Cluster lacks.
const CROSS = 'kops-instancegroup-cluster';
const crossErrors = (all: readonly vscode.Diagnostic[]) => all.filter((d) => codeOf(d) === CROSS);
const SUBNET_1C = '\n  - cidr: 10.20.0.0/16\n    name: us-east-1c\n    type: Public\n    zone: us-east-1c';

suite('across files', () => {
  test('an InstanceGroup naming a subnet its Cluster in another file lacks gets the error, until the Cluster has the subnet', async () => {
    const nodes = await openFixture('cross-file/nodes.yaml');
    const found = crossErrors(await diagnosticsWhen(nodes.uri, (all) => crossErrors(all).length > 0));
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(found[0].range.start.line, nodes.positionAt(nodes.getText().indexOf('us-east-1c')).line);

    // The Cluster is edited in the editor (opened, not shown: nodes.yaml stays the visible editor); nodes.yaml is untouched.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const cluster = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'cross-file', 'cluster.yaml'));
    const add = new vscode.WorkspaceEdit();
    const at = endOfLine(cluster, 'zone: us-east-1a');
    add.insert(cluster.uri, at, SUBNET_1C);
    assert.ok(await vscode.workspace.applyEdit(add));
    await diagnosticsWhen(nodes.uri, (all) => crossErrors(all).length === 0);
    assert.strictEqual(nodes.isDirty, false);

    const remove = new vscode.WorkspaceEdit();
    remove.delete(cluster.uri, new vscode.Range(at, cluster.positionAt(cluster.offsetAt(at) + SUBNET_1C.length)));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await diagnosticsWhen(nodes.uri, (all) => crossErrors(all).length === 1);
  });
});
