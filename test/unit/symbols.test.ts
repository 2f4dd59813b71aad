import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { outline } from '../../server/src/engine/features/symbols';

const text = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: demo.example.com
spec:
  networking:
    cilium:
      enableNodePort: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
---
apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: nodes-a
spec:
  role: Node
  machineType: m6i.large
`;

describe('outline', () => {
  it('lists each kops document with its role, machine type and networking provider, and nothing else', () => {
    const symbols = outline(parseFile(text));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['demo.example.com', 'Cluster'],
        ['nodes-a', 'InstanceGroup · Node · m6i.large'],
      ],
    );
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['cilium'],
    );
  });

  it('gives each symbol the range of its own document', () => {
    const [cluster, group] = outline(parseFile(text));
    assert.equal(cluster.range.start.line, 0);
    assert.equal(group.range.start.line, text.split('\n').indexOf('---', 10));
    assert.equal(group.selectionRange.start.line, text.split('\n').indexOf('  name: nodes-a'));
  });
});
