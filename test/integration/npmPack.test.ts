import { strict as assert } from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, dirname, join } from 'path';
import { pathToFileURL } from 'url';
import { DidOpenTextDocumentNotification, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { shippedBuild } from '../helpers/shippedBuild';
import { editorCapabilities, startStdioServer } from '../helpers/stdioClient';
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';

// The npm tarball as a CI job would use it: `npm pack`, install it into an empty folder, `npx kops-spec check`.
const REPO = join(__dirname, '..', '..');
const FIXTURES = join(REPO, 'test', 'fixtures', 'packaging');
const CLEAN = 'specs/clean-cluster.yaml';
const BAD = 'specs/nodeport-kube-proxy.yaml';
const TARBALL_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'dist/serverMain.js', 'package.json'];

interface PackResult {
  filename: string;
  size: number;
  files: Array<{ path: string }>;
}

/**
 * A copy of the work tree as git sees it (tracked and not ignored) with the repo's node_modules linked in:
 * `npm pack` there runs prepack and packs what a release would, and the repo's dist/ stays untouched.
 */
function stageRepo(stage: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0')) {
    if (!file || file === 'node_modules' || !existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(REPO, file), join(stage, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
}

describe('npm tarball (npm pack → npm install → npx kops-spec)', function () {
  this.timeout(300000);
  let tmp: string;
  let project: string;
  // npm, npx and the bins' `#!/usr/bin/env node` find the node running these tests.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  const npm = (args: string[], cwd: string): SpawnSyncReturns<string> =>
    spawnSync('npm', [...args, '--no-audit', '--no-fund', '--cache', join(tmp, 'npm-cache')], { cwd, env, encoding: 'utf8' });
  const fromTarball = (args: string[]) => spawnSync('npx', ['--offline', 'kops-spec', ...args], { cwd: project, env, encoding: 'utf8' });
  const fromBuild = (args: string[]) => spawnSync(process.execPath, [shippedBuild().cli, ...args], { cwd: project, encoding: 'utf8' });
  let pack: PackResult;

  before(function () {
    tmp = mkdtempSync(join(tmpdir(), 'kops-spec-npm-'));
    const stage = join(tmp, 'stage');
    stageRepo(stage);
    const packed = npm(['pack', '--json', '--pack-destination', tmp], stage);
    assert.equal(packed.status, 0, packed.stderr);
    pack = (JSON.parse(packed.stdout) as PackResult[])[0];

    project = join(tmp, 'project');
    mkdirSync(join(project, 'specs'), { recursive: true });
    for (const spec of [CLEAN, BAD]) copyFileSync(join(FIXTURES, spec.replace('specs/', '')), join(project, spec));
    const installed = npm(['install', '--offline', join(tmp, pack.filename)], project);
    assert.equal(installed.status, 0, `npm install of the tarball failed:\n${installed.stdout}\n${installed.stderr}`);
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds only the bundles, README, CHANGELOG, LICENSE and package.json', function () {
    assert.deepEqual(pack.files.map((f) => f.path).sort(), TARBALL_FILES);
  });

  it('installs the CLI and the server that scripts/build.mjs --minify makes', function () {
    const installed = join(project, 'node_modules', 'kops-spec', 'dist');
    assert.ok(readFileSync(join(installed, 'cli.js')).equals(readFileSync(shippedBuild().cli)), 'cli.js');
    assert.ok(readFileSync(join(installed, 'server.js')).equals(readFileSync(shippedBuild().server)), 'server.js');
    const serverMain = join(dirname(shippedBuild().server), 'serverMain.js');
    assert.ok(readFileSync(join(installed, 'serverMain.js')).equals(readFileSync(serverMain)), 'serverMain.js');
  });

  it('exits 1 on a spec kops rejects and 0 on a clean one', function () {
    const bad = fromTarball(['check', BAD]);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /nodeport-kube-proxy\.yaml:\d+:\d+ error cilium-nodeport-kubeproxy /);
    const clean = fromTarball(['check', CLEAN]);
    assert.equal(clean.status, 0, `${clean.stdout}\n${clean.stderr}`);
  });

  for (const format of ['json', 'sarif']) {
    it(`prints the same --format ${format} as the CLI of scripts/build.mjs --minify`, function () {
      const packed = fromTarball(['check', '--format', format, CLEAN, BAD]);
      const built = fromBuild(['check', '--format', format, CLEAN, BAD]);
      assert.equal(packed.status, 1, packed.stderr);
      assert.equal(built.status, 1, built.stderr);
      assert.deepEqual(JSON.parse(packed.stdout), JSON.parse(built.stdout));
    });
  }

  it("starts kops-spec-server --stdio from the installed bin, with node's options (nodeArgs.ts)", async function () {
    const bin = join(project, 'node_modules', '.bin', 'kops-spec-server');
    const session = await startStdioServer(bin, ['--stdio'], editorCapabilities(false), { cwd: project, env });
    try {
      // The bin's `#!/usr/bin/env -S node …` line: env runs node in the same process, so its command line is node's.
      const commandLine = readFileSync(`/proc/${session.process.pid}/cmdline`, 'utf8').split('\0');
      assert.deepEqual(commandLine.slice(1, 1 + NODE_ARGS.length), NODE_ARGS, commandLine.join(' '));
      const uri = pathToFileURL(join(project, 'cluster.yaml')).href;
      const diagnostics = new Promise<string[]>((resolve) => {
        session.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
          if (params.uri === uri && params.diagnostics.length) resolve(params.diagnostics.map((d) => String(d.code)));
        });
      });
      const text = readFileSync(join(project, BAD), 'utf8');
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
      assert.ok((await diagnostics).includes('cilium-nodeport-kubeproxy'));
    } finally {
      assert.equal(await session.stop(), 0, session.stderr());
    }
  });
});
