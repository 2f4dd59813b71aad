// Runs only in the untrusted-workspace run (scripts/e2e-run.sh ONLY=untrusted: code-server with workspace
// trust on, the folder untrusted, E2E_WORKSPACE_TRUST=untrusted): nothing runs a terminal or writes a file,
// and completion, hover and diagnostics work as usual.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  codeOf,
  completionsAt,
  diagnosticsWhen,
  endOfLine,
  hoverMarkdown,
  inside,
  labelOf,
  openFixture,
  ourItems,
  withTyped,
} from './helpers';
import { languageServers, serversWhen, theLanguageServer } from './resilienceProcess';
import { COMMAND, fakeKopsOnPath, leakProbeDir } from './securityKeys';
import { spyOnNotifications } from './securityNotifications';

const SPEC = 'security-cluster.yaml';
const REFUSAL = /disabled in an untrusted workspace/;

if (process.env.E2E_WORKSPACE_TRUST === 'untrusted') {
  suite('untrusted workspace', () => {
    test('the harness opened the folder untrusted (restricted mode)', () => {
      assert.strictEqual(vscode.workspace.isTrusted, false);
    });

    test('kops: Generate Cilium IPsec key refuses every choice: no terminal, no kops run, no file, no clipboard', async () => {
      await openFixture(SPEC);
      const kops = fakeKopsOnPath();
      const file = path.join(leakProbeDir(), 'untrusted-keys.yaml');
      const existing = path.join(leakProbeDir(), 'untrusted-existing.yaml');
      fs.writeFileSync(existing, 'keep me\n');
      await vscode.env.clipboard.writeText('clipboard before');
      const terminals = vscode.window.terminals.length;
      let opened = 0;
      const listener = vscode.window.onDidOpenTerminal(() => {
        opened++;
      });
      const spy = spyOnNotifications(() => undefined);
      try {
        for (const args of [
          { choice: 'create' },
          { choice: 'rotate' },
          { choice: 'save', filePath: file },
          { choice: 'save', filePath: existing, overwrite: true },
          { choice: 'copy' },
          undefined,
        ]) {
          await vscode.commands.executeCommand(COMMAND, args);
        }
      } finally {
        spy.dispose();
        listener.dispose();
        kops.dispose();
      }
      assert.strictEqual(spy.shown.length, 6, `one message per attempt: ${JSON.stringify(spy.shown.map((s) => s.message))}`);
      for (const shown of spy.shown) assert.match(shown.message, REFUSAL);
      assert.strictEqual(opened, 0, 'no terminal opened');
      assert.strictEqual(vscode.window.terminals.length, terminals);
      assert.ok(!fs.existsSync(kops.argvFile) && !fs.existsSync(kops.stdinFile), 'kops never ran');
      assert.ok(!fs.existsSync(file), 'no key file was written');
      assert.strictEqual(fs.readFileSync(existing, 'utf8'), 'keep me\n');
      assert.strictEqual(await vscode.env.clipboard.readText(), 'clipboard before');
    });

    test('diagnostics, completion and hover work', async () => {
      const doc = await openFixture(SPEC);
      await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'cilium-nodeport-kubeproxy'));
      const items = await withTyped(doc, endOfLine(doc, 'ipam: kubernetes'), '\n      ', (at) => completionsAt(doc, at));
      assert.ok(ourItems(items).map(labelOf).includes('enableL7Proxy'), 'Cilium key completion');
      assert.match(await hoverMarkdown(doc, inside(doc, 'enableNodePort')), /https:\/\//, 'hover card with its links');
    });
  });

  // Leaves the window without a language server, so it must be the last test of a run: this run selects the
  // untrusted-workspace suites only, and this one comes last.
  suite('untrusted workspace run, last: a language server that keeps crashing', () => {
    const ruleShown = (all: readonly vscode.Diagnostic[]) => all.some((d) => codeOf(d) === 'cilium-nodeport-kubeproxy');
    /** Kills the running server; `whileStarting` also kills its replacement as soon as it exists (before it answers). */
    async function crash(whileStarting = false): Promise<number[]> {
      const server = await theLanguageServer();
      process.kill(server.pid, 'SIGKILL');
      if (!whileStarting) return [server.pid];
      const [next] = await serversWhen((s) => s.length === 1 && s[0].pid !== server.pid, 'a replacement starts');
      process.kill(next.pid, 'SIGKILL');
      return [server.pid, next.pid];
    }

    test('crashes, also while starting, are recovered silently; the fifth in three minutes stops it with one message', async () => {
      const doc = await openFixture(SPEC);
      await diagnosticsWhen(doc.uri, ruleShown);
      const spy = spyOnNotifications();
      const killed: number[] = [];
      const recovered = async () => {
        await serversWhen((s) => s.length === 1 && !killed.includes(s[0].pid), 'a new server runs');
        await diagnosticsWhen(doc.uri, ruleShown);
      };
      try {
        killed.push(...(await crash())); // crash 1: a running server
        await recovered();
        killed.push(...(await crash(true))); // crashes 2 and 3: a running server, then its replacement while starting
        await recovered();
        killed.push(...(await crash(true))); // crashes 4 and 5: the policy gives up
        const deadline = Date.now() + 20_000;
        while (spy.shown.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        assert.strictEqual(spy.shown.length, 1, `one message: ${JSON.stringify(spy.shown)}`);
        assert.strictEqual(spy.shown[0].kind, 'error');
        assert.match(spy.shown[0].message, /stopped 5 times within 3 minutes and was not restarted/);
        assert.deepStrictEqual(languageServers(), [], 'no server was started again');
      } finally {
        spy.dispose();
      }
    });
  });
}
