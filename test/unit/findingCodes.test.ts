import { strict as assert } from 'assert';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { FINDING_CODES, type FindingCode } from '../../server/src/engine/findingCodes';
import { fixerFor, fixesFor } from '../../server/src/engine/features/fixes';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';

const CODES = Object.keys(FINDING_CODES) as FindingCode[];

function fixTitles(kopsVersion: string, ciliumLine: string, code: FindingCode): string[] {
  const text =
    `# kops-version: ${kopsVersion}\napiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\n` +
    `spec:\n  networking:\n    cilium:\n      ${ciliumLine}\n`;
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  const finding = diagnose(file, eff).find((f) => f.code === code);
  assert.ok(finding, `expected ${code}`);
  return fixesFor(file, eff.version, finding).map((f) => f.title);
}

describe('finding codes', () => {
  it('every kops-enforced Cilium enum has a fixer, which offers the closest accepted value', () => {
    const enums = CODES.filter((c) => c.startsWith('cilium-enum-'));
    assert.ok(enums.length >= 9);
    for (const code of enums) assert.ok(fixerFor(code), code);
    assert.equal(fixTitles('v1.30.0', 'tunnel: vxlam', 'cilium-enum-tunnel')[0], 'Change to vxlan');
  });

  it('each code has a one-line title and, where it names one, an https docs page', () => {
    for (const code of CODES) {
      const { title, docs } = FINDING_CODES[code];
      assert.match(title, /^\S.*\.$/, code);
      assert.ok(!title.includes('\n'), code);
      if (docs !== undefined) assert.match(docs, /^https:\/\//, code);
    }
  });

  it('the missing `v` fix writes the prefix only when kops then accepts the version', () => {
    const offered = (version: string) =>
      fixTitles('v1.30.0', `version: ${version}`, 'cilium-version-prefix').some((t) => t.startsWith('Write it as'));
    assert.equal(offered('1.15.6-rc.1'), true);
    // kops parses the version strictly: a pre-release part with a leading zero would trade this error for two.
    assert.equal(offered('1.15.6-rc.01'), false);
  });
});
