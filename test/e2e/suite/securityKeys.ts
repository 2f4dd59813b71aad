// Steps of the security tests: a stand-in `kops` on the extension host's PATH, the run folder the harness
// made (<run>/ws is the workspace), and the leak-probe folder where this suite keeps every key it made.
// After code-server has shut down (logs and state flushed), test/e2e/harness/leakScan.mjs searches the
// whole run folder outside leak-probe/ for those keys.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const KEY = /^keys: 3 rfc4106\(gcm\(aes\)\) ([0-9a-f]{40}) 128$/;
export const COMMAND = 'kopsSpec.generateCiliumIpsecKey';

export function runDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'a workspace folder is open');
  const run = path.dirname(folder);
  assert.ok(fs.existsSync(path.join(run, 'ud', 'User', 'settings.json')), `${run} is the harness's run folder`);
  return run;
}

/** <run>/leak-probe: key files and kops' recorded stdin live here, and keys.txt lists every key's hex. */
export function leakProbeDir(): string {
  const dir = path.join(runDir(), 'leak-probe');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Checks `text` is one key in kops' format (never printing it) and records its hex for the leak scan. */
export function rememberKey(text: string, where: string): string {
  const m = KEY.exec(text.replace(/\n$/, ''));
  assert.ok(m, `${where} holds exactly one key in kops' format`);
  fs.appendFileSync(path.join(leakProbeDir(), 'keys.txt'), `${m[1]}\n`, { mode: 0o600 });
  return m[1];
}

export function rememberedKeys(): string[] {
  const file = path.join(leakProbeDir(), 'keys.txt');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

export interface FakeKops {
  argvFile: string;
  stdinFile: string;
  dispose(): void;
}

/**
 * Puts a `kops` that records its arguments (one a line) and its standard input first on the extension
 * host's PATH (the IPsec command spawns with the host's environment). Prints only a fixed line.
 */
export function fakeKopsOnPath(): FakeKops {
  const bin = fs.mkdtempSync(path.join(leakProbeDir(), 'bin-'));
  const argvFile = path.join(bin, 'argv');
  const stdinFile = path.join(bin, 'stdin');
  fs.writeFileSync(
    path.join(bin, 'kops'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > '${argvFile}.part' && mv '${argvFile}.part' '${argvFile}'`,
      `cat > '${stdinFile}.part' && mv '${stdinFile}.part' '${stdinFile}'`,
      'echo "fake kops: secret stored"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  const before = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${before ?? ''}`;
  return {
    argvFile,
    stdinFile,
    dispose: () => {
      process.env.PATH = before;
    },
  };
}

/** Polls for a file (written by another process, so no VS Code event) every 50 ms; fails after `ms`. */
export async function fileAppears(file: string, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} did not appear within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return fs.readFileSync(file, 'utf8');
}

/** Resolves with the next terminal VS Code opens; rejects after `ms`. */
export function nextTerminal(ms = 10_000): Promise<vscode.Terminal> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no terminal opened within ${ms} ms`));
    }, ms);
    const listener = vscode.window.onDidOpenTerminal((terminal) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(terminal);
    });
  });
}

/** Every regular file under `dir`, except under `skip`. */
export function filesBelow(dir: string, skip: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (full === skip) return [];
    if (entry.isDirectory()) return filesBelow(full, skip);
    return entry.isFile() ? [full] : [];
  });
}
