import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { dirname, join, posix } from 'path';
import { pathToFileURL } from 'url';
import { DidOpenTextDocumentNotification, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { editorCapabilities, startStdioServer } from '../helpers/stdioClient';
import { readZip } from '../helpers/zip';

// `npm run package` end to end: the .vsix it writes, read back as the zip it is.
const REPO = join(__dirname, '..', '..');
const FIXTURES = join(REPO, 'test', 'fixtures', 'packaging');
const BAD_SPEC = join(FIXTURES, 'nodeport-kube-proxy.yaml');

interface Manifest {
  main: string;
  icon?: string;
  dependencies?: Record<string, string>;
  contributes?: Record<string, unknown>;
}

/** Every relative file a manifest points at: main, icon and each `path` under contributes (grammars…). */
function referencedFiles(manifest: Manifest): string[] {
  const paths: string[] = [manifest.main, ...(manifest.icon ? [manifest.icon] : [])];
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
    else if (key === 'path' && typeof value === 'string') paths.push(value);
  };
  walk(manifest.contributes);
  return paths.map((p) => posix.normalize(p.replace(/^\.\//, '')));
}

/** Relative image sources in Markdown (`![alt](src)`) and HTML (`<img src="…">`). */
function relativeImages(markdown: string): string[] {
  const sources = [
    ...[...markdown.matchAll(/!\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)/g)].map((m) => m[1]),
    ...[...markdown.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1]),
  ];
  return sources.filter((s) => !/^[a-z]+:/i.test(s)).map((s) => posix.normalize(s.replace(/^\.\//, '')));
}

const nonBuiltinRequires = (bundle: string, allowed: string[]): string[] => {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...allowed]);
  return [...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]).filter((n) => !builtins.has(n));
};

describe('npm run package (.vsix)', function () {
  this.timeout(300000);
  let tmp: string;
  let files: Map<string, Buffer>;
  let manifest: Manifest;
  // vsce stores README.md and CHANGELOG.md as readme.md and changelog.md; VS Code finds them either way.
  const entry = (path: string): Buffer | undefined =>
    [...files].find(([name]) => name.toLowerCase() === `extension/${path}`.toLowerCase())?.[1];
  const has = (path: string): boolean => entry(path) !== undefined;
  const text = (path: string): string => entry(path)?.toString('utf8') ?? '';

  before(async function () {
    tmp = mkdtempSync(join(tmpdir(), 'kops-spec-vsix-'));
    const vsix = join(tmp, 'kops-spec.vsix');
    const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'package.mjs'), '--out', vsix], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /kops-spec\.vsix: \d+\.\d\d MiB \(\d+ bytes\)/, 'prints the size');
    files = await readZip(vsix);
    manifest = JSON.parse(text('package.json')) as Manifest;
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the manifest, the bundles, README, CHANGELOG and LICENSE', function () {
    for (const path of [
      'package.json',
      'dist/client.js',
      'dist/server.js',
      'dist/serverMain.js',
      'dist/cli.js',
      'README.md',
      'CHANGELOG.md',
    ]) {
      assert.ok(has(path), `missing extension/${path}`);
    }
    assert.ok(has('LICENSE.txt') || has('LICENSE'), 'missing the license');
    assert.match(text('LICENSE.txt') || text('LICENSE'), /Apache License\s+Version 2\.0/);
  });

  it('holds every file package.json points at (main, icon, grammars)', function () {
    const missing = referencedFiles(manifest).filter((path) => !has(path));
    assert.deepEqual(missing, []);
  });

  it('holds the images README shows', function () {
    const missing = relativeImages(text('README.md')).filter((path) => !has(path));
    assert.deepEqual(missing, []);
  });

  it('holds no sources, tests, dependencies or local state', function () {
    const unwanted = [...files.keys()].filter(
      (path) =>
        /\.(ts|map|tsbuildinfo|vsix)$/.test(path) ||
        /^extension\/(test|server|client|scripts|samples|bench|out|node_modules|\.e2e|\.ci|\.notes)\//.test(path) ||
        /(^|\/)node_modules\//.test(path) ||
        /^extension\/(tsconfig.*\.json|package-lock\.json|\.vscodeignore|\.npmignore|\.gitignore)$/.test(path),
    );
    assert.deepEqual(unwanted, []);
  });

  it('declares no runtime dependencies and its bundles load only Node built-ins (and vscode in the client)', function () {
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    assert.deepEqual(nonBuiltinRequires(text('dist/client.js'), ['vscode']), []);
    assert.deepEqual(nonBuiltinRequires(text('dist/server.js'), []), []);
    assert.deepEqual(nonBuiltinRequires(text('dist/serverMain.js'), []), []);
    assert.deepEqual(nonBuiltinRequires(text('dist/cli.js'), []), []);
  });

  it('runs the packed CLI and the packed server with no node_modules next to them', async function () {
    const unpacked = join(tmp, 'unpacked');
    for (const path of ['package.json', 'dist/cli.js', 'dist/server.js', 'dist/serverMain.js']) {
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), entry(path) as Buffer);
    }
    const cli = spawnSync(process.execPath, [join(unpacked, 'dist', 'cli.js'), 'check', BAD_SPEC], { cwd: tmp, encoding: 'utf8' });
    assert.equal(cli.status, 1, `${cli.stdout}\n${cli.stderr}`);
    assert.match(cli.stdout, /cilium-nodeport-kubeproxy/);

    const session = await startStdioServer(process.execPath, [join(unpacked, 'dist', 'server.js'), '--stdio'], editorCapabilities(true), {
      cwd: tmp,
    });
    try {
      const uri = pathToFileURL(join(tmp, 'cluster.yaml')).href;
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(BAD_SPEC, 'utf8') },
      });
      const report = await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const codes = report.kind === 'full' ? report.items.map((d) => d.code) : [];
      assert.ok(codes.includes('cilium-nodeport-kubeproxy'), `codes: ${codes.join(', ')}`);
    } finally {
      assert.equal(await session.stop(), 0, session.stderr());
    }
  });
});
