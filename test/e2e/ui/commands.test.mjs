// UI tests of the edit actions: a quick fix picked from the lightbulb menu, and both commands run from the
// command palette, as a user does. Own code-server and run folder (.e2e/run-ui-commands); the README's
// screenshots quickfix.png and ipsec.png go to $SHOTS (out/screenshots; `npm run docs:images`: docs/images).
import assert from 'node:assert';
import path from 'node:path';
import { SHOTS } from '../harness/paths.mjs';
import { workbenchSession } from './session.mjs';
import { EDITOR, WAIT } from './workbench.mjs';

const NODEPORT = 'nodeport-kubeproxy.yaml';
const ETCD = 'etcd-three-members.yaml';
const IPSEC = 'ipsec-cluster.yaml';

/** The text of the open editor's model, read from the workbench (the rendered lines are virtualised). */
function editorText(wb) {
  return wb.page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-group-container .editor-instance .monaco-editor .view-line')];
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  });
}

describe('kops Spec edit actions in the VS Code workbench', function () {
  this.timeout(120_000);
  const ui = workbenchSession('ui-commands', { afterEachTest: (w) => w.page.keyboard.press('Escape') });

  it('Ctrl+. on the NodePort error in the Problems panel lists the kube-proxy fix first; picking it clears the error', async () => {
    await ui.wb.openFile(NODEPORT);
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: WAIT });
    await ui.wb.page.keyboard.press('Control+Shift+M');
    const problem = ui.wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'cilium-nodeport-kubeproxy' }).first();
    await problem.waitFor({ timeout: WAIT });
    const menu = ui.wb.page.locator('.context-view .monaco-menu');
    const fix = menu.locator('.action-item', { hasText: 'Set kubeProxy.enabled: false' }).first();
    // The panel's quick-fix menu (Ctrl+. on the focused problem) lists what it has when it opens: on a loaded machine
    // that can be before the server's actions arrived, so close it and ask again.
    const askForFixes = async () => {
      for (let attempt = 0; attempt < 3 && !(await fix.isVisible()); attempt++) {
        if (attempt) await ui.wb.page.keyboard.press('Escape');
        await problem.click();
        await ui.wb.page.keyboard.press('Control+.');
        await fix.waitFor({ timeout: WAIT / 3 }).catch(() => {});
      }
    };
    await askForFixes();
    if (!(await fix.isVisible())) {
      // The panel asks for a problem's actions once, for as long as it shows that problem (VS Code's
      // MarkerViewModel): when that answer was empty, only a problem shown anew asks again.
      await ui.wb.page.keyboard.press('Escape');
      await ui.wb.page.locator('.tabs-container .tab', { hasText: NODEPORT }).locator('.tab-actions .action-label').click();
      await problem.waitFor({ state: 'detached', timeout: WAIT / 3 }).catch(() => {});
      await ui.wb.openFile(NODEPORT);
      await askForFixes();
    }
    await fix.waitFor({ timeout: WAIT });
    const items = await menu.locator('.action-item').allInnerTexts();
    assert.match(items[0] ?? '', /Set kubeProxy\.enabled: false/, `first of ${JSON.stringify(items)}`);
    await ui.wb.settled('.context-view .monaco-menu');
    await ui.wb.screenshot(path.join(SHOTS, 'quickfix.png'));

    await fix.click();
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { state: 'detached', timeout: WAIT });
    await problem.waitFor({ state: 'detached', timeout: WAIT });
    assert.match(await editorText(ui.wb), /kubeProxy:\n\s+enabled: false/);
    await ui.wb.page.keyboard.press('Control+J'); // hides the panel again (Ctrl+Shift+M would only focus it)
    await ui.wb.page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: WAIT });
  });

  it('palette → kops: Insert Cilium etcd cluster clears the kvstore error; a second run says why it changes nothing', async () => {
    await ui.wb.openFile(ETCD);
    await ui.wb.cursorTo(ETCD, 'identityAllocationMode: kvstore'); // brings the error's line into view
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: WAIT });
    await ui.wb.runCommand('kops: Insert Cilium etcd cluster');
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { state: 'detached', timeout: WAIT });
    await ui.wb.runCommand('kops: Insert Cilium etcd cluster');
    const toast = ui.wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Nothing to do' });
    await toast.first().waitFor({ timeout: WAIT });
    assert.match(await toast.first().innerText(), /already has a .?cilium.? etcd cluster and .?etcdManaged: true/);
  });

  it('palette → kops: Generate Cilium IPsec key offers the four destinations, named for the cluster', async () => {
    await ui.wb.openFile(IPSEC);
    await ui.wb.runCommand('Notifications: Clear All Notifications'); // a clean screenshot
    await ui.wb.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: WAIT });
    await ui.wb.runCommand('kops: Generate Cilium IPsec key');
    const picker = ui.wb.page.locator('.quick-input-widget', { hasText: 'Generate Cilium IPsec key' });
    await picker.waitFor({ timeout: WAIT });
    const rows = picker.locator('.quick-input-list .monaco-list-row');
    await ui.wb.page.waitForFunction(
      () => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row').length === 4,
      null,
      { timeout: WAIT },
    );
    const texts = await rows.allInnerTexts();
    assert.match(texts.join('\n'), /Create the kops secret[\s\S]*for ipsec\.example\.com/);
    for (const label of ['Replace the existing kops secret', 'Save to a file', 'Copy to the clipboard']) {
      assert.ok(
        texts.some((t) => t.includes(label)),
        `${label} in ${JSON.stringify(texts)}`,
      );
    }
    await ui.wb.settled('.quick-input-widget');
    await ui.wb.screenshot(path.join(SHOTS, 'ipsec.png'));
    await ui.wb.page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden', timeout: WAIT });
  });

  it('palette → kops: Generate Cilium IPsec key → Copy: the notification shows the whole kops command with --name, unclipped', async () => {
    await ui.wb.openFile(IPSEC);
    await ui.wb.runCommand('Notifications: Clear All Notifications');
    await ui.wb.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: WAIT });
    await ui.wb.runCommand('kops: Generate Cilium IPsec key');
    const picker = ui.wb.page.locator('.quick-input-widget', { hasText: 'Generate Cilium IPsec key' });
    await picker.waitFor({ timeout: WAIT });
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Copy to the clipboard' }).first().click();
    const toast = ui.wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Key copied' }).first();
    await toast.waitFor({ timeout: WAIT });
    const message = toast.locator('.notification-list-item-message').first();
    assert.match(await message.innerText(), /kops create secret ciliumpassword -f - --name ipsec\.example\.com$/);
    const clipped = await message.evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight);
    assert.strictEqual(clipped, false, 'the message fits the notification without being cut off');
  });

  it('lightbulb on ipam → the migration steps open as a preview beside the spec and close without a question', async () => {
    await ui.wb.openFile(IPSEC);
    await ui.wb.cursorTo(IPSEC, 'ipam', 2);
    const groups = await ui.wb.page.locator('.editor-group-container').count();
    // The lightbulb lists every action on the line (Ctrl+. only quick fixes; the guide is not one).
    const lightbulb = ui.wb.page.locator('.lightBulbWidget').first();
    await lightbulb.waitFor({ timeout: WAIT });
    await lightbulb.click();
    const action = ui.wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Show the safe steps' }).first();
    await action.waitFor({ timeout: WAIT });
    await action.click();
    const tab = ui.wb.page.locator('.tabs-container .tab', { hasText: 'Changing Cilium IPAM' }).first();
    await tab.waitFor({ timeout: WAIT });
    const preview = ui.wb.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    const steps = preview.locator('pre', { hasText: 'kops rolling-update cluster --name ipsec.example.com --force --yes' }).first();
    await steps.waitFor({ timeout: WAIT });
    await steps.locator('button[aria-label="Copy code block"]').waitFor({ state: 'attached', timeout: WAIT });
    assert.strictEqual(await ui.wb.page.locator('.editor-group-container').count(), groups + 1, 'the preview opened beside the spec');

    await tab.hover();
    await tab.locator('.tab-actions [aria-label^="Close"]').click();
    await tab.waitFor({ state: 'detached', timeout: WAIT });
    assert.strictEqual(await ui.wb.page.locator('.monaco-dialog-box').count(), 0, 'closing asked nothing');
    assert.strictEqual(await ui.wb.page.locator('.editor-group-container').count(), groups, 'no empty editor group remains');
    const tabs = await ui.wb.page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some((t) => /Preview|Untitled|\.md/.test(t)), `no preview and no Markdown source left among ${JSON.stringify(tabs)}`);
  });
});
