// UI tests: the extension installed in code-server (symlinked repo), driven through headless chromium.
// Run by scripts/e2e-run.sh: mocha --no-config test/e2e/ui/*.test.mjs. Screenshots go to $SHOTS
// (default out/screenshots; `npm run docs:images` refreshes the README's); a failing test also leaves failure-*.png
// in the run folder.
import assert from 'node:assert';
import path from 'node:path';
import { SHOTS } from '../harness/paths.mjs';
import { workbenchSession } from './session.mjs';
import { EDITOR, WAIT } from './workbench.mjs';

const SPEC = 'nodeport-kubeproxy.yaml';
const EMPTY_CILIUM = 'v136-cilium-empty.yaml';
const HOVER = 'v130-hover.yaml';

describe('kops Spec in the VS Code workbench', function () {
  this.timeout(120_000);
  const ui = workbenchSession('ui');

  it('shows the kops rule violation as a squiggle and in the Problems panel', async () => {
    await ui.wb.openFile(SPEC);
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: WAIT });
    await ui.wb.page.keyboard.press('Control+Shift+M');
    const row = ui.wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'cilium-nodeport-kubeproxy' });
    await row.first().waitFor({ timeout: WAIT });
    assert.match(await row.first().innerText(), /kube-?proxy/i);
    await ui.wb.screenshot(path.join(SHOTS, 'problems.png'));
    await ui.wb.page.keyboard.press('Control+Shift+M'); // toggles the panel closed again
  });

  it('shows the effective kops version in the status bar, and hides it for other YAML', async () => {
    await ui.wb.openFile(SPEC);
    await ui.wb
      .statusItem(/kops v1\.36\.2/)
      .first()
      .waitFor({ timeout: WAIT });
    await ui.wb.openFile('deployment.yaml');
    await ui.wb
      .statusItem(/kops v\d/)
      .first()
      .waitFor({ state: 'hidden', timeout: WAIT });
    await ui.wb.openFile('v125-version-comment.yaml');
    await ui.wb
      .statusItem(/kops v1\.25\.0/)
      .first()
      .waitFor({ timeout: WAIT });
  });

  it('Ctrl+Space under `cilium:` lists enableNodePort in the suggest widget', async () => {
    await ui.wb.openFile(EMPTY_CILIUM);
    await ui.wb.cursorTo(EMPTY_CILIUM, '    cilium:');
    await ui.wb.newLineIndented('      '.length);
    // The list is virtualised (about 12 rows rendered): a prefix brings the enable* keys to the top.
    await ui.wb.page.keyboard.type('enable');
    await ui.wb.page.keyboard.press('Control+Space');
    const item = ui.wb.page.locator('.suggest-widget .monaco-list-row', { hasText: /^enableNodePort/ });
    await item.first().waitFor({ timeout: WAIT });
    await ui.wb.showSuggestDetails();
    await ui.wb.focusSuggestion(/^enableNodePort/);
    await ui.wb.page
      .locator('.suggest-details-container .docs', { hasText: /kube-?proxy/i })
      .first()
      .waitFor({ timeout: WAIT });
    await ui.wb.settled('.suggest-details-container');
    await ui.wb.screenshot(path.join(SHOTS, 'completion.png'));
    await ui.wb.page.keyboard.press('Escape');
  });

  it("hover over enableNodePort shows the Cilium docs link for the spec's Cilium minor", async () => {
    await ui.wb.openFile(HOVER);
    await ui.wb.cursorTo(HOVER, 'enableNodePort', 3);
    await ui.wb.page.keyboard.press('Control+K');
    await ui.wb.page.keyboard.press('Control+I');
    const hover = ui.wb.page.locator('.monaco-hover:visible').first();
    await hover.waitFor({ timeout: WAIT });
    await ui.wb.page.waitForFunction(
      () =>
        [...document.querySelectorAll('.monaco-hover a')].some((a) =>
          /docs\.cilium\.io\/en\/v1\.15\//.test(a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''),
        ),
      null,
      { timeout: WAIT },
    );
    await ui.wb.settled('.monaco-hover');
    await ui.wb.screenshot(path.join(SHOTS, 'hover.png'));
    await ui.wb.page.keyboard.press('Escape');
  });
});
