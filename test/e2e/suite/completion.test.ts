import * as assert from 'assert';
import * as vscode from 'vscode';
import { completionsAt, endOfLine, labelOf, openFixture, ourItems, suggestOrder, withTyped } from './helpers';
import { ciliumFields, parseKopsVersion } from '../../../server/src/engine';

/** Top-level keys of spec.networking.cilium the engine's catalog has for kops `version`. */
function catalogKeyCount(version: string): number {
  const parsed = parseKopsVersion(version);
  if ('error' in parsed) throw new Error(parsed.error);
  return ciliumFields(parsed.version).length;
}

suite('completion inside spec.networking.cilium', () => {
  test('an empty `cilium:` offers enableNodePort and one item per catalog key of kops v1.36', async () => {
    const doc = await openFixture('v136-cilium-empty.yaml');
    const items = await withTyped(doc, endOfLine(doc, 'cilium:'), '\n      ', (at) => completionsAt(doc, at));
    const keys = ourItems(items).filter((item) => item.kind === vscode.CompletionItemKind.Property);
    const labels = keys.map(labelOf);
    assert.ok(labels.includes('enableNodePort'), `enableNodePort among ${JSON.stringify(labels)}`);
    assert.strictEqual(new Set(labels).size, labels.length, 'no key is offered twice');
    assert.strictEqual(keys.length, catalogKeyCount('v1.36.2'));
  });

  test("`ipam: ` offers exactly the four IPAM modes kops accepts, kops' default marked beside its label and the rows short", async () => {
    const doc = await openFixture('v136-cilium-empty.yaml');
    const items = await withTyped(doc, endOfLine(doc, 'cilium:'), '\n      ipam: ', (at) => completionsAt(doc, at));
    const ours = ourItems(items);
    assert.deepStrictEqual(ours.map(labelOf).sort(), ['crd', 'eni', 'hostscope', 'kubernetes']);
    const marked = ours.filter((item) => typeof item.label !== 'string' && item.label.description === 'kops default');
    assert.deepStrictEqual(marked.map(labelOf), ['kubernetes']);
    assert.deepStrictEqual(
      ours.map((item) => item.detail),
      ['ipam', 'ipam', 'ipam', 'ipam'],
      'the detail names the key; the release is in the documentation only',
    );
  });

  test('`version: ` offers a Cilium v1.18.x first for kops v1.36', async () => {
    const doc = await openFixture('v136-cilium-empty.yaml');
    const items = await withTyped(doc, endOfLine(doc, 'cilium:'), '\n      version: ', (at) => completionsAt(doc, at));
    const labels = suggestOrder(ourItems(items)).map(labelOf);
    assert.match(labels[0] ?? '(none)', /^v1\.18\.\d+$/, `first of ${JSON.stringify(labels)}`);
  });

  test('`version: ` offers a Cilium v1.11.x first under `# kops-version: v1.25.0`', async () => {
    const doc = await openFixture('v125-version-comment.yaml');
    const items = await withTyped(doc, endOfLine(doc, 'enableNodePort: true'), '\n      version: ', (at) => completionsAt(doc, at));
    const labels = suggestOrder(ourItems(items)).map(labelOf);
    assert.match(labels[0] ?? '(none)', /^v1\.11\.\d+$/, `first of ${JSON.stringify(labels)}`);
  });
});

suite('untitled buffers', () => {
  test('an unsaved YAML buffer holding a kops Cluster gets Cilium completion', async () => {
    const source = await openFixture('v136-cilium-empty.yaml');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: source.getText() });
    await vscode.window.showTextDocument(doc);
    try {
      assert.strictEqual(doc.uri.scheme, 'untitled');
      const items = await withTyped(doc, endOfLine(doc, 'cilium:'), '\n      ', (at) => completionsAt(doc, at));
      assert.ok(ourItems(items).map(labelOf).includes('enableNodePort'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
