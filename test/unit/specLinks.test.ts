import { strict as assert } from 'assert';
import { parseFile, type ParsedFile, type YamlDocument } from '../../server/src/engine/document/documents';
import { stringAt } from '../../server/src/engine/kops/goValues';
import { linkSpecs } from '../../server/src/engine/kops/specLinks';

const cluster = (name: string) => `apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: ${name}\nspec: {}\n`;
const group = (name: string, label?: string) =>
  `apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n${label ? `  labels:\n    kops.k8s.io/cluster: ${label}\n` : ''}  name: ${name}\nspec: {}\n`;
const file = (...docs: string[]) => parseFile(docs.join('---\n'));

/** `group name -> cluster file:index` for every InstanceGroup of the files, as the links say. */
function clusterNames(files: ParsedFile[]): Record<string, string> {
  const links = linkSpecs(files);
  const where = (doc: YamlDocument) => {
    const f = files.findIndex((x) => x.documents.some((d) => d.yaml === doc.yaml));
    return `${stringAt(doc, ['metadata', 'name'])}@${f}`;
  };
  const out: Record<string, string> = {};
  for (const doc of files.flatMap((f) => f.documents)) {
    if (doc.kops?.kind !== 'InstanceGroup') continue;
    const c = links.clusterOf(doc);
    out[stringAt(doc, ['metadata', 'name'])!] = c ? where(c) : 'none';
  }
  return out;
}

describe('linking InstanceGroups to their Cluster', () => {
  it('follows the cluster label, in the InstanceGroup’s own file first, then in the other files', () => {
    const files = [file(cluster('a'), group('here', 'a'), group('there', 'b')), file(cluster('a')), file(cluster('b'))];
    assert.deepEqual(clusterNames(files), { here: 'a@0', there: 'b@2' });
  });

  it('links no Cluster when the label names two Clusters of the other files, or none', () => {
    const files = [file(group('twice', 'a'), group('unknown', 'c')), file(cluster('a')), file(cluster('a'))];
    assert.deepEqual(clusterNames(files), { twice: 'none', unknown: 'none' });
  });

  it('without a label: the only Cluster of the own file, else the only Cluster of all files', () => {
    assert.deepEqual(clusterNames([file(cluster('a'), group('own')), file(cluster('b'))]), { own: 'a@0' });
    assert.deepEqual(clusterNames([file(group('alone')), file(cluster('b'))]), { alone: 'b@1' });
    assert.deepEqual(clusterNames([file(group('alone')), file(cluster('a')), file(cluster('b'))]), { alone: 'none' });
    assert.deepEqual(clusterNames([file(cluster('a'), cluster('b'), group('own')), file(cluster('c'))]), { own: 'none' });
  });

  it('gives a Cluster its InstanceGroups in file order, across files', () => {
    const files = [file(group('n1', 'a')), file(cluster('a'), group('n2')), file(group('n3', 'a'))];
    const links = linkSpecs(files);
    const names = links.instanceGroupsOf(files[1].documents[0]).map((d) => stringAt(d, ['metadata', 'name']));
    assert.deepEqual(names, ['n1', 'n2', 'n3']);
  });
});
