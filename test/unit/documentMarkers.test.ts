import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { looksLikeKopsText, splitDocuments } from '../../server/src/kopsIdentity';
import { documentBounds } from '../../server/src/session/documentPrefix';

const CLUSTER = 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\n';

describe('document markers', () => {
  // One stream, read by the client (is it a kops file?), the parser (its documents) and the request path (how
  // much text a completion must parse): all three must cut it at the same places.
  const stream = `a: 1\n--- # first\n${CLUSTER}----\nb: |\n  ---\n---\t\nc: 3\n---\n`;
  const markers = [5, 80, 90];

  it('the parser, the client and the per-request prefix cut a stream at the same column-0 `---` lines', () => {
    assert.deepEqual(
      splitDocuments(stream)
        .slice(1)
        .map((d) => d.offset),
      markers,
    );
    assert.deepEqual(
      parseFile(stream)
        .documents.slice(1)
        .map((d) => d.offset),
      markers,
    );
    assert.deepEqual(
      [0, ...markers].map((start) => documentBounds(stream, start).end),
      [...markers, stream.length],
    );
    assert.equal(looksLikeKopsText(stream), true);
  });

  it('a request inside a document parses up to the next marker line, inclusive', () => {
    assert.deepEqual(documentBounds(stream, 10), { end: 80, prefix: 85 });
    assert.deepEqual(documentBounds('a: 1\n---', 0), { end: 5, prefix: 8 });
  });
});
