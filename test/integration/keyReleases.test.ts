import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { join } from 'path';
import { shippedBuild } from '../helpers/shippedBuild';
import { KEY_RELEASE_CASES, KEY_RELEASE_FIXTURES } from '../helpers/keyReleaseTable';

interface JsonReport {
  files: { file: string; diagnostics: { code: string; path: string }[] }[];
}

const KEY_CODES = new Set(['schema-key-newer-kops', 'schema-key-removed', 'schema-unknown-key']);

/** One CLI run per release over both fixtures: "path code" of each key finding, per fixture name. */
function cliKeyFindings(release: string): Map<string, string[]> {
  const r = spawnSync(
    process.execPath,
    [shippedBuild().cli, 'check', '--format', 'json', '--kops-version', release, KEY_RELEASE_FIXTURES],
    {
      encoding: 'utf8',
    },
  );
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  return new Map(
    report.files.map((f) => [
      f.file.slice(f.file.lastIndexOf('/') + 1).replace(/\.yaml$/, ''),
      f.diagnostics
        .filter((d) => KEY_CODES.has(d.code))
        .map((d) => `${d.path} ${d.code}`)
        .sort(),
    ]),
  );
}

describe('the CLI reports keys per kops patch release', () => {
  const releases = [...new Set(KEY_RELEASE_CASES.map((c) => c.release))];
  for (const release of releases) {
    it(`at kops ${release}`, () => {
      const got = cliKeyFindings(release);
      for (const c of KEY_RELEASE_CASES.filter((x) => x.release === release)) {
        assert.deepEqual(got.get(c.fixture), c.expected, `${join('key-releases', c.fixture)}.yaml`);
      }
    });
  }
});
