// Compiles the extension-host suite (test/e2e/suite/*.ts) with esbuild into out/e2e/: index.js (the
// extensionTestsPath entry) plus one self-contained *.test.js per suite file; the install suite
// (test/e2e/install/*.test.ts, with the same index.ts) into out/e2e-install/. Engine modules the tests
// import (e.g. the catalog) are bundled in; `vscode` is the host's, `mocha` resolves from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const suiteDir = path.join(repo, 'test/e2e/suite');
const outdir = path.join(repo, 'out/e2e');
const entryPoints = fs
  .readdirSync(suiteDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(suiteDir, f));

/** One bundle per test file; VS Code and mocha come from the extension host. */
const BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
};
fs.rmSync(outdir, { recursive: true, force: true });
await build({ ...BUNDLE, entryPoints, outdir });
console.log(`[e2e-build] ${entryPoints.length} files → ${path.relative(repo, outdir)}/`);

// The install suite (test/e2e/install/*.test.ts) runs against the installed .vsix: the same index.ts, its own folder.
const installDir = path.join(repo, 'test/e2e/install');
const installOut = path.join(repo, 'out/e2e-install');
const installEntries = Object.fromEntries([
  ['index', path.join(suiteDir, 'index.ts')],
  ...fs
    .readdirSync(installDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), path.join(installDir, f)]),
]);
fs.rmSync(installOut, { recursive: true, force: true });
await build({ ...BUNDLE, entryPoints: installEntries, outdir: installOut });
console.log(`[e2e-build] ${Object.keys(installEntries).length} files → ${path.relative(repo, installOut)}/`);
