// UI tests of what a new user meets first: a Cilium scenario merged into a sample spec from the suggest widget,
// the kops version picker taking a typed patch release, and messages that fit the Problems panel. Own
// code-server and run folder (.e2e/run-ui-first); version-picker.png and scenario.png go to $SHOTS.
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { VIEWPORT } from '../harness/browser.mjs';
import { REPO, SHOTS } from '../harness/paths.mjs';
import { workbenchSession } from './session.mjs';
import { EDITOR, WAIT } from './workbench.mjs';

const SAMPLE = 'basic-cilium.yaml';
const PICKER = 'nodeport-kubeproxy.yaml';
const LONG = 'long-messages.yaml';

/** Our CLI's findings for a file, as the user's CI would see them. */
function cliFindings(file) {
  let out;
  try {
    out = execFileSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
  }
  return JSON.parse(out).files.flatMap((f) => f.diagnostics.map((d) => `${d.code} ${d.path}`));
}

/** Saves until the file on disk satisfies `done` or WAIT ms pass: the scenario's merge lands after the item's own edit. */
async function savedWhen(wb, name, done) {
  for (let waited = 0; ; waited += 250) {
    await wb.page.keyboard.press('Control+S');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const text = fs.readFileSync(path.join(wb.folder, name), 'utf8');
    if (done(text) || waited > WAIT) return text;
  }
}

describe('kops Spec in the first ten minutes', function () {
  this.timeout(120_000);
  const ui = workbenchSession('ui-first', {
    extraFiles: { [SAMPLE]: path.join(REPO, 'samples', SAMPLE) },
    afterEachTest: (w) => w.page.keyboard.press('Escape'),
  });

  it('kops-cilium-hubble typed under spec: merges into the existing networking.cilium block, as an edit of its own to undo', async () => {
    await ui.wb.openFile(SAMPLE);
    // The status bar shows the file's kops version once the language server has it: from then on the suggest
    // widget lists our items (before, Ctrl+Space shows only the editor's word suggestions, as for any language).
    await ui.wb
      .statusItem(/kops v\d/)
      .first()
      .waitFor({ timeout: WAIT });
    const original = fs.readFileSync(path.join(ui.wb.folder, SAMPLE), 'utf8');
    const before = cliFindings(path.join(ui.wb.folder, SAMPLE));
    await ui.wb.cursorTo(SAMPLE, 'nonMasqueradeCIDR: 100.64.0.0/10');
    await ui.wb.newLineIndented(2);
    await ui.wb.page.keyboard.type('kops-cilium-hub');
    await ui.wb.page.keyboard.press('Control+Space');
    await ui.wb.page
      .locator('.suggest-widget .monaco-list-row', { hasText: /^kops-cilium-hubble/ })
      .first()
      .waitFor({ timeout: WAIT });
    await ui.wb.focusSuggestion(/^kops-cilium-hubble/);
    await ui.wb.settled('.suggest-widget');
    await ui.wb.screenshot(path.join(SHOTS, 'scenario.png'));
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: WAIT });

    const text = await savedWhen(ui.wb, SAMPLE, (saved) => /^ {6}hubble:/m.test(saved));
    const docs = parseAllDocuments(text, { uniqueKeys: true });
    assert.deepEqual(
      docs.flatMap((d) => d.errors.map((e) => e.message)),
      [],
    );
    const spec = docs[0].toJS().spec;
    assert.equal(spec.networking.cilium.hubble.enabled, true);
    assert.equal(spec.networking.cilium.enableNodePort, true, 'the existing Cilium keys stay');
    assert.equal(spec.certManager.enabled, true);
    assert.equal((text.match(/^ {2}networking:/gm) ?? []).length, 1, text);
    assert.doesNotMatch(text, /kops-cilium-hub/);
    assert.doesNotMatch(text, /^\s+$/m, 'no whitespace-only line left where the prefix was typed');
    assert.deepEqual(cliFindings(path.join(ui.wb.folder, SAMPLE)), before);
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { state: 'detached', timeout: WAIT });

    // The merge is its own edit: one undo takes it back, a second brings back the typed name.
    await ui.wb.page.keyboard.press('Control+Z');
    const unmerged = await savedWhen(ui.wb, SAMPLE, (saved) => !/hubble:/.test(saved));
    assert.equal(unmerged, original.replace('/10\n', '/10\n  \n'));
    await ui.wb.page.keyboard.press('Control+Z');
    const typed = await savedWhen(ui.wb, SAMPLE, (saved) => saved !== unmerged);
    assert.equal(typed, original.replace('/10\n', '/10\n  kops-cilium-hub\n'));
  });

  it('the version picker takes a typed v1.30.4 and writes it as this file’s comment when asked', async () => {
    await ui.wb.openFile(PICKER);
    await ui.wb
      .statusItem(/kops v1\.36\.2/)
      .first()
      .waitFor({ timeout: WAIT });
    await ui.wb.runCommand('kops: Change kops version');
    const input = ui.wb.page.locator('.quick-input-widget input');
    await ui.wb.page.locator('.quick-input-widget', { hasText: 'Change kops version' }).waitFor({ timeout: WAIT });
    await input.fill('v1.30.4');
    await ui.wb.page.waitForFunction(
      () => /^v1\.30\.4/.test(document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent ?? ''),
      null,
      { timeout: WAIT },
    );
    await ui.wb.settled('.quick-input-widget');
    await ui.wb.screenshot(path.join(SHOTS, 'version-picker.png'));
    await ui.wb.page.keyboard.press('Enter');

    const where = ui.wb.page.locator('.quick-input-widget', { hasText: 'Where to use kops v1.30.4' });
    await where.waitFor({ timeout: WAIT });
    const rows = await where.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.match(rows.join('\n'), /Workspace setting[\s\S]*\.vscode\/settings\.json/);
    assert.match(rows.join('\n'), /User setting/);
    await input.fill('this file');
    await ui.wb.page.waitForFunction(
      () => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent?.includes('Set for this file only'),
      null,
      { timeout: WAIT },
    );
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb
      .statusItem(/kops v1\.30\.4/)
      .first()
      .waitFor({ timeout: WAIT });
    assert.match(await ui.wb.saveAndRead(PICKER), /^# kops-version: v1\.30\.4\n/);
    assert.ok(!fs.existsSync(path.join(ui.wb.folder, '.vscode', 'settings.json')), 'no workspace setting written');
  });

  it('every message fits its row in the Problems panel of a 1920-pixel window', async () => {
    await ui.wb.page.setViewportSize({ width: 1920, height: 1080 });
    await ui.wb.openFile(LONG);
    await ui.wb.page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: WAIT });
    await ui.wb.page.keyboard.press('Control+Shift+M');
    const rows = ui.wb.page.locator('.markers-panel .monaco-list-row', { hasText: /cilium-eni-masquerade|nodelocaldns-clusterdns-cilium/ });
    await ui.wb.page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length >= 3, null, {
      timeout: WAIT,
    });
    assert.equal(await rows.count(), 2);
    const cut = await ui.wb.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row .marker-message')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.scrollWidth}/${e.clientWidth} px: ${e.textContent}`),
    );
    assert.deepEqual(cut, []);
    await ui.wb.page.keyboard.press('Control+J');
    await ui.wb.page.setViewportSize(VIEWPORT);
  });
});
