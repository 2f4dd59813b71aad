// Where the Cilium IPsec key goes, in a trusted workspace (the default run): only to kops' standard input,
// a 0600 file the user confirmed, or the clipboard. Assertion messages never include a key.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { openFixture } from './helpers';
import { internetSockets, theLanguageServer } from './resilienceProcess';
import {
  COMMAND,
  fakeKopsOnPath,
  fileAppears,
  filesBelow,
  leakProbeDir,
  nextTerminal,
  rememberKey,
  rememberedKeys,
  runDir,
} from './securityKeys';
import { spyOnNotifications, type Answer, type Shown } from './securityNotifications';

const SPEC = 'security-cluster.yaml';
const dismiss: Answer = () => undefined;
const mentions = (shown: Shown[], hex: string) => shown.filter((s) => `${s.message} ${s.detail ?? ''} ${s.items.join(' ')}`.includes(hex));

async function runCommand(args: object, answer: Answer = dismiss): Promise<Shown[]> {
  const spy = spyOnNotifications(answer);
  try {
    await vscode.commands.executeCommand(COMMAND, args);
  } finally {
    spy.dispose();
  }
  return spy.shown;
}

if (process.env.E2E_WORKSPACE_TRUST !== 'untrusted') {
  suite('the IPsec key goes only where the user sends it (trusted workspace)', () => {
    test('the workspace is trusted in this run', () => {
      assert.strictEqual(vscode.workspace.isTrusted, true);
    });

    for (const choice of ['create', 'rotate'] as const) {
      test(`${choice}: kops gets the key on standard input; its arguments, the terminal and every message are free of it`, async () => {
        await openFixture(SPEC);
        const kops = fakeKopsOnPath();
        const opened = nextTerminal();
        let shown: Shown[];
        let terminal: vscode.Terminal | undefined;
        try {
          shown = await runCommand({ choice });
          terminal = await opened;
          const argv = (await fileAppears(kops.argvFile)).trimEnd().split('\n');
          const hex = rememberKey(await fileAppears(kops.stdinFile), "kops' standard input");
          const expected = ['create', 'secret', 'ciliumpassword', '-f', '-', '--name', 'security.example.com'];
          assert.deepStrictEqual(argv, choice === 'rotate' ? [...expected, '--force'] : expected);
          assert.ok(!terminal.name.includes(hex), 'the terminal name holds no key');
          assert.deepStrictEqual(mentions(shown, hex), [], 'no message holds the key');
        } finally {
          kops.dispose();
          terminal?.dispose();
        }
      });
    }

    test('save over an existing file asks first: dismissed, the file is untouched; "Replace", it holds the key at mode 0600', async () => {
      await openFixture(SPEC);
      const file = path.join(leakProbeDir(), 'existing-keys.yaml');
      fs.writeFileSync(file, 'keep me\n');
      fs.chmodSync(file, 0o644);

      const dismissed = await runCommand({ choice: 'save', filePath: file });
      const prompts = dismissed.filter((s) => s.modal);
      assert.strictEqual(prompts.length, 1, `one modal question, got ${JSON.stringify(dismissed.map((s) => s.message))}`);
      assert.match(prompts[0].message, /existing-keys\.yaml exists/);
      assert.deepStrictEqual(prompts[0].items, ['Replace']);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'keep me\n');
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o644);

      const replaced = await runCommand({ choice: 'save', filePath: file }, (s) => (s.modal ? 'Replace' : undefined));
      assert.strictEqual(replaced.filter((s) => s.modal).length, 1);
      const hex = rememberKey(fs.readFileSync(file, 'utf8'), 'the replaced file');
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
      assert.deepStrictEqual(mentions(replaced, hex), []);
    });

    test('save to a new file: no question, mode 0600, and the message names the file, not the key', async () => {
      await openFixture(SPEC);
      const file = path.join(leakProbeDir(), 'new-keys.yaml');
      const shown = await runCommand({ choice: 'save', filePath: file });
      assert.deepStrictEqual(
        shown.filter((s) => s.modal),
        [],
      );
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
      const hex = rememberKey(fs.readFileSync(file, 'utf8'), 'the new file');
      assert.ok(
        shown.some((s) => s.message.includes(file)),
        "the extension's messages pass through the spy",
      );
      assert.deepStrictEqual(mentions(shown, hex), []);
    });

    test('copy: the clipboard holds the key; the message saying so does not', async () => {
      await openFixture(SPEC);
      await vscode.env.clipboard.writeText('');
      const shown = await runCommand({ choice: 'copy' });
      const hex = rememberKey(await vscode.env.clipboard.readText(), 'the clipboard');
      assert.ok(
        shown.some((s) => /^Key copied/.test(s.message)),
        'the clipboard message was seen',
      );
      assert.deepStrictEqual(mentions(shown, hex), []);
      await vscode.env.clipboard.writeText('');
    });

    test('no key in any open document or in any file of the run folder (user data, logs, settings, state, temp, browser profile)', () => {
      const keys = rememberedKeys();
      assert.ok(keys.length >= 5, `${keys.length} keys made by this suite`);
      for (const doc of vscode.workspace.textDocuments) {
        assert.ok(!keys.some((hex) => doc.getText().includes(hex)), `${doc.uri.toString()} holds no key`);
      }
      const files = filesBelow(runDir(), leakProbeDir());
      assert.ok(
        files.some((f) => f.endsWith(path.join('User', 'settings.json'))),
        'user settings are among the files',
      );
      assert.ok(
        files.some((f) => /kops Spec\.log$/.test(f)),
        'the kops Spec output channel log is among the files',
      );
      for (const file of files) {
        let text: string;
        try {
          text = fs.readFileSync(file, 'latin1');
        } catch {
          continue; // removed meanwhile (browser cache, lock files)
        }
        assert.ok(!keys.some((hex) => text.includes(hex)), `${path.relative(runDir(), file)} holds no key`);
      }
    });

    test('the language server holds no internet socket (TCP or UDP, IPv4 or IPv6)', async () => {
      const server = await theLanguageServer();
      assert.deepStrictEqual(internetSockets(server.pid), []);
    });
  });
}
