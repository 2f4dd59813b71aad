// Bundles the client, the server and the CLI with esbuild into dist/ (or `--outdir DIR`; `--sourcemap` for the
// debugger, see .vscode/launch.json; `--minify` to minify,
// as the .vsix, the npm package and the bench do; unminified bundles keep a `// path` comment above each module,
// which bench/profile.ts and the bundle review in test/integration/bundleReview.test.ts read).
import { build } from 'esbuild';
import { readFile } from 'fs/promises';
import zlib from 'zlib';
import { fileURLToPath } from 'url';

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const outdir = option('--outdir') ?? 'dist';
const minify = process.argv.includes('--minify');
const sourcemap = process.argv.includes('--sourcemap');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap, logLevel: 'warning', minify };

/**
 * The generated kops knowledge (every key of Cluster and InstanceGroup in every release) is most of the server
 * and CLI bundles. Each file is kept brotli-compressed in a base64 string, which node scans at start-up in a
 * fraction of the time it takes to compile the object literal, and is unpacked (JSON.parse) on its first `require`.
 */
const packed = (text) =>
  zlib.brotliCompressSync(Buffer.from(text), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }).toString('base64');
const unpack = (text) => `require('zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed(text))}, 'base64')).toString()`;

const lazyGenerated = {
  name: 'lazy-generated',
  setup(b) {
    b.onLoad({ filter: /[\\/]knowledge[\\/]generated[\\/](cluster|instancegroup)\.json$/ }, async ({ path }) => ({
      loader: 'js',
      contents: `module.exports = JSON.parse(${unpack(JSON.stringify(JSON.parse(await readFile(path, 'utf8'))))});`,
    }));
  },
};

/**
 * yaml resolves to its CommonJS build under node; esbuild reaches each of its exports through a getter then, on
 * every call (isScalar, isMap, ... run per node of every parse and check). Its ES module build is the same code,
 * and lets esbuild call the functions directly.
 */
const yamlAsEsModule = {
  name: 'yaml-as-es-module',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({
      path: fileURLToPath(import.meta.resolve('yaml/package.json')).replace(/package\.json$/, 'browser/index.js'),
    }));
  },
};

/**
 * Node reads an ASCII script into a one-byte string; a single other character (a `...` written as one
 * character in a kept comment was enough) makes it decode the whole bundle as UTF-8 into a two-byte string:
 * several times slower to read and to scan at every start-up. esbuild escapes strings itself; this catches
 * what it copies verbatim.
 */
async function assertAscii(file) {
  const bytes = await readFile(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at >= 0) throw new Error(`${file} has a non-ASCII byte at offset ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString()}`);
}

/** The bins start node with the options of server/src/startup/nodeArgs.ts (`env -S` splits them: coreutils 8.30+, macOS, BusyBox 1.32+, npm's Windows shims). */
const shebang = `#!/usr/bin/env -S node ${JSON.parse(await readFile('server/src/startup/nodeArgs.json', 'utf8')).join(' ')}`;

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  // dist/server.js starts dist/serverMain.js from V8's code cache (server/src/startup/codeCache.ts)
  { entryPoints: ['server/src/serverEntry.ts'], outfile: `${outdir}/server.js`, banner: { js: shebang } },
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/serverMain.js`, plugins: [lazyGenerated, yamlAsEsModule] },
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: `${outdir}/cli.js`,
    banner: { js: shebang },
    plugins: [lazyGenerated, yamlAsEsModule],
  },
];
await Promise.all(
  bundles.map(async (options) => {
    await build({ ...common, ...options });
    if (minify) await assertAscii(options.outfile); // unminified bundles keep comments, which may not be ASCII
  }),
);
