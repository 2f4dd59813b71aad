// kops: Generate Cilium IPsec key, with the command's test arguments (no QuickPick, no save dialog).
// Assertion messages never include a key: a failing test must not print one either.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { inside, openFixture } from './helpers';
import { filesUnder, informationMessagesDuring, until } from './commandsHelpers';
import { leakProbeDir, rememberKey } from './securityKeys';
import { spyOnNotifications } from './securityNotifications';

const SPEC = 'ipsec-cluster.yaml';
/** The same cluster with `enableEncryption: true` and `encryptionType: ipsec` already set. */
const IPSEC_CHOSEN = 'ipsec-configured.yaml';
const KEY = /^keys: 3 rfc4106\(gcm\(aes\)\) [0-9a-f]{40} 128$/;
/** Any key in kops' format, also one this suite did not see. */
const ANY_KEY = /rfc4106\(gcm\(aes\)\) [0-9a-f]{40}/;
const ENCRYPTION_INFO_TRACED = /Received response 'kopsSpec\/ciliumEncryptionInfo/g;
const HOVER_TRACED = /Received response 'textDocument\/hover/;
/** Every key the suite generated; the leak test looks for all of them. */
const generated: string[] = [];

const runDir = () => path.dirname(vscode.workspace.workspaceFolders![0].uri.fsPath); // harness: <run>/ws
const logsDir = () => path.join(runDir(), 'ud', 'logs');
const outputChannelLog = () => filesUnder(logsDir()).find((f) => path.basename(f).endsWith('kops Spec.log'));
const traceConfig = () => vscode.workspace.getConfiguration('kopsSpec');

/**
 * The one line of a key file, checked for kops' format without ever printing it. The key is also listed for
 * the harness, which searches the whole run folder for it once code-server has shut down (leakScan.mjs).
 */
function keyIn(text: string, where: string): string {
  const line = text.endsWith('\n') ? text.slice(0, -1) : text;
  assert.ok(KEY.test(line), `${where} holds exactly one line in kops' key format`);
  rememberKey(line, where);
  generated.push(line);
  return line;
}

async function saveKey(filePath: string): Promise<string> {
  await vscode.commands.executeCommand('kopsSpec.generateCiliumIpsecKey', { choice: 'save', filePath, overwrite: true });
  assert.strictEqual(fs.statSync(filePath).mode & 0o777, 0o600, 'the key file is readable by its owner only');
  return keyIn(fs.readFileSync(filePath, 'utf8'), path.basename(filePath));
}

async function copyKey(): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand('kopsSpec.generateCiliumIpsecKey', { choice: 'copy' });
  return keyIn(await vscode.env.clipboard.readText(), 'the clipboard');
}

type ShowQuickPick = (items: unknown, options?: vscode.QuickPickOptions) => Thenable<unknown>;

/** Runs the command with its pick, records the pick's title and cancels it (the suite shares the extension's `vscode` API object). */
async function pickTitle(): Promise<string | undefined> {
  const window = vscode.window as unknown as { showQuickPick: ShowQuickPick };
  const original = window.showQuickPick;
  let title: string | undefined;
  window.showQuickPick = (_items, options) => {
    title = options?.title;
    return Promise.resolve(undefined);
  };
  try {
    await vscode.commands.executeCommand('kopsSpec.generateCiliumIpsecKey');
  } finally {
    window.showQuickPick = original;
  }
  return title;
}

/** Key files go where the harness's leak scan expects files that hold keys on purpose. */
const keyDir = () => fs.mkdtempSync(path.join(leakProbeDir(), 'commands-'));
const traced = (pattern: RegExp) => (fs.readFileSync(outputChannelLog() ?? '/dev/null', 'utf8').match(pattern) ?? []).length;

