// `npm run package`: minified esbuild bundles, a check that they load nothing from node_modules, then
// `vsce package --no-dependencies` → kops-spec-<version>.vsix (or --out PATH). Prints the size.
// Works in a staging folder under out/, so the repo's dist/ (used by tests and the dev extension) is untouched.
// Files in the .vsix: the allowlist in .vscodeignore.
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'fs';
import { builtinModules, createRequire } from 'module';
import { dirname, join, relative, resolve } from 'path';
import { fileURLToPath } from 'url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = { 'dist/client.js': ['vscode'], 'dist/server.js': [], 'dist/cli.js': [] };
const STAGED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'images', 'syntaxes', 'docs'];

class PackageError extends Error {}
function fail(message) {
  throw new PackageError(message);
}

function run(command, args, cwd = REPO) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} exited with ${result.status ?? result.signal}`);
}

/** Module names a bundle still loads at run time: everything but Node built-ins and the host's `allowed`. */
export function runtimeImports(bundleText, allowed = []) {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const names = [...bundleText.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return [...new Set(names)].filter((name) => !builtins.has(name) && !allowed.includes(name));
}

function outPath(pkg) {
  const at = process.argv.indexOf('--out');
  if (at < 0) return join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  const value = process.argv[at + 1];
  if (!value) fail('--out needs a path');
  return resolve(value);
}

function main() {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const out = outPath(pkg);

  const stage = join(REPO, 'out', `vsix-stage-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  try {
    for (const entry of STAGED) {
      if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
    }
    run(process.execPath, ['scripts/build.mjs', '--minify', '--outdir', join(stage, 'dist')]);
    for (const [bundle, allowed] of Object.entries(BUNDLES)) {
      const leftovers = runtimeImports(readFileSync(join(stage, bundle), 'utf8'), allowed);
      if (leftovers.length) fail(`${bundle} still requires ${leftovers.join(', ')} at run time; bundle it`);
    }
    vscePackage(pkg, stage, out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const bytes = statSync(out).size;
  const shown = relative(process.cwd(), out);
  console.log(`${shown.startsWith('..') ? out : shown}: ${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)`);
}

function vscePackage(pkg, stage, out) {
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const args = ['package', '--no-dependencies', '--out', out];
  // Without a repository URL vsce cannot turn README's relative links into absolute ones; they are kept
  // relative and resolve against the files packed next to README (docs/, images/).
  if (!pkg.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  run(process.execPath, [vsce, ...args], stage);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`package: ${error.message}`);
    process.exitCode = 1;
  }
}
