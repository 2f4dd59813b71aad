// "Show the safe steps to change … on a running cluster": a read-only Markdown preview beside the spec that
// leaves nothing unsaved, and that closes without a question and without leaving an empty editor group.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inside, openFixture } from './helpers';
import { applyCodeAction, until } from './commandsHelpers';

const SPEC = 'ipsec-cluster.yaml';
const SCHEME = 'kops-spec-migration';

const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
const isPreview = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType);
/** Untitled documents, and documents with unsaved changes other than those other tests left (auto save may not have run yet). */
const unsavedOrUntitled = (before: ReadonlySet<string>) =>
  vscode.workspace.textDocuments.filter((d) => d.isUntitled || (d.isDirty && !before.has(d.uri.toString()))).map((d) => d.uri.toString());

async function migrationAction(doc: vscode.TextDocument): Promise<vscode.CodeAction> {
  const at = inside(doc, 'ipam');
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    new vscode.Range(at, at),
  );
  const action = all
    .filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string')
    .find((a) => a.command?.command === 'kopsSpec.showMigrationGuide');
  assert.ok(action, `a migration action on ipam among ${JSON.stringify(all.map((a) => a.title))}`);
  return action;
}

suite('migration steps', () => {
  test('open as a read-only preview beside the spec: no untitled or unsaved document, the commands name the cluster', async () => {
    const doc = await openFixture(SPEC);
    const groupsBefore = vscode.window.tabGroups.all.length;
    const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    await applyCodeAction(await migrationAction(doc));

    const preview = await until('the migration steps preview is open', () => allTabs().find(isPreview));
    assert.match(preview.label, /Changing Cilium IPAM on a running cluster/);
    assert.strictEqual(vscode.window.tabGroups.all.length, groupsBefore + 1, 'the preview opened beside the spec');
    assert.ok(
      !allTabs().some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme !== 'file'),
      'no editor for the source',
    );
    const source = await until('the preview read its virtual document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === SCHEME),
    );
    assert.match(source.getText(), /kops rolling-update cluster --name ipsec\.example\.com --force --yes/);
    assert.deepStrictEqual(unsavedOrUntitled(dirtyBefore), [], 'nothing unsaved, nothing untitled');

    assert.ok(await vscode.window.tabGroups.close(preview), 'the preview closed');
    await until('the preview is gone', () => (allTabs().some(isPreview) ? undefined : true));
    assert.strictEqual(vscode.window.tabGroups.all.length, groupsBefore, 'no empty editor group remains');
    assert.deepStrictEqual(unsavedOrUntitled(dirtyBefore), [], 'closing left nothing unsaved');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the spec is the active editor again');
  });
});
