import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildSync } from 'esbuild';

const REPO = join(__dirname, '..', '..');
const CODE_CACHE = join(REPO, 'server', 'src', 'startup', 'codeCache.ts');

// The server's start from V8's code cache (dist/server.js): a cache is used when it is ours and valid, and
// whatever is wrong with the temporary directory only means starting without one.
describe("the server's code cache", function () {
  this.timeout(60_000);
  let tmp: string;
  let bundle: string;
  let temporaryDirectory: string;
  let built: string;
  let codeCacheJs: string;
  before(() => {
    built = mkdtempSync(join(tmpdir(), 'kops-code-cache-build-'));
    codeCacheJs = join(built, 'codeCache.js');
    buildSync({ entryPoints: [CODE_CACHE], outfile: codeCacheJs, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  });
  after(() => rmSync(built, { recursive: true, force: true }));
  const cacheFolder = () => join(tmp, readdirSync(tmp).find((name) => name.startsWith('kops-spec-code-cache-')) ?? 'none');

  /**
   * Loads, runs and (with `save`) saves the bundle in a fresh node process, as dist/server.js does: within one
   * process V8 would reuse its own compilation of the same text and never look at the cache.
   */
  function start(save = false): { fromCache: boolean; answer: unknown } {
    const program = `const script = require(${JSON.stringify(codeCacheJs)}).loadCachedScript(process.argv[1]);
      script.run(require);
      if (process.argv[2] === 'save') script.save();
      console.log(JSON.stringify({ fromCache: script.fromCache, answer: globalThis.codeCacheTestAnswer }));`;
    const run = spawnSync(process.execPath, ['-e', program, bundle, save ? 'save' : ''], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: temporaryDirectory },
    });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as { fromCache: boolean; answer: unknown };
  }

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'kops-code-cache-'));
    bundle = join(tmp, 'bundle.js');
    writeFileSync(bundle, `globalThis.codeCacheTestAnswer = [typeof module.exports, __filename, require('path').sep.length];\n`);
    temporaryDirectory = tmp;
  });
  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('runs the bundle as a CommonJS module, saves the cache once and starts from it the next time', () => {
    const first = start(true);
    assert.deepEqual(first.answer, ['object', bundle, 1]);
    assert.equal(first.fromCache, false);
    assert.equal(readdirSync(cacheFolder()).length, 1);
    const second = start();
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.answer, ['object', bundle, 1]);
  });

  it('removes caches not written for 30 days when it saves its own, and keeps the others', () => {
    start(true);
    const folder = cacheFolder();
    const [own] = readdirSync(folder);
    writeFileSync(join(folder, 'old-bundle.v8cache'), 'x');
    writeFileSync(join(folder, 'recent-bundle.v8cache'), 'x');
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(join(folder, 'old-bundle.v8cache'), longAgo, longAgo);
    rmSync(join(folder, own));
    start(true);
    assert.deepEqual(readdirSync(folder).sort(), [own, 'recent-bundle.v8cache'].sort());
  });

  it('does not use a cache made for other bundle text', () => {
    start(true);
    // the same length: V8's own check of a cache compares only the length of the text
    const original = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, `globalThis.codeCacheTestAnswer = 'changed';`.padEnd(original.length - 1) + '\n');
    const changed = start();
    assert.equal(changed.fromCache, false);
    assert.equal(changed.answer, 'changed');
  });

  it('starts without a cache, and writes none, when others may write into its folder', function () {
    if (process.platform === 'win32') this.skip();
    start(true);
    chmodSync(cacheFolder(), 0o777);
    const shared = start(true);
    assert.equal(shared.fromCache, false);
    assert.deepEqual(shared.answer, ['object', bundle, 1]);
    assert.equal(start().fromCache, false, 'a cache was written into the shared folder');
  });

  it('starts without a cache when the cache is corrupt, and replaces it', () => {
    start(true);
    const [file] = readdirSync(cacheFolder());
    writeFileSync(join(cacheFolder(), file), 'not a code cache');
    assert.equal(start(true).fromCache, false);
    assert.equal(start().fromCache, true);
  });

  it('starts without a cache when the temporary directory cannot be used', () => {
    const notAFolder = join(tmp, 'file');
    writeFileSync(notAFolder, '');
    temporaryDirectory = join(notAFolder, 'below');
    const started = start(true);
    assert.equal(started.fromCache, false);
    assert.deepEqual(started.answer, ['object', bundle, 1]);
    assert.deepEqual(readdirSync(tmp).sort(), ['bundle.js', 'file']);
  });

  it('never follows a symbolic link in place of its folder', function () {
    if (process.platform === 'win32') this.skip();
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    const folderName = `kops-spec-code-cache-${process.getuid?.() ?? 'user'}`;
    symlinkSync(elsewhere, join(tmp, folderName));
    assert.equal(start(true).fromCache, false);
    assert.deepEqual(readdirSync(elsewhere), []);
  });
});
