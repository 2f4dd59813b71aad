import { strict as assert } from 'assert';
import { typedRelease, versionCommentEdit, type OffsetEdit } from '../../client/src/commands/versionTargets';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { knownKopsReleases } from '../../server/src/engine/kops/releases';
import { parseFile } from '../../server/src/engine/document/documents';

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
const CLUSTER = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: a.example.com\n';

describe('kops version picker', () => {
  it('takes a release typed into the filter, with or without the v, only when kops Spec knows it', () => {
    const releases = knownKopsReleases();
    assert.equal(typedRelease('v1.30.4', releases), 'v1.30.4');
    assert.equal(typedRelease(' 1.30.4 ', releases), 'v1.30.4');
    assert.equal(typedRelease('v1.30', releases), undefined);
    assert.equal(typedRelease('v1.30.9', releases), undefined);
    assert.equal(typedRelease('', releases), undefined);
  });

  it('"Set for this file only" inserts a first line the server then reads as the file\'s version', () => {
    const text = apply(CLUSTER, versionCommentEdit(CLUSTER, 'v1.30.4'));
    assert.ok(text.startsWith('# kops-version: v1.30.4\napiVersion:'), text);
    const version = effectiveKopsVersion(parseFile(text), { kopsVersion: 'v1.36.2' });
    assert.equal(version.version.text, 'v1.30.4');
    assert.equal(version.source, 'comment');
  });

  it('updates the existing comment line in place instead of adding a second one, keeping CRLF files CRLF', () => {
    const crlf = `a: 1\r\n# kops-version: v1.25.0\r\n${CLUSTER.replaceAll('\n', '\r\n')}`;
    assert.equal(apply(crlf, versionCommentEdit(crlf, 'v1.28.1')), crlf.replace('v1.25.0', 'v1.28.1'));
    assert.ok(
      apply(CLUSTER.replaceAll('\n', '\r\n'), versionCommentEdit(CLUSTER.replaceAll('\n', '\r\n'), 'v1.28.1')).startsWith(
        '# kops-version: v1.28.1\r\napiVersion',
      ),
    );
    const empty = `#kops-version:\n${CLUSTER}`;
    assert.ok(apply(empty, versionCommentEdit(empty, 'v1.28.1')).startsWith('#kops-version: v1.28.1\napiVersion'));
  });
});
