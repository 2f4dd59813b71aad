import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import { codeOf, diagnosticsWhen, inside, openFixture } from './helpers';
import { applyCodeAction, informationMessagesDuring, ourDiagnostics, resetToFixture } from './commandsHelpers';

const ETCD_SPEC = 'etcd-three-members.yaml';
const TYPO_SPEC = 'typo-enable-nodeport.yaml';

interface EtcdCluster {
  name: string;
  etcdMembers?: { name: string; instanceGroup: string }[];
}
interface ClusterSpec {
  spec: { etcdClusters: EtcdCluster[]; networking: { cilium: Record<string, unknown> } };
}

function clusterSpec(text: string): ClusterSpec {
  const cluster = parseAllDocuments(text)
    .map((d) => d.toJS())
    .find((d) => d?.kind === 'Cluster');
  assert.ok(cluster, 'the file holds a Cluster document');
  return cluster as ClusterSpec;
}

const members = (c: EtcdCluster | undefined) => (c?.etcdMembers ?? []).map((m) => ({ name: m.name, instanceGroup: m.instanceGroup }));
const etcdNamed = (spec: ClusterSpec, name: string) => spec.spec.etcdClusters.find((c) => c.name === name);
/** The file's `---`-separated documents. */
const documentsOf = (text: string) => text.split(/^---$/m);

const insertCiliumEtcd = () => vscode.commands.executeCommand('kopsSpec.insertCiliumEtcd');

suite('kops: Insert Cilium etcd cluster', () => {
  test('mirrors the 3-member `main` cluster into `cilium`, sets etcdManaged, touches only the Cluster document, leaves no diagnostics', async () => {
    const doc = await openFixture(ETCD_SPEC);
    const original = await resetToFixture(doc);
    // Before: the server has analysed the file and reports kvstore without kops-managed etcd.
    await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'cilium-kvstore-needs-etcd'));

    await insertCiliumEtcd();
    const spec = clusterSpec(doc.getText());
    const main = members(etcdNamed(spec, 'main'));
    assert.strictEqual(main.length, 3);
    assert.deepStrictEqual(members(etcdNamed(spec, 'cilium')), main, 'same member names and instanceGroups as main');
    assert.strictEqual(spec.spec.networking.cilium.etcdManaged, true);

    const before = documentsOf(original);
    const after = documentsOf(doc.getText());
    assert.strictEqual(after.length, before.length);
    const changed = after.map((text, i) => text !== before[i]);
    assert.deepStrictEqual(
      changed,
      before.map((text) => /^kind: Cluster$/m.test(text)),
      'only the Cluster document changed',
    );

    await diagnosticsWhen(doc.uri, (all) => ourDiagnostics(all).length === 0);
  });

  test('a second run changes nothing (same text, same version) and says why', async () => {
    const doc = await openFixture(ETCD_SPEC);
    const original = await resetToFixture(doc);
    await insertCiliumEtcd();
    const text = doc.getText();
    const version = doc.version;
    assert.ok(text !== original, 'the first run edited the file');

    const messages = await informationMessagesDuring(insertCiliumEtcd);
    assert.strictEqual(doc.getText(), text);
    assert.strictEqual(doc.version, version, 'no edit was applied, not even an empty one');
    assert.strictEqual(messages.length, 1, JSON.stringify(messages));
    assert.match(messages[0], /already has a `cilium` etcd cluster and `etcdManaged: true`/);
  });

  test('one undo restores the original text exactly', async () => {
    const doc = await openFixture(ETCD_SPEC);
    const original = await resetToFixture(doc);
    await insertCiliumEtcd();
    assert.notStrictEqual(doc.getText(), original);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });
});

suite('quick fix for a misspelt Cilium key', () => {
  const isTypo = (d: vscode.Diagnostic) => codeOf(d) === 'cilium-unknown-key';

  test('`enableNodeport` gets one preferred rename to enableNodePort (at most 3 renames); applying it clears the warning', async () => {
    const doc = await openFixture(TYPO_SPEC);
    await resetToFixture(doc);
    const [warning] = (await diagnosticsWhen(doc.uri, (all) => all.some(isTypo))).filter(isTypo);
    assert.ok(warning.range.contains(inside(doc, 'enableNodeport', 'cilium:')), 'the warning sits on the misspelt key');

    // Resolving the actions (4th argument) makes VS Code hand back their edits; it never hands back their
    // `diagnostics`, so the warning's range is what selects them.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      warning.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const listed = actions.map((a) => a.title).join(' | ');
    const renames = actions.filter((a) => /^Rename to /.test(a.title));
    assert.ok(renames.length >= 1 && renames.length <= 3, `${renames.length} renames among ${listed}`);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1, `one preferred among ${listed}`);
    assert.match(preferred[0].title, /enableNodePort/);

    const expected = doc.getText().replace('enableNodeport:', 'enableNodePort:');
    await applyCodeAction(preferred[0]);
    assert.strictEqual(doc.getText(), expected, 'only the key changed; value and comment kept');
    await diagnosticsWhen(doc.uri, (all) => !all.some(isTypo) && ourDiagnostics(all).length === 0);
  });
});
