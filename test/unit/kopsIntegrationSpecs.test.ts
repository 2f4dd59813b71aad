import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { diagnose, effectiveKopsVersion, parseFile, type Finding, type FindingCode } from '../../server/src/engine';
import { kopsFixture } from '../helpers/fixturePaths';

interface ManifestEntry {
  file: string;
  tag: string;
  path: string;
}
const manifest = JSON.parse(readFileSync(kopsFixture('integration', 'manifest.json'), 'utf8')) as {
  tags: string[];
  files: ManifestEntry[];
};

/** kops itself accepts these specs at their release: any of these findings would be a false alarm. */
const FALSE_ALARM_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['schema-key-newer-kops', 'schema-unknown-key']);
const falseAlarm = (f: Finding): boolean => f.severity === 'error' || FALSE_ALARM_CODES.has(f.code);

// pending per-release knowledge (issue 12)
const PENDING = new Set<string>([
  'v1.18.3/update_cluster-ha_gce.yaml',
  'v1.22.6/update_cluster-complex.yaml',
  'v1.22.6/update_cluster-ha_gce.yaml',
  'v1.22.6/update_cluster-digit.yaml',
  'v1.22.6/update_cluster-minimal_openstack.yaml',
  'v1.22.6/update_cluster-minimal-ipv6.yaml',
  'v1.26.6/update_cluster-complex.yaml',
  'v1.26.6/update_cluster-ha_gce.yaml',
  'v1.26.6/update_cluster-minimal_openstack.yaml',
  'v1.30.4/create_cluster-cilium-eni.yaml',
  'v1.30.4/update_cluster-complex.yaml',
  'v1.30.4/create_cluster-private.yaml',
  'v1.30.4/update_cluster-ha_gce.yaml',
  'v1.30.4/update_cluster-minimal_openstack.yaml',
  'v1.33.2/create_cluster-cilium-eni.yaml',
  'v1.33.2/update_cluster-complex.yaml',
  'v1.33.2/create_cluster-private.yaml',
  'v1.33.2/update_cluster-minimal_openstack.yaml',
  'v1.36.2/update_cluster-complex.yaml',
  'v1.36.2/update_cluster-minimal_openstack.yaml',
]);

describe("kops' own integration specs at their release", () => {
  it('cover every sampled release', () => {
    assert.deepEqual([...new Set(manifest.files.map((e) => e.tag))], manifest.tags);
  });

  for (const entry of manifest.files) {
    const test = PENDING.has(entry.file) ? it.skip : it;
    test(`${entry.file} (${entry.path}) gets no error and no unknown or too-new key`, () => {
      const file = parseFile(readFileSync(kopsFixture('integration', entry.file), 'utf8'));
      const version = effectiveKopsVersion(file, {});
      assert.equal(version.version.text, entry.tag, 'the # kops-version line sets the release');
      const found = diagnose(file, version)
        .filter(falseAlarm)
        .map((f) => `${f.severity} ${f.code} ${f.path}`);
      assert.deepEqual(found, []);
    });
  }
});
