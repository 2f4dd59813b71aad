// The extension as users get it: scripts/e2e-run.sh (ONLY=install) packs the .vsix with scripts/package.mjs,
// the harness installs it with `code-server --install-extension` (VSIX=…) and runs this suite with an empty
// stand-in as the development extension, so every test below talks to the installed copy.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import {
  codeOf,
  completionsAt,
  diagnosticsWhen,
  endOfLine,
  EXTENSION_ID,
  labelOf,
  openFixture,
  ourItems,
  withTyped,
} from '../suite/helpers';
import { ourDiagnostics } from '../suite/commandsHelpers';
import { descendants } from '../suite/resilienceProcess';
import { leakProbeDir, rememberKey } from '../suite/securityKeys';

const runDir = () => path.dirname(vscode.workspace.workspaceFolders![0].uri.fsPath); // harness: <run>/ws

function installed(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension;
}

suite('the installed .vsix', () => {
  test('is what runs: a real folder in the extensions dir, unpacked from a .vsix, not under development', async () => {
    const extension = installed();
    const pkg = extension.packageJSON as { version: string; isUnderDevelopment?: boolean };
    const folder = path.join(runDir(), 'exts', `kops-spec.kops-spec-${pkg.version}`);
    assert.strictEqual(extension.extensionPath, folder);
    assert.ok(!fs.lstatSync(folder).isSymbolicLink(), 'a folder of its own, not a link to the repo');
    assert.ok(fs.existsSync(path.join(folder, '.vsixmanifest')), 'installed from a .vsix');
    assert.ok(!fs.existsSync(path.join(folder, 'client')) && !fs.existsSync(path.join(folder, 'server')), 'no sources inside');
    assert.strictEqual(pkg.isUnderDevelopment, false);
    assert.strictEqual(vscode.extensions.all.filter((e) => e.id === EXTENSION_ID).length, 1, 'exactly one copy is loaded');

    await openFixture('nodeport-kubeproxy.yaml'); // activates it: the language server starts
    const servers = descendants(process.pid).filter((p) => p.args.some((a) => a.endsWith(path.join('dist', 'server.js'))));
    assert.deepStrictEqual(
      servers.map((p) => p.args.find((a) => a.endsWith('server.js'))),
      [path.join(folder, 'dist', 'server.js')],
      'the one language server runs the installed dist/server.js',
    );
  });

  test('completion under `cilium:` offers enableNodePort', async () => {
    const doc = await openFixture('v136-cilium-empty.yaml');
    const items = await withTyped(doc, endOfLine(doc, 'cilium:'), '\n      ', (at) => completionsAt(doc, at));
    assert.ok(ourItems(items).map(labelOf).includes('enableNodePort'));
  });

  test('a kops rule is reported: enableNodePort with kube-proxy on', async () => {
    const doc = await openFixture('nodeport-kubeproxy.yaml');
    const found = await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'cilium-nodeport-kubeproxy'));
    assert.strictEqual(found.find((d) => codeOf(d) === 'cilium-nodeport-kubeproxy')?.severity, vscode.DiagnosticSeverity.Error);
  });

  test('kops: Insert Cilium etcd cluster mirrors `main` and sets etcdManaged; the file is then clean', async () => {
    const doc = await openFixture('etcd-three-members.yaml');
    await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'cilium-kvstore-needs-etcd'));
    await vscode.commands.executeCommand('kopsSpec.insertCiliumEtcd');
    const cluster = parseAllDocuments(doc.getText())
      .map((d) => d.toJS())
      .find((d) => d?.kind === 'Cluster');
    const members = (name: string) =>
      (cluster.spec.etcdClusters.find((c: { name: string }) => c.name === name)?.etcdMembers ?? []).map(
        (m: { name: string; instanceGroup: string }) => `${m.name}@${m.instanceGroup}`,
      );
    assert.strictEqual(members('main').length, 3);
    assert.deepStrictEqual(members('cilium'), members('main'));
    assert.strictEqual(cluster.spec.networking.cilium.etcdManaged, true);
    await diagnosticsWhen(doc.uri, (all) => ourDiagnostics(all).length === 0);
  });

  test("kops: Generate Cilium IPsec key saves a key in kops' format at mode 0600", async () => {
    await openFixture('ipsec-cluster.yaml');
    const file = path.join(leakProbeDir(), 'installed-ipsec-keys.yaml');
    await vscode.commands.executeCommand('kopsSpec.generateCiliumIpsecKey', { choice: 'save', filePath: file, overwrite: true });
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    rememberKey(fs.readFileSync(file, 'utf8'), 'the saved key file'); // format check; the harness then scans the run for it
  });
});
