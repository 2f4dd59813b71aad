import { strict as assert } from 'assert';
import { parseDocument } from 'yaml';
import { splitDocuments } from '../../server/src/engine/document/documents';
import { kopsIdentity } from '../../server/src/kopsIdentity';
import { aliasNodesExceed, guardedParse, isLimitFinding, LIMITS, measure } from '../../server/src/engine/document/limits';
import { LineIndex } from '../../server/src/engine/document/lineIndex';
import { aliasBomb, blockNesting, deepFlow, kopsStream, longDocument, manyDocuments } from '../fuzz/hostileFiles';
import { positionOf } from '../helpers/marker';
import { kopsDocument } from '../helpers/kopsText';

/** guardedParse over a text with a parse that counts its calls. */
function guard(text: string) {
  let parsed = 0;
  const result = guardedParse(text, new LineIndex(text), splitDocuments(text), (chunk) => {
    parsed++;
    return { text: chunk, yaml: parseDocument(chunk), kops: kopsIdentity(chunk) };
  });
  return { ...result, parsed };
}

const CLUSTER = kopsDocument('Cluster', 'a.example.com', ['  networking:', '    cilium: {}']);
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\ndata:\n';

describe('analysis limits', function () {
  this.timeout(60_000);

  it('measures line breaks and flow nesting, ignoring brackets in comments', () => {
    assert.deepEqual(measure('a: [[1], {b: [2]}]\n# [[[[[[\nc: d\n'), { newlines: 3, flowDepth: 3, contentColumn: 0 });
    assert.deepEqual(measure('a: "x#[[[" ]]]\n'), { newlines: 1, flowDepth: 3, contentColumn: 0 });
    assert.deepEqual(measure(''), { newlines: 0, flowDepth: 0, contentColumn: 0 });
    assert.equal(measure('a:\n  b:\n  - - ? c\n').contentColumn, 8);
    assert.equal(measure('a: |\n  -x\n').contentColumn, 2);
  });

  it('tells an alias bomb from ordinary anchors, in linear time and without following cycles', () => {
    const bomb = parseDocument(aliasBomb());
    assert.equal(aliasNodesExceed(bomb, LIMITS.aliasNodes), true);
    const ordinary = parseDocument('base: &b {x: 1, y: [1, 2, 3]}\nfirst: *b\nsecond: *b\nthird: {<<: *b}\n');
    assert.equal(aliasNodesExceed(ordinary, LIMITS.aliasNodes), false);
    assert.equal(aliasNodesExceed(parseDocument('a: &a [*a, *a]\n'), LIMITS.aliasNodes), false);
    assert.equal(aliasNodesExceed(parseDocument('a: *undefined\n'), LIMITS.aliasNodes), false);
    const deep = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' &x 1\nlast: *x\n';
    assert.doesNotThrow(() => aliasNodesExceed(parseDocument(deep), LIMITS.aliasNodes));
  });

  it('parses every document of a 50,000-line kops stream, with no finding', () => {
    const text = kopsStream(50_000);
    const { documents, limit, parsed } = guard(text);
    assert.equal(limit, undefined);
    assert.equal(parsed, documents.length);
    assert.ok(documents.every((d) => !('skipped' in d)));
  });

  it('reads no YAML from a file with NUL characters and says it is not text', () => {
    const text = `${CLUSTER}\u0000\u0001binary`;
    const { documents, limit, parsed } = guard(text);
    assert.equal(parsed, 0);
    assert.equal(documents.length, 1);
    assert.equal(documents[0].text, text);
    assert.equal(limit?.code, 'file-not-text');
    assert.deepEqual(limit?.range.start, { line: 0, character: 0 });
  });

  it('analyses the leading documents of a file with too many and puts one finding where it stops', () => {
    const text = manyDocuments(LIMITS.documents + 10);
    const { documents, limit, parsed } = guard(text);
    assert.equal(parsed, LIMITS.documents);
    assert.equal(documents.length, LIMITS.documents + 1);
    assert.equal(documents.map((d) => d.text).join(''), text);
    assert.equal(limit?.code, 'file-too-large');
    assert.match(limit.message, /5,011 documents > 5,000\): kops-spec checks only the first 5,000 documents \(lines 1–/);
    assert.equal(limit.range.start.line, new LineIndex(text).positionAt(documents[LIMITS.documents].offset).line);
    assert.ok(isLimitFinding(limit));
  });

  it('stops at the line budget on a document boundary', () => {
    const text = kopsStream(LIMITS.fileLines + 5_000);
    const { documents, limit } = guard(text);
    assert.equal(limit?.code, 'file-too-large');
    assert.match(limit.message, /lines > 55,000\)/);
    const rest = documents[documents.length - 1];
    assert.ok('skipped' in rest && rest.text.startsWith('---'));
    assert.equal(documents.map((d) => d.text).join(''), text);
  });

  it('says nothing about a large file that holds no kops document', () => {
    const text = Array(LIMITS.documents + 10)
      .fill(CONFIG_MAP)
      .join('---\n');
    const { limit, parsed } = guard(text);
    assert.equal(limit, undefined);
    assert.equal(parsed, LIMITS.documents);
  });

  it('skips one oversized kops document, checks the others and reports it once at its first line', () => {
    const big = longDocument(LIMITS.documentLines + 1).replace('hostile.example.com', 'big.example.com');
    const text = `${CLUSTER}---\n${big}---\n${CLUSTER}`;
    const { documents, limit, parsed } = guard(text);
    assert.equal(parsed, 2);
    assert.ok('skipped' in documents[1]);
    assert.equal(limit?.code, 'document-too-large');
    assert.match(
      limit.message,
      /^Document too large for analysis: 5,0\d\d lines > 5,000\. kops-spec skips it; the other documents are checked\.$/,
    );
    assert.equal(limit.range.start.line, positionOf(text, '---\napiVersion').line);
  });

  it('reports the first of several skipped documents and counts the rest', () => {
    const text = [CLUSTER, deepFlow(500, true), aliasBomb(), deepFlow(500, false)].join('---\n');
    const { documents, limit, parsed } = guard(text);
    assert.deepEqual(
      documents.map((d) => 'skipped' in d),
      [false, true, true, true],
    );
    assert.equal(parsed, 2, 'the alias bomb is parsed (cheap) before it is recognised');
    assert.equal(limit?.code, 'document-too-complex');
    assert.match(limit.message, /`\[`\/`\{` nested 500 deep > 100.* 2 more documents are skipped too\.$/);
  });

  it('skips a document nested deeper than the YAML parser can recurse, before parsing it', () => {
    const text = blockNesting(3_000);
    const { documents, limit, parsed } = guard(text);
    assert.equal(parsed, 0);
    assert.ok('skipped' in documents[0]);
    assert.equal(limit?.code, 'document-too-complex');
    assert.match(limit.message, /content nested 6,0\d\d columns deep > 500/);
    assert.equal(guard(blockNesting(200)).limit, undefined);
  });

  it('skips an alias bomb in a kops document but leaves other documents alone', () => {
    const { limit } = guard(`${CONFIG_MAP}  a: &a [1, 2]\n  b: *a\n---\n${aliasBomb()}`);
    assert.equal(limit?.code, 'document-too-complex');
    assert.match(limit.message, /aliases expand to more than 10,000 nodes/);
    assert.equal(guard(aliasBomb().replace('kind: Cluster', 'kind: Other')).limit, undefined);
  });
});