suite('kops: Generate Cilium IPsec key', () => {
  suiteSetup(async () => {
    const doc = await openFixture(SPEC);
    // Verbose trace: every message between the client and the server goes to the kops Spec output channel.
    await traceConfig().update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    await until('the kops Spec output channel traces a hover', async () => {
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, inside(doc, 'ipam'));
      return outputChannelLog() && HOVER_TRACED.test(fs.readFileSync(outputChannelLog()!, 'utf8')) ? true : undefined;
    });
  });
  suiteTeardown(() => traceConfig().update('trace.server', undefined, vscode.ConfigurationTarget.Global));

  test("save: one line in kops' format, mode 0600, a new key on every run, an existing file replaced at mode 0600", async () => {
    await openFixture(SPEC);
    const dir = keyDir();
    const first = await saveKey(path.join(dir, 'cilium-ipsec-keys.yaml'));
    const existing = path.join(dir, 'existing.yaml');
    fs.writeFileSync(existing, 'not a key\n', { mode: 0o644 });
    const second = await saveKey(existing);
    assert.ok(first !== second, 'two runs give two different keys');
  });

  test("copy: the clipboard holds a key in kops' format, a new one each time", async () => {
    await openFixture(SPEC);
    const first = await copyKey();
    const second = await copyKey();
    assert.ok(first !== second, 'two runs give two different keys');
  });

  test('the pick names WireGuard as the alternative only while the spec has chosen no encryption', async () => {
    await openFixture(SPEC);
    assert.match((await pickTitle()) ?? '(no pick)', /^Generate Cilium IPsec key .*WireGuard/);
    await openFixture(IPSEC_CHOSEN);
    assert.strictEqual(await pickTitle(), 'Generate Cilium IPsec key', 'encryptionType: ipsec: no WireGuard in the title');
  });

  test('copy: the notification names the whole kops command, with --name of the cluster', async () => {
    await openFixture(SPEC);
    let key = '';
    const shown = await informationMessagesDuring(async () => {
      key = await copyKey();
    });
    const copied = shown.filter((m) => m.startsWith('Key copied'));
    assert.strictEqual(copied.length, 1, `one copy notification among ${JSON.stringify(shown)}`);
    assert.ok(copied[0].endsWith(': kops create secret ciliumpassword -f - --name ipsec.example.com'), copied[0]);
    assert.ok(!copied[0].includes('`'), 'no backticks: the notification shows plain text');
    assert.ok(!copied[0].includes(key.split(' ')[3]), 'the notification holds no key');
  });

  test('copy: the notification\'s "Clear clipboard" wipes the key from the clipboard', async () => {
    await openFixture(SPEC);
    const spy = spyOnNotifications((shown) => (shown.items.includes('Clear clipboard') ? 'Clear clipboard' : undefined));
    try {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand('kopsSpec.generateCiliumIpsecKey', { choice: 'copy' });
      await until('the clipboard is empty again', async () => ((await vscode.env.clipboard.readText()) === '' ? true : undefined));
    } finally {
      spy.dispose();
    }
    assert.ok(
      spy.shown.some((s) => s.message.startsWith('Key copied') && s.items.includes('Clear clipboard')),
      'the copy notification offered the button',
    );
  });

  test('no key reaches a document, a settings file, or any log (kops Spec output channel with verbose trace, extension host, server)', async () => {
    const doc = await openFixture(SPEC);
    const before = traced(ENCRYPTION_INFO_TRACED);
    await saveKey(path.join(keyDir(), 'keys.yaml'));
    await copyKey();
    // Both runs asked the server about the Cluster; once their responses are in the channel, so is everything before.
    await until('both runs traced in the output channel', () => (traced(ENCRYPTION_INFO_TRACED) >= before + 2 ? true : undefined));
    assert.ok(generated.length >= 2, `${generated.length} keys generated by this suite`);

    const leaksIn = (text: string) => ANY_KEY.test(text) || generated.some((key) => text.includes(key.split(' ')[3]));
    assert.ok(!leaksIn(doc.getText()), 'the spec holds no key');
    for (const open of vscode.workspace.textDocuments) assert.ok(!leaksIn(open.getText()), `${open.uri.toString()} holds no key`);
    const settings = [path.join(runDir(), 'ud', 'User', 'settings.json'), path.join(runDir(), 'ws', '.vscode', 'settings.json')];
    for (const file of settings.filter((f) => fs.existsSync(f))) assert.ok(!leaksIn(fs.readFileSync(file, 'utf8')), `${file} holds no key`);
    const logs = filesUnder(logsDir());
    assert.ok(
      logs.some((f) => /exthost\d*[/\\]remoteexthost\.log$/.test(f)),
      'the extension host log is among the files read',
    );
    for (const file of logs) assert.ok(!leaksIn(fs.readFileSync(file, 'utf8')), `${path.relative(runDir(), file)} holds no key`);
  });
});
