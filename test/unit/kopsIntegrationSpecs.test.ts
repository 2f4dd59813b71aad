import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { diagnose, effectiveKopsVersion, parseFile, type Finding, type FindingCode } from '../../server/src/engine';
import { kopsFixture } from '../helpers/fixturePaths';
import { KOPS_RELEASES, namedRelease } from '../../server/src/engine/kops/releases';
import { schemaAt } from '../../server/src/engine/kops/schema/specSchema';

interface ManifestEntry {
  file: string;
  tag: string;
  path: string;
}
const manifest = JSON.parse(readFileSync(kopsFixture('integration', 'manifest.json'), 'utf8')) as {
  tags: string[];
  files: ManifestEntry[];
};

/** Said of a key the spec's own release has (or of a key it lacks that another release has): a false alarm. */
const RELEASE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['schema-key-newer-kops', 'schema-key-removed']);

/**
 * Keys some of kops' own test specs carry that no kops release's v1alpha2 types have at that place (kops' decoder
 * drops them; gceServiceAccount exists only under spec.cloudConfig): the unknown-key warning on them is right.
 */
const KEYS_KOPS_DROPS = new Set(['spec.gceServiceAccount', 'spec.openstackServiceAccount', 'spec.serviceOIDCProvider']);

const falseAlarm = (f: Finding): boolean =>
  f.severity === 'error' ||
  f.severity === 'information' ||
  RELEASE_CODES.has(f.code) ||
  (f.code === 'schema-unknown-key' && !KEYS_KOPS_DROPS.has(f.path));

describe("kops' own integration specs at their release", () => {
  it('the keys kops drops are in no release we know', () => {
    for (const release of KOPS_RELEASES)
      for (const path of KEYS_KOPS_DROPS) assert.equal(schemaAt('Cluster', namedRelease(release), path.split('.')), undefined, path);
  });

  it('cover every sampled release', () => {
    assert.deepEqual([...new Set(manifest.files.map((e) => e.tag))], manifest.tags);
  });

  for (const entry of manifest.files) {
    it(`${entry.file} (${entry.path}) gets no error, no note and no key of another release`, () => {
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
