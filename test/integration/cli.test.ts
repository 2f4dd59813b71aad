import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, dirname, join, relative } from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Finding, FindingCode, KopsError, Severity } from '../../server/src/engine';
import { kopsFixture, REPO_ROOT, WORKSPACE_FIXTURE } from '../helpers/fixturePaths';
import { shippedBuild } from '../helpers/shippedBuild';
import { caseOutcome, compareCase, parseCaseHeader } from '../helpers/cases';
import { positionOf } from '../helpers/marker';

const REPO = REPO_ROOT;
const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
/** Preloaded into the CLI: a read outside the repository, the bundle and this suite's own files fails the run. */
const READ_GUARD = join(REPO, 'test', 'helpers', 'repoOnlyFs.cjs');
const CLEAN = join(FIXTURES, 'clean-cluster.yaml');
const BROKEN = join(FIXTURES, 'broken-cluster.yaml');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (args: string[], cwd = REPO): Run => {
  const cli = shippedBuild().cli;
  const env = {
    ...process.env,
    NODE_OPTIONS: `--require ${JSON.stringify(READ_GUARD)}`,
    KOPS_SPEC_READ_ALSO: [dirname(cli), tmp].join(delimiter),
  };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Severity;
  code: FindingCode;
  path: string;
  kops?: Omit<KopsError, 'detail'>;
  message: string;
  docs?: string;
}
interface JsonFile {
  file: string;
  kopsVersion: string;
  diagnostics: JsonDiagnostic[];
}
/** The part of a SARIF log the assertions read (the schema checks the rest). */
interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; helpUri?: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
  }>;
}
const json = (r: Run): JsonFile[] => (JSON.parse(r.stdout) as { files: JsonFile[] }).files;

/** The case comparison of test/helpers/cases.ts over one file of the CLI's JSON output. */
function caseProblems(text: string, report: JsonFile | undefined): string[] {
  if (!report) return ['missing from the CLI output'];
  const want = parseCaseHeader(text);
  const findings: Finding[] = report.diagnostics.map((d) => ({ ...d, kops: d.kops && { ...d.kops, detail: '' } }));
  const version =
    want.kopsVersion && report.kopsVersion !== want.kopsVersion ? [`kopsVersion ${report.kopsVersion} != ${want.kopsVersion}`] : [];
  return [...version, ...compareCase(caseOutcome(findings, text, want), want)];
}

let tmp: string;
const write = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

