import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { diagnose, effectiveKopsVersion, parseFile } from '../../server/src/engine';
import { KEY_RELEASE_CASES, KEY_RELEASE_FIXTURES } from '../helpers/keyReleaseTable';

const KEY_CODES = new Set(['schema-key-newer-kops', 'schema-key-removed', 'schema-unknown-key']);

function keyFindings(fixture: string, release: string): string[] {
  const file = parseFile(readFileSync(join(KEY_RELEASE_FIXTURES, `${fixture}.yaml`), 'utf8'));
  return diagnose(file, effectiveKopsVersion(file, { kopsVersion: release }))
    .filter((f) => KEY_CODES.has(f.code))
    .map((f) => `${f.path} ${f.code}`)
    .sort();
}

describe('keys per kops patch release', () => {
  for (const { release, fixture, expected } of KEY_RELEASE_CASES) {
    it(`${fixture} at kops ${release}: ${expected.length ? expected.join(', ') : 'every key known'}`, () => {
      assert.deepEqual(keyFindings(fixture, release), expected);
    });
  }

  it('says when a key came back', () => {
    const file = parseFile(readFileSync(join(KEY_RELEASE_FIXTURES, 'cluster.yaml'), 'utf8'));
    const finding = diagnose(file, effectiveKopsVersion(file, { kopsVersion: 'v1.27.1' })).find(
      (f) => f.path === 'spec.kubelet.seccompDefault',
    );
    assert.equal(
      finding?.message,
      "kops v1.27.1 ignores 'seccompDefault' under spec.kubelet: kops removed it in v1.27 and brought it back in v1.27.2 " +
        '(kops has it in v1.26.6 and since v1.27.2).',
    );
  });

  it('says when a key was removed', () => {
    const file = parseFile(readFileSync(join(KEY_RELEASE_FIXTURES, 'cluster.yaml'), 'utf8'));
    const finding = diagnose(file, effectiveKopsVersion(file, { kopsVersion: 'v1.31.0' })).find((f) => f.path.endsWith('targetRamMb'));
    assert.equal(
      finding?.message,
      "kops v1.31.0 ignores 'targetRamMb' under spec.kubeAPIServer: kops removed it in v1.30.2 (kops has it in v1.18–v1.30.1).",
    );
  });
});
