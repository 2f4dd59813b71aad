import { strict as assert } from 'assert';
import pkg from '../../package.json';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { hover } from '../../server/src/engine/features/hover';
import {
  atLeast,
  KOPS_RELEASES,
  knownKopsReleases,
  NEWEST_KOPS,
  newestKops,
  OLDEST_KOPS,
  parseKopsVersion,
  releaseName,
} from '../../server/src/engine/kops/releases';
import { withCursor } from '../helpers/marker';

describe('kops releases', () => {
  it('the kopsSpec.kopsVersion setting defaults to, and describes, the newest kops the engine knows', () => {
    // VS Code reads package.json without running code, so it names the release itself; this keeps it honest.
    const setting = pkg.contributes.configuration.properties['kopsSpec.kopsVersion'];
    const newest = newestKops();
    assert.equal(setting.default, NEWEST_KOPS);
    const description = setting.markdownDescription;
    assert.ok(description.includes(`(\`${OLDEST_KOPS}\` to \`v${newest.major}.${newest.minor}.x\`;`), description);
    assert.ok(description.includes(`the newest kops this extension knows, ${NEWEST_KOPS})`), description);
  });

  it('the version picker offers every known release, patch-exact and newest first', () => {
    const offered = knownKopsReleases();
    assert.equal(offered.length, KOPS_RELEASES.length);
    assert.equal(offered[0], NEWEST_KOPS);
    assert.equal(offered[offered.length - 1], OLDEST_KOPS);
    assert.deepEqual(
      offered.filter((v) => v.startsWith('v1.30.')),
      ['v1.30.4', 'v1.30.3', 'v1.30.2', 'v1.30.1', 'v1.30.0'],
    );
    for (const v of offered) assert.ok('version' in parseKopsVersion(v), `${v} is offered but the setting would reject it`);
  });

  it('names a release as release notes do: `.0` dropped, a patch or pre-release kept', () => {
    assert.equal(releaseName('v1.23.0'), 'v1.23');
    assert.equal(releaseName('1.36'), 'v1.36');
    assert.equal(releaseName('v1.28.1'), 'v1.28.1');
    assert.equal(releaseName('v1.23.0-beta.1'), 'v1.23.0-beta.1');
  });

  it('a hover on a key a patch release added names that patch release, not its minor', () => {
    // nodeEncryption arrived in v1.28.1: saying "since v1.28" would send v1.28.0 users to a release without it.
    const { text, position } = withCursor(
      '# kops-version: v1.27.0\napiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\n' +
        'spec:\n  networking:\n    cilium:\n      nodeEncr|yption: true\n',
    );
    const file = parseFile(text);
    const result = hover(file, position, effectiveKopsVersion(file, {}));
    assert.match(result?.contents ?? '', /not a key of kops v1\.27\.0; kops has it since v1\.28\.1$/);
  });

  it('a version threshold that is no release fails loudly instead of comparing as never', () => {
    assert.throws(() => atLeast(newestKops(), 'latest'), /"latest" is not a kops release/);
  });
});
