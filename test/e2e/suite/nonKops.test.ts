import * as assert from 'assert';
import { completionsAt, endOfLine, labelOf, openFixture, ourItems, withTyped } from './helpers';

suite('YAML that is not a kops spec is left alone', () => {
  test('a Deployment file gets no items from us', async () => {
    const doc = await openFixture('deployment.yaml');
    for (const [anchor, typed] of [
      ['replicas: 2', '\n  '],
      ['app: web', '\n      '],
      ['image: nginx', '\n          '],
    ]) {
      const items = await withTyped(doc, endOfLine(doc, anchor), typed, (at) => completionsAt(doc, at));
      assert.deepStrictEqual(ourItems(items).map(labelOf), [], `after ${anchor}`);
    }
  });

  test('a Deployment document inside a kops file gets no items, the Cluster document does', async () => {
    const doc = await openFixture('mixed-kops-and-deployment.yaml');
    const inDeployment = await withTyped(doc, endOfLine(doc, 'replicas: 1'), '\n  ', (at) => completionsAt(doc, at));
    assert.deepStrictEqual(ourItems(inDeployment).map(labelOf), []);
    const inCilium = await withTyped(doc, endOfLine(doc, 'enableNodePort: true'), '\n      ', (at) => completionsAt(doc, at));
    assert.ok(ourItems(inCilium).length > 0, 'the kops Cluster document in the same file still gets completion');
  });
});
