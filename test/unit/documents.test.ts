import { strict as assert } from 'assert';
import { documentAt, parseFile, splitDocuments } from '../../server/src/engine/document/documents';
import { kopsIdentity, looksLikeKopsText } from '../../server/src/kopsIdentity';
import { kopsDocument } from '../helpers/kopsText';

const cluster = kopsDocument('Cluster', 'a.example.com', ['  networking:', '    cilium: {}']);
const ig = `---\n${kopsDocument('InstanceGroup', 'nodes', ['  role: Node'])}`;
const deployment = '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

describe('document model', () => {
  it('splits a stream at column-0 --- markers and keeps offsets', () => {
    const text = cluster + ig + deployment;
    const chunks = splitDocuments(text);
    assert.equal(chunks.length, 3);
    assert.equal(chunks.map((c) => c.text).join(''), text);
    assert.equal(text.slice(chunks[1].offset, chunks[1].offset + 3), '---');
  });

  it('does not split on --- inside a line or a quoted scalar', () => {
    assert.equal(splitDocuments('a: "x --- y"\nb: |\n  ---not-a-marker\n').length, 1);
  });

  it('recognises kops documents by content, and nothing else', () => {
    const file = parseFile(cluster + ig + deployment);
    assert.deepEqual(
      file.documents.map((d) => d.kops?.kind),
      ['Cluster', 'InstanceGroup', undefined],
    );
    assert.deepEqual(kopsIdentity('apiVersion: "kops.k8s.io/v1alpha3"\nkind: Cluster\n'), { apiVersion: 'v1alpha3', kind: 'Cluster' });
    assert.equal(kopsIdentity('apiVersion: kops.k8s.io/v1alpha2\nkind: Secret\n'), undefined);
    assert.equal(kopsIdentity('apiVersion: v1\nkind: Cluster\n'), undefined);
  });

  it('tells whether a file holds any kops document', () => {
    assert.equal(looksLikeKopsText(deployment.slice(4) + ig), true);
    assert.equal(looksLikeKopsText(deployment.slice(4)), false);
  });

  it('keeps the kops identity of a document that is still invalid YAML', () => {
    const file = parseFile('apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nspec:\n  networking: [\n    cilium:\n');
    assert.equal(file.documents[0].kops?.kind, 'Cluster');
    assert.deepEqual(
      file.documents[0].yaml.errors.map((e) => e.code),
      ['BAD_INDENT'],
    );
  });

  it('reuses unchanged documents after an edit in another document', () => {
    const before = parseFile(cluster + ig + deployment);
    const after = parseFile(cluster.replace('a.example.com', 'b.example.com') + ig + deployment, before);
    assert.notEqual(after.documents[0].yaml, before.documents[0].yaml);
    assert.equal(after.documents[1].yaml, before.documents[1].yaml);
    assert.equal(after.documents[2].yaml, before.documents[2].yaml);
  });

  it('reuses a shifted document and reports its new offset', () => {
    const before = parseFile(cluster + ig);
    const after = parseFile('# kops-version: v1.30.0\n' + cluster + ig, before);
    assert.equal(after.documents[1].yaml, before.documents[1].yaml);
    assert.equal(after.documents[1].offset, before.documents[1].offset + '# kops-version: v1.30.0\n'.length);
  });

  it('finds the document under an offset', () => {
    const text = cluster + ig;
    const file = parseFile(text);
    assert.equal(documentAt(file, text.indexOf('role'))?.kops?.kind, 'InstanceGroup');
    assert.equal(documentAt(file, 0)?.kops?.kind, 'Cluster');
  });

  it('never throws on hostile input', () => {
    const inputs = [
      '',
      '\u0000\u0001\u0002binary\u00ff',
      '---\n---\n...\n',
      'a: &a [*a]\n',
      '{'.repeat(2000),
      'key: "unterminated\n',
      '\ufeffa: 1\r\nb: 2\r\n',
    ];
    for (const text of inputs) assert.doesNotThrow(() => parseFile(text), JSON.stringify(text.slice(0, 20)));
  });
});
