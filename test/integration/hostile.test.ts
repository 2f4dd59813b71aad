import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { diagnose, effectiveKopsVersion, isLimitFinding, parseFile } from '../../server/src/engine';
import { shippedBuild } from '../helpers/shippedBuild';
import { baseOf, runEngine } from '../fuzz/engineRun';
import { HOSTILE, kopsStream, textOf } from '../fuzz/hostileFiles';
import { Tally } from '../fuzz/tally';

/**
 * Files built to hurt: the engine must answer every call within the robustness bound (1 s of CPU, checked by
 * runEngine), keep every LSP invariant, and say in one finding what it did not analyse; the CLI must exit 2
 * with a clear message where it cannot analyse.
 */

/** Every engine entry point on the file and on an edited copy (parsed with the original as `previous`). */
function exercise(name: string, text: string): Tally {
  const tally = new Tally();
  const lines = text.split('\n').length;
  const positions: Array<[number, number]> = [
    [0, 0],
    [Math.floor(lines / 2), 4],
    [lines - 1, 0],
  ];
  runEngine({ label: name, text: `${text}\n# edited\n`, settings: {}, positions, base: baseOf(text) }, tally);
  return tally;
}

/** Without the guard in parseFile a hostile file freezes the engine for minutes: fail at once instead. */
function requireGuard(): void {
  const file = parseFile('\u0000');
  const wired = diagnose(file, effectiveKopsVersion(file, {})).some(isLimitFinding);
  assert.ok(wired, 'parseFile does not run the analysis guard (limits.ts guardedParse) and diagnose does not report it');
}

describe('hostile files', function () {
  this.timeout(300_000);
  before(requireGuard);

  describe('engine', () => {
    for (const h of HOSTILE) {
      it(`${h.name}: one clear finding, every call bounded, every result well formed`, () => {
        const text = textOf(h.make());
        const file = parseFile(text);
        const limits = diagnose(file, effectiveKopsVersion(file, {})).filter(isLimitFinding);
        assert.equal(limits.length, 1, JSON.stringify(limits.map((f) => f.message)));
        assert.equal(limits[0].code, h.code);
        assert.match(limits[0].message, h.message);
        assert.equal(limits[0].severity, 'warning');
        const tally = exercise(h.name, text);
        assert.equal(tally.failures(), 0, tally.report());
      });
    }

    it('a 50,000-line kops stream gets full analysis: no limit finding, the last document is checked', () => {
      const text = kopsStream(50_000);
      const file = parseFile(text);
      const findings = diagnose(file, effectiveKopsVersion(file, {}));
      assert.deepEqual(findings.filter(isLimitFinding), []);
      const lastLine = text.slice(0, text.lastIndexOf('notAKopsKey')).split('\n').length - 1;
      assert.ok(
        findings.some((f) => f.range.start.line === lastLine && /notAKopsKey/.test(f.message)),
        'the unknown key of the last document is reported',
      );
      const tally = exercise('50,000-line kops stream', text);
      assert.equal(tally.failures(), 0, tally.report());
    });
  });

  describe('CLI (the shipped cli.js)', () => {
    let tmp: string;

    before(() => {
      shippedBuild();
      tmp = mkdtempSync(join(tmpdir(), 'kops-spec-hostile-'));
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    const check = (name: string, content: string | Buffer) => {
      const path = join(tmp, `${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(path, content);
      const options = { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 } as const;
      const r = spawnSync(process.execPath, [shippedBuild().cli, 'check', path], options);
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, path };
    };

    for (const h of HOSTILE) {
      it(`${h.name}: exit 2 with a clear message`, () => {
        const r = check(h.name, h.make());
        assert.equal(r.status, 2, `exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
        const problem = r.stderr.split('\n').find((l) => l.startsWith(`kops-spec: ${r.path}`));
        assert.ok(problem, r.stderr.slice(0, 2000));
        assert.match(problem, /binary|MiB|too large|too complex|not a text file/i);
      });
    }

    it('a 50,000-line kops stream: checked completely (exit 0 or 1, the last document reported)', () => {
      const r = check('stream', kopsStream(50_000));
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
      assert.match(r.stdout, /notAKopsKey/);
    });
  });
});
