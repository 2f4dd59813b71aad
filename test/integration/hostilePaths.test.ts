import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { REPO_ROOT } from '../helpers/fixturePaths';
import { shippedBuild } from '../helpers/shippedBuild';

/**
 * The shipped CLI on paths it cannot analyse: a FIFO, a device, a loop of symbolic links, an unreadable file or
 * folder, a file deleted between the folder's listing and its reading, a file over the size limit in a folder.
 * Each gives exit 2 and one line on stderr naming the path and why, at once (a FIFO nobody writes to or
 * /dev/zero must not hang it), and every other file given is still checked and reported.
 */

const BROKEN = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'cli', 'broken-cluster.yaml'), 'utf8');
const DELETE_AFTER_LISTING = join(REPO_ROOT, 'test', 'helpers', 'deleteAfterListing.cjs');
/** A hang guard: each run takes well under a second. */
const HANG_MS = 30_000;
/** Root reads any file whatever its mode: the unreadable cases then run the CLI as this user. */
const NOBODY = 65534;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('kops-spec CLI on paths it cannot analyse (the shipped cli.js)', function () {
  this.timeout(120_000);
  let tmp: string;
  let other: string;

  before(function () {
    if (process.platform === 'win32') this.skip(); // FIFOs, devices and file modes as POSIX has them
    shippedBuild();
    tmp = mkdtempSync(join(tmpdir(), 'kops-spec-paths-'));
    other = write('other/broken.yaml', BROKEN);
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  function write(name: string, content: string | Buffer): string {
    const path = join(tmp, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  function check(paths: string[], options: { env?: NodeJS.ProcessEnv; asNobody?: boolean } = {}): Run {
    const asNobody = options.asNobody && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const r = spawnSync(process.execPath, [shippedBuild().cli, 'check', ...paths], {
      cwd: tmp,
      env: { ...process.env, ...options.env },
      encoding: 'utf8',
      timeout: HANG_MS,
      ...asNobody,
    });
    assert.equal(r.error, undefined, `the CLI did not finish: ${String(r.error)}\n${r.stderr}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Exit 2, one line saying what `path` is, and the other file's findings still reported. */
  function assertCannotAnalyse(r: Run, path: string, reason: RegExp): void {
    assert.equal(r.status, 2, `exit ${r.status}\n${r.stderr}`);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('kops-spec: '));
    assert.equal(problems.length, 1, r.stderr);
    assert.ok(problems[0].includes(path), problems[0]);
    assert.match(problems[0], reason);
    assert.match(r.stdout, /broken\.yaml:\d+:\d+ error /);
  }

  it('a FIFO nobody writes to: exit 2 at once, not a regular file', () => {
    const fifo = join(tmp, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    assertCannotAnalyse(check([fifo, other]), fifo, /is not a regular file/);
  });

  it('an endless device (/dev/zero): exit 2 at once, not a regular file', () => {
    assertCannotAnalyse(check(['/dev/zero', other]), '/dev/zero', /is not a regular file/);
  });

  it('a loop of symbolic links given as a path: exit 2, named as such', () => {
    const loop = join(tmp, 'loop-a.yaml');
    symlinkSync(join(tmp, 'loop-b.yaml'), loop);
    symlinkSync(loop, join(tmp, 'loop-b.yaml'));
    assertCannotAnalyse(check([loop, other]), loop, /cannot read .*: a loop of symbolic links/);
  });

  it('a folder with links back to itself and its parent, and a FIFO: walked once, each spec checked once', () => {
    write('looping/spec.yaml', BROKEN);
    symlinkSync('.', join(tmp, 'looping', 'self'));
    symlinkSync('..', join(tmp, 'looping', 'up'));
    execFileSync('mkfifo', [join(tmp, 'looping', 'pipe.yaml')]);
    const r = check(['looping']);
    assert.equal(r.status, 1, r.stderr);
    const files = new Set(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    );
    assert.deepEqual([...files], [join('looping', 'spec.yaml')], r.stdout);
  });

  it('a file deleted between the folder listing and its reading: exit 2, no such file', () => {
    write('vanishing/a-kept.yaml', BROKEN);
    const gone = write('vanishing/b-gone.yaml', BROKEN);
    const r = check(['vanishing', other], {
      env: { NODE_OPTIONS: `--require ${JSON.stringify(DELETE_AFTER_LISTING)}`, KOPS_SPEC_DELETE_AFTER_LISTING: gone },
    });
    assertCannotAnalyse(r, join('vanishing', 'b-gone.yaml'), /cannot read .*: no such file/);
    assert.match(r.stdout, /a-kept\.yaml:\d+:\d+ error /);
  });

  describe('unreadable (run as an unprivileged user when the suite runs as root)', () => {
    before(() => {
      // The unprivileged user must reach the bundle, this suite's folder and the other spec.
      for (const dir of [dirname(shippedBuild().cli), tmp, dirname(other)]) chmodSync(dir, 0o755);
      chmodSync(other, 0o644);
    });
    // Without root, removing the suite's folder needs the modes back.
    after(() => [join(tmp, 'closed', 'inner'), join(tmp, 'locked', 'secret.yaml')].forEach((p) => chmodSync(p, 0o755)));

    it('an unreadable file in a folder: exit 2, permission denied', () => {
      write('locked/readable.yaml', BROKEN);
      const locked = write('locked/secret.yaml', BROKEN);
      chmodSync(join(tmp, 'locked'), 0o755);
      chmodSync(join(tmp, 'locked', 'readable.yaml'), 0o644);
      chmodSync(locked, 0o000);
      const r = check(['locked', other], { asNobody: true });
      assertCannotAnalyse(r, join('locked', 'secret.yaml'), /cannot read .*: permission denied/);
      assert.match(r.stdout, /readable\.yaml:\d+:\d+ error /);
    });

    it('an unreadable folder: exit 2, permission denied', () => {
      write('closed/inner/spec.yaml', BROKEN);
      chmodSync(join(tmp, 'closed'), 0o755);
      chmodSync(join(tmp, 'closed', 'inner'), 0o000);
      const r = check(['closed', other], { asNobody: true });
      assertCannotAnalyse(r, join('closed', 'inner'), /cannot read folder .*: permission denied/);
    });
  });

  it('a file over the size limit found in a folder: exit 2, its size and the limit', () => {
    write('sized/huge.yaml', `${BROKEN}# ${'x'.repeat(8 * 1024 * 1024)}\n`);
    assertCannotAnalyse(check(['sized', other]), join('sized', 'huge.yaml'), /MiB; kops-spec checks files up to 8 MiB/);
  });
});
