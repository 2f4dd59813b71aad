import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { findVersionComment, parseKopsVersion, NEWEST_KOPS } from '../../server/src/engine/kops/releases';

const version = (text: string) => {
  const r = parseKopsVersion(text);
  return 'version' in r ? r.version.text : `error: ${r.error}`;
};

describe('kops version', () => {
  it('accepts every release line from v1.18 to v1.36', () => {
    for (let minor = 18; minor <= 36; minor++) assert.equal(version(`v1.${minor}.0`), `v1.${minor}.0`);
    assert.equal(version('1.25.3'), 'v1.25.3');
    assert.equal(version('v1.36.5'), 'v1.36.5');
  });

  it('rejects unknown and malformed versions with a reason', () => {
    assert.match(version('v1.17.0'), /not supported.*v1\.18\.0 to v1\.36\.x/);
    assert.match(version('v1.37.0'), /not supported/);
    assert.match(version('v1.25'), /not a kops version/);
    assert.match(version('latest'), /not a kops version/);
  });

  it('takes the per-file comment over the setting, and the setting over the default', () => {
    const commented = parseFile('# kops-version: v1.25.0\napiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\n');
    const plain = parseFile('apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\n');
    assert.equal(effectiveKopsVersion(commented, { kopsVersion: 'v1.30.0' }).version.text, 'v1.25.0');
    assert.equal(effectiveKopsVersion(commented, {}).source, 'comment');
    assert.equal(effectiveKopsVersion(plain, { kopsVersion: 'v1.30.0' }).version.text, 'v1.30.0');
    assert.equal(effectiveKopsVersion(plain, {}).version.text, NEWEST_KOPS);
  });

  it('flags a bad comment on the comment itself instead of silently falling back', () => {
    const text = 'apiVersion: kops.k8s.io/v1alpha2\n# kops-version: v1.99.0\nkind: Cluster\n';
    const eff = effectiveKopsVersion(parseFile(text), {});
    assert.ok(eff.problem);
    assert.equal(eff.problem.severity, 'error');
    assert.deepEqual(eff.problem.range.start, { line: 1, character: text.split('\n')[1].indexOf('v1.99.0') });
    assert.match(eff.problem.message, /v1\.99\.0.*checked against kops v1\.36\.2/);
  });

  it('flags a bad setting', () => {
    const eff = effectiveKopsVersion(parseFile('kind: Cluster\n'), { kopsVersion: 'v2' });
    assert.match(eff.problem?.message ?? '', /kopsSpec\.kopsVersion setting/);
  });

  it('finds the comment anywhere in the file, CRLF included', () => {
    assert.equal(findVersionComment('a: 1\r\n# kops-version: v1.30.1\r\n')?.value, 'v1.30.1');
    assert.equal(findVersionComment('a: 1 # kops-version: v1.30.1\n'), undefined);
  });
});