describe('kops-spec CLI (the shipped cli.js)', function () {
  this.timeout(120000);

  before(() => {
    shippedBuild();
    tmp = mkdtempSync(join(tmpdir(), 'kops-spec-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("runs under the read guard: a file outside the repository and this suite's folders cannot be read", () => {
    const outside = mkdtempSync(join(tmpdir(), 'kops-spec-unlisted-'));
    try {
      writeFileSync(join(outside, 'cluster.yaml'), readFileSync(CLEAN));
      const r = run(['check', outside]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /reads outside the repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  describe('usage', () => {
    it('prints help and its version with exit 0', () => {
      const help = run(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: kops-spec check/);
      const version = run(['--version']);
      assert.equal(version.status, 0);
      const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
      assert.match(version.stdout, new RegExp(`^kops-spec ${pkg.version.replace(/\./g, '\\.')} `));
    });

    for (const args of [
      [],
      ['lint', 'x.yaml'],
      ['check'],
      ['check', '--format', 'xml', 'x.yaml'],
      ['check', '--bogus', 'x.yaml'],
      ['check', '--kops-version', 'v1.99.0', 'x.yaml'],
      ['check', '--kops-version'],
    ]) {
      it(`exits 2 with a one-line reason for: ${args.join(' ') || '(nothing)'}`, () => {
        const r = run(args);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.match(r.stderr, /^kops-spec: /);
      });
    }
  });

  describe('exit status and formats', () => {
    it('exits 0 on a clean cluster, printing only the summary', () => {
      const r = run(['check', CLEAN]);
      assert.equal(r.stdout, '', r.stdout);
      assert.equal(r.status, 0);
      assert.match(r.stderr, /^0 errors, 0 warnings, 0 information, 0 hints in 1 file \(kops v1\.36\.2\)\n$/);
    });

    it('exits 1 and prints file:line:col severity code message with 1-based positions', () => {
      const r = run(['check', relative(REPO, BROKEN)]);
      assert.equal(r.status, 1);
      const text = readFileSync(BROKEN, 'utf8');
      const typo = positionOf(text, 'enableNodeport');
      const quoted = positionOf(text, '"false"');
      const lines = r.stdout.trim().split('\n');
      assert.ok(
        lines.includes(
          `test/fixtures/cli/broken-cluster.yaml:${typo.line + 1}:${typo.character + 1} warning cilium-unknown-key ` +
            'kops v1.36.2 ignores unknown key "enableNodeport" under spec.networking.cilium: did you mean "enableNodePort"?',
        ),
        r.stdout,
      );
      assert.ok(
        lines.some((l) =>
          l.startsWith(`test/fixtures/cli/broken-cluster.yaml:${quoted.line + 1}:${quoted.character + 1} error cilium-type `),
        ),
        r.stdout,
      );
      assert.match(r.stderr, /\d+ errors?, \d+ warnings?, .* in 1 file/);
    });

    it('writes the JSON shape exactly, with 0-based ranges and the path as given', () => {
      const r = run(['check', '--format', 'json', relative(REPO, BROKEN), CLEAN]);
      assert.equal(r.status, 1);
      const files = json(r);
      assert.deepEqual(
        files.map((f) => [f.file, f.kopsVersion]),
        [
          ['test/fixtures/cli/broken-cluster.yaml', 'v1.36.2'],
          [CLEAN, 'v1.36.2'],
        ],
      );
      assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ['files']);
      assert.deepEqual(Object.keys(files[0]), ['file', 'kopsVersion', 'diagnostics']);
      const typo = files[0].diagnostics.find((d) => d.code === 'cilium-unknown-key')!;
      const text = readFileSync(BROKEN, 'utf8');
      assert.deepEqual(typo.range.start, positionOf(text, 'enableNodeport'));
      assert.deepEqual(Object.keys(typo), ['range', 'severity', 'code', 'path', 'message', 'docs']);
      assert.equal(typo.path, 'spec.networking.cilium.enableNodeport');
      for (const d of files[0].diagnostics) {
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
        if (d.kops) assert.deepEqual(Object.keys(d.kops), ['type', 'path', 'stage']);
      }
      assert.deepEqual(files[1].diagnostics, []);
    });

    it('writes SARIF 2.1.0 that validates against the OASIS schema', () => {
      const r = run(['check', '--format', 'sarif', relative(REPO, BROKEN), CLEAN]);
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout) as SarifLog;
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));

      const runLog = log.runs[0];
      const typo = runLog.results.find((x) => x.ruleId === 'cilium-unknown-key')!;
      const rule = runLog.tool.driver.rules[typo.ruleIndex];
      assert.equal(rule.id, 'cilium-unknown-key');
      assert.ok(rule.shortDescription.text.length > 0 && /^https:\/\//.test(rule.helpUri!));
      assert.equal(typo.level, 'warning');
      const location = typo.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, 'test/fixtures/cli/broken-cluster.yaml');
      const at = positionOf(readFileSync(BROKEN, 'utf8'), 'enableNodeport');
      assert.deepEqual([location.region.startLine, location.region.startColumn], [at.line + 1, at.character + 1]);
      assert.ok(runLog.results.some((x) => x.level === 'error'));
    });
  });

  describe('kops version per file', () => {
    it('takes the # kops-version: comment over --kops-version over the newest', () => {
      const commented = write('version/commented.yaml', `# kops-version: v1.25.0\n${readFileSync(CLEAN, 'utf8')}`);
      const plain = write('version/plain.yaml', readFileSync(CLEAN, 'utf8'));
      const flagged = json(run(['check', '--format', 'json', '--kops-version', 'v1.30.0', commented, plain]));
      assert.deepEqual(
        flagged.map((f) => f.kopsVersion),
        ['v1.25.0', 'v1.30.0'],
      );
      assert.deepEqual(
        json(run(['check', '--format', 'json', plain])).map((f) => f.kopsVersion),
        ['v1.36.2'],
      );
    });

    it('exits 2 on an unknown version in a file comment, still reporting the file', () => {
      const bad = write('version/bad.yaml', `# kops-version: v1.99.0\n${readFileSync(CLEAN, 'utf8')}`);
      const r = run(['check', '--format', 'json', bad]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /bad\.yaml:1: kops v1\.99\.0 is not supported/);
      assert.ok(json(r)[0].diagnostics.some((d) => d.code === 'kops-version-unknown' && d.severity === 'error'));
    });
  });

  describe('files and folders', () => {
    it('searches folders recursively for YAML files holding kops documents, skipping node_modules and .git', () => {
      const cluster = readFileSync(BROKEN, 'utf8');
      write('tree/a.yaml', cluster);
      write('tree/sub/deeper/b.yml', cluster);
      write('tree/sub/not-kops.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
      write('tree/notes.txt', cluster);
      write('tree/node_modules/pkg/c.yaml', cluster);
      write('tree/.git/d.yaml', cluster);
      write('tree/image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      const r = run(['check', '--format', 'json', 'tree'], tmp);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(
        json(r).map((f) => f.file),
        [join('tree', 'a.yaml'), join('tree', 'sub', 'deeper', 'b.yml')],
      );
    });

    it('exits 2 with a clear message for a missing, binary or oversized file', () => {
      const binary = write('files/blob.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
      const huge = write('files/huge.yaml', Buffer.alloc(8 * 1024 * 1024 + 1, 0x61));
      const missing = join(tmp, 'files', 'missing.yaml');
      const expectations: Array<[string, RegExp]> = [
        [binary, /is a binary file/],
        [huge, /MiB; kops-spec checks files up to 8 MiB/],
        [missing, /cannot read .*: no such file/],
      ];
      for (const [path, reason] of expectations) {
        const r = run(['check', path, CLEAN]);
        assert.equal(r.status, 2, path);
        assert.match(r.stderr, reason);
      }
    });

    it('checks an InstanceGroup against its Cluster in another file of the folder, and only when that file is given', () => {
      const folder = relative(REPO, WORKSPACE_FIXTURE);
      const r = run(['check', '--format', 'json', folder]);
      assert.equal(r.status, 1, r.stderr);
      const report = (name: string) => json(r).find((f) => f.file === join(folder, name))!;
      const nodes = report('nodes.yaml');
      const missing = { code: 'kops-instancegroup-cluster', path: 'spec.subnets[1]', type: 'NotFound' };
      const subnetLine = positionOf(readFileSync(join(WORKSPACE_FIXTURE, 'nodes.yaml'), 'utf8'), 'us-east-1c').line;
      assert.deepEqual(
        nodes.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => ({ code: d.code, path: d.path, type: d.kops?.type, line: d.range.start.line })),
        [{ ...missing, line: subnetLine }],
      );
      assert.deepEqual(
        ['cluster.yaml', join('groups', 'control-plane.yml')].flatMap((name) => report(name).diagnostics),
        [],
      );
      const alone = run(['check', '--format', 'json', join(folder, 'nodes.yaml')]);
      assert.equal(alone.status, 0, alone.stdout);
    });

    it('checks a named file without kops documents and finds nothing', () => {
      const r = run(['check', '--format', 'json', write('plain/config.yaml', 'apiVersion: v1\nkind: ConfigMap\n')]);
      assert.equal(r.status, 0);
      assert.deepEqual(json(r)[0].diagnostics, []);
    });
  });

  describe('acceptance: kops validation cases and specs', () => {
    const caseDirs = [
      kopsFixture('validation-cases'),
      join(REPO, 'test', 'cases'),
      kopsFixture('validation-cases-spec'),
      join(REPO, 'test', 'cases-spec'),
    ];
    for (const dir of caseDirs) {
      const files = readdirSync(dir)
        .filter((f) => /^case-.*\.yaml$/.test(f))
        .sort()
        .map((f) => join(dir, f));
      describe(relative(REPO, dir), () => {
        let reports: Map<string, JsonFile>;
        before(() => {
          const r = run(['check', '--format', 'json', ...files]);
          assert.ok(r.status === 0 || r.status === 1, r.stderr);
          reports = new Map(json(r).map((f) => [f.file, f]));
        });
        for (const file of files) {
          it(file.slice(dir.length + 1), () => {
            assert.deepEqual(caseProblems(readFileSync(file, 'utf8'), reports.get(file)), []);
          });
        }
      });
    }

    const specs = kopsFixture('specs');
    const sources = JSON.parse(readFileSync(join(specs, 'sources.json'), 'utf8')) as Array<{ file: string; tag: string }>;
    const names = readdirSync(specs)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const tagOf = (name: string): string => sources.find((s) => s.file === name)?.tag ?? 'v1.36.2';
    describe('test/fixtures/kops/specs', () => {
      const byFile = new Map<string, { status: number | null; report: JsonFile }>();
      before(() => {
        for (const tag of new Set(names.map(tagOf))) {
          const r = run([
            'check',
            '--format',
            'json',
            '--kops-version',
            tag,
            ...names.filter((n) => tagOf(n) === tag).map((n) => join(specs, n)),
          ]);
          for (const report of json(r)) byFile.set(report.file, { status: r.status, report });
        }
      });
      for (const name of names) {
        it(`${name} at ${tagOf(name)} has no error-severity diagnostics`, () => {
          const { report } = byFile.get(join(specs, name))!;
          assert.equal(report.kopsVersion, tagOf(name));
          const errors = report.diagnostics.filter((d) => d.severity === 'error');
          assert.deepEqual(
            errors.map((d) => `${d.code} ${d.path}: ${d.message}`),
            [],
          );
        });
      }
      it('exits 0 on all of them', () => assert.deepEqual([...new Set([...byFile.values()].map((x) => x.status))], [0]));
    });
  });
});
