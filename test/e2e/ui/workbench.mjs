// Playwright steps against the VS Code workbench served by code-server. Selectors are the ones that work
// on VS Code 1.139 (the Chat input is also a .monaco-editor, so the file editor is scoped explicitly).
import fs from 'node:fs';
import path from 'node:path';

export const EDITOR = '.editor-group-container .editor-instance .monaco-editor';
/** Generous: a loaded 2-core machine needs several seconds for what normally takes a few hundred ms. */
export const WAIT = 30_000;

export class Workbench {
  /** @param {import('playwright-core').Page} page @param {string} folder workspace folder on disk */
  constructor(page, folder) {
    this.page = page;
    this.folder = folder;
  }

  async load(url) {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(this.folder)}`);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // the explorer lists the folder once the remote connection (and the extension host) is up
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
  }

  /** Opens a workspace file from the Explorer (no file search involved). */
  async openFile(name) {
    const exactly = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: exactly }).click();
    await this.page.waitForFunction((n) => document.title.includes(n), name, { timeout: WAIT });
    await this.page.waitForSelector(`${EDITOR} .view-lines`, { timeout: WAIT });
  }

  /** 1-based line and column of the first `anchor` in the file on disk (plus `offset` characters). */
  locate(name, anchor, offset = 0) {
    const text = fs.readFileSync(path.join(this.folder, name), 'utf8');
    const at = text.indexOf(anchor);
    if (at < 0) throw new Error(`anchor ${JSON.stringify(anchor)} not in ${name}`);
    const before = text.slice(0, at + offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  /** Cursor position as the status bar shows it ("Ln 12, Col 5"). */
  async cursor() {
    const text = await this.page
      .locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ })
      .first()
      .innerText();
    const [, line, column] = /Ln (\d+), Col (\d+)/.exec(text).map(Number);
    return { line, column };
  }

  async waitForCursor(line, column) {
    await this.statusItem(new RegExp(`Ln ${line}, Col ${column}\\b`))
      .first()
      .waitFor({ timeout: WAIT });
  }

  /** Puts the cursor on `anchor` in the open file with Go to Line (Ctrl+G). */
  async cursorTo(name, anchor, offset = 0) {
    const { line, column } = this.locate(name, anchor, offset);
    await this.page.locator(`${EDITOR} .view-lines`).first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: WAIT });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.waitForCursor(line, column);
  }

  /** Starts a new line below the cursor indented to `indent` spaces, whatever the editor's auto-indent did. */
  async newLineIndented(indent) {
    const before = await this.cursor();
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
    await this.statusItem(new RegExp(`Ln ${before.line + 1}, Col`))
      .first()
      .waitFor({ timeout: WAIT });
    const missing = indent + 1 - (await this.cursor()).column;
    for (let i = 0; i < -missing; i++) await this.page.keyboard.press('Backspace');
    if (missing > 0) await this.page.keyboard.type(' '.repeat(missing));
    await this.waitForCursor(before.line + 1, indent + 1);
  }

  /**
   * Ctrl+Space while the suggest widget is open shows the focused item's documentation. A press that lands
   * before the widget's context keys are updated re-triggers suggest instead, so check and repeat.
   */
  async showSuggestDetails() {
    const docs = this.page.locator('.suggest-details-container .docs').first();
    for (let attempt = 0; attempt < 5 && !(await docs.isVisible()); attempt++) {
      await this.page.keyboard.press('Control+Space');
      await docs.waitFor({ timeout: 5_000 }).catch(() => {});
    }
    await docs.waitFor({ timeout: WAIT });
  }

  /** Moves the suggest widget's focus down, one confirmed step at a time, to the row whose text matches. */
  async focusSuggestion(pattern) {
    const focusedText = () => this.page.locator('.suggest-widget .monaco-list-row.focused').first().textContent({ timeout: WAIT });
    for (let step = 0; step < 40; step++) {
      const current = await focusedText();
      if (pattern.test(current)) return;
      await this.page.keyboard.press('ArrowDown');
      await this.page.waitForFunction(
        (before) => document.querySelector('.suggest-widget .monaco-list-row.focused')?.textContent !== before,
        current,
        { timeout: WAIT },
      );
    }
    throw new Error(`no suggestion matching ${pattern} within 40 rows`);
  }

  /** Waits until the element's size has stayed the same for three 100 ms polls (widgets grow after the first paint). */
  async settled(selector) {
    await this.page.waitForFunction(
      (sel) => {
        const box = document.querySelector(sel)?.getBoundingClientRect();
        const size = box ? `${box.width}x${box.height}` : '';
        const seen = (window.__e2eSizes ??= {});
        const same = size !== '' && seen[sel]?.size === size ? seen[sel].count + 1 : 0;
        seen[sel] = { size, count: same };
        return same >= 3;
      },
      selector,
      { timeout: WAIT, polling: 100 },
    );
  }

  /** F1, the command's palette title, Enter: once the palette lists exactly that command. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title });
    await row.first().waitFor({ timeout: WAIT });
    await this.page.waitForFunction(
      (t) => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent?.includes(t),
      title,
      { timeout: WAIT },
    );
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+S, then the file as saved in the workspace folder. */
  async saveAndRead(name) {
    const before = fs.statSync(path.join(this.folder, name)).mtimeMs;
    await this.page.keyboard.press('Control+S');
    const file = path.join(this.folder, name);
    for (let waited = 0; fs.statSync(file).mtimeMs === before; waited += 100) {
      if (waited > WAIT) throw new Error(`${name} was not saved`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return fs.readFileSync(file, 'utf8');
  }

  /** A status-bar entry whose text matches. */
  statusItem(pattern) {
    return this.page.locator('.statusbar-item', { hasText: pattern });
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
