import * as assert from 'assert';
import * as vscode from 'vscode';
import { completionsAt, endOfLine, labelOf, openFixture, ourItems, suggestOrder, withTyped } from './helpers';

suite('the kopsSpec.kopsVersion setting', () => {
  const config = () => vscode.workspace.getConfiguration('kopsSpec');
  teardown(() => config().update('kopsVersion', undefined, vscode.ConfigurationTarget.Global));

  async function firstVersionOffered(doc: vscode.TextDocument): Promise<string | undefined> {
    const items = await withTyped(doc, endOfLine(doc, 'ipam: kubernetes'), '\n      version: ', (at) => completionsAt(doc, at));
    return suggestOrder(ourItems(items)).map(labelOf)[0];
  }

  test('reaches the server and applies to files without a version comment', async () => {
    const doc = await openFixture('setting-version.yaml');
    assert.match((await firstVersionOffered(doc)) ?? '(none)', /^v1\.18\./, 'newest kops before the setting changes');
    await config().update('kopsVersion', 'v1.25.0', vscode.ConfigurationTarget.Global);
    // The client pushes the section to the server (didChangeConfiguration); poll until it has arrived.
    const deadline = Date.now() + 10_000;
    let first = await firstVersionOffered(doc);
    while (!/^v1\.11\./.test(first ?? '') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      first = await firstVersionOffered(doc);
    }
    assert.match(first ?? '(none)', /^v1\.11\./);
  });
});
