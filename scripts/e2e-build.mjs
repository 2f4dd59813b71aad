// Compiles the extension-host suite (test/e2e/suite/*.ts) with esbuild into out/e2e/: index.js (the
// extensionTestsPath entry) plus one self-contained *.test.js per suite file. Engine modules the tests
// import (e.g. the catalog) are bundled in; `vscode` is the host's, `mocha` resolves from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const suiteDir = path.join(repo, 'test/e2e/suite');
const outdir = path.join(repo, 'out/e2e');
const entryPoints = fs.readdirSync(suiteDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(suiteDir, f));

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints, outdir, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
});
console.log(`[e2e-build] ${entryPoints.length} files → ${path.relative(repo, outdir)}/`);
