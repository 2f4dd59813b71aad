import { strict as assert } from 'assert';
import { DiagnosticsPublisher, DiagnosticsService, type Checked } from '../../server/src/session/diagnosticsService';
import { FileStore, type TextSource } from '../../server/src/session/fileStore';
import { answered, nextTurn } from '../../server/src/session/timeSlice';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { rethrow } from '../../server/src/engine/errorBoundary';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { clusterWithCiliumFindings, kopsDocument } from '../helpers/kopsText';

const cluster = (name: string) => clusterWithCiliumFindings(name);

/** `count` Clusters, each with an unknown key and the NodePort/kube-proxy error. */
const stream = (count: number): string => Array.from({ length: count }, (_, i) => cluster(`c${i}.example.com`)).join('---\n');

/** `sliced`: parse and check one document per turn; otherwise all at once. */
function setUp(text: string, sliced = true) {
  const docs = new Map<string, TextSource>([['u', { version: 1, getText: () => text }]]);
  const files = new FileStore((uri) => docs.get(uri), sliced ? { syncParseChars: 100, sliceMs: 0 } : { syncParseChars: 1e9, sliceMs: 1e9 });
  files.opened('u', text.length);
  const service = new DiagnosticsService(files, () => ({}), rethrow, { sliceMs: sliced ? 0 : 1e9 });
  const change = (next: string) => {
    docs.set('u', { version: docs.get('u')!.version + 1, getText: () => next });
    files.changed('u', 10);
  };
  return { service, change };
}

const fresh = (text: string) => {
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {}));
};

describe('diagnostics service', () => {
  it('checks a file in slices to exactly what diagnose finds', async () => {
    const text = stream(12);
    const { service } = setUp(text);
    const checked = await service.check('u');
    assert.ok(checked!.findings.length >= 24, 'two findings per Cluster');
    assert.deepEqual(checked!.findings, fresh(text));
    assert.equal(service.checks, 12);
  });

  it('checks InstanceGroups against their Cluster in the same slices, so that hundreds of them block nothing', async () => {
    const groups = Array.from({ length: 12 }, (_, i) =>
      kopsDocument('InstanceGroup', `g${i}`, ['  role: Node', '  subnets:', '  - nowhere']),
    );
    const withSubnet = clusterWithCiliumFindings('c.example.com', [
      '  subnets:',
      '  - name: us-east-1a',
      '    type: Public',
      '    zone: us-east-1a',
    ]);
    const text = [withSubnet, ...groups].join('---\n');
    const { service } = setUp(text);
    const checksAtPauses: number[] = [];
    const checked = await service.check('u', () => (checksAtPauses.push(service.checks), false));
    assert.deepEqual(checked!.findings, fresh(text));
    assert.ok(checked!.findings.some((f) => f.code === 'kops-instancegroup-cluster'));
    assert.equal(service.checks, 26, 'each document alone and against its related documents, once');
    assert.equal(Math.max(...checksAtPauses), 26, `checks done at each pause: ${checksAtPauses.join(' ')}`);
  });

  it('re-checks only the edited document after an edit', async () => {
    const text = stream(12);
    const { service, change } = setUp(text);
    await service.check('u');
    const edited = text.replace('name: c5.example.com', 'name: c5.example.com\n  channel: stable');
    change(edited);
    const checked = await service.check('u');
    assert.equal(service.checks, 13);
    assert.equal(checked!.snapshot.version, 2);
    assert.deepEqual(checked!.findings, fresh(edited));
  });

  it('stops when cancelled', async () => {
    const { service } = setUp(stream(12));
    let turns = 0;
    const checked = await service.check('u', () => ++turns > 3);
    assert.equal(checked, undefined);
    assert.ok(service.checks < 12);
  });

  it('publishes once per burst of changes, for the newest version, after the messages already queued and answered', async () => {
    const text = stream(3);
    const { service, change } = setUp(text, false);
    const published: Array<{ uri: string; checked: Checked }> = [];
    const publisher = new DiagnosticsPublisher(service, (uri, checked) => published.push({ uri, checked }));
    let queuedMessageHandled = false;
    publisher.schedule('u');
    const edited = text.replace('enableNodeport', 'enableNodePorts');
    change(edited);
    publisher.schedule('u');
    // vscode-jsonrpc handles the next queued message (a completion sent with the edit) a turn later and writes its
    // answer one more turn after that: no document may be checked before the answer is out.
    setImmediate(() =>
      setImmediate(() => {
        queuedMessageHandled = true;
        assert.equal(service.checks, 0, 'the queued message was answered before the check');
      }),
    );
    while (published.length === 0) await nextTurn();
    for (let i = 0; i < 20; i++) await nextTurn();
    assert.ok(queuedMessageHandled);
    assert.equal(published.length, 1);
    assert.equal(published[0].checked.snapshot.version, 2);
    assert.deepEqual(published[0].checked.findings, fresh(edited));
  });

  it('after an edit, checks only once edits pause for its quiet period: a version edited again meanwhile is never checked', async () => {
    const text = stream(3);
    const { service, change } = setUp(text, false);
    const published: Checked[] = [];
    const publisher = new DiagnosticsPublisher(service, (_uri, checked) => published.push(checked));
    const quietMs = 40;
    const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    change(text.replace('enableNodeport', 'enableNodePorts'));
    publisher.schedule('u', quietMs);
    await after(10);
    assert.equal(service.checks, 0, 'nothing checked within the quiet period');
    const edited = text.replace('enableNodeport', 'enableNodePortz');
    change(edited);
    publisher.schedule('u', quietMs);
    while (published.length === 0) await after(5);
    await after(quietMs);
    assert.equal(published.length, 1);
    assert.equal(published[0].snapshot.version, 3);
    assert.deepEqual(published[0].findings, fresh(edited));
    assert.equal(service.checks, 3, 'each document once, for the last version only');
  });

  it('writes the answer of a request that arrived during a pause before the check goes on', async () => {
    const { service } = setUp(stream(12));
    // Requests keep arriving, one every fourth event-loop turn, while the file is checked one document per slice;
    // each is answered through `answered` and, as vscode-jsonrpc does, written one `setImmediate` after it settles.
    const checksWhenAnswered: number[] = [];
    const checksWhenWritten: number[] = [];
    let turns = 0;
    const afterTurns = (n: number, then: () => void): unknown => setImmediate(n <= 1 ? then : () => afterTurns(n - 1, then));
    const request = () => {
      const answer = answered(Promise.resolve().then(() => checksWhenAnswered.push(service.checks)));
      void answer.then(() => setImmediate(() => checksWhenWritten.push(service.checks)));
      if (++turns < 40) afterTurns(4, request);
    };
    setImmediate(request);
    const checked = await service.check('u');
    while (checksWhenWritten.length < checksWhenAnswered.length) await nextTurn();
    assert.equal(service.checks, 12);
    assert.deepEqual(checked!.findings, fresh(stream(12)));
    assert.ok(
      checksWhenAnswered.some((n) => n > 0 && n < 12),
      'requests were answered while the check was paused',
    );
    assert.deepEqual(checksWhenWritten, checksWhenAnswered, 'no document was checked between an answer and its writing');
  });
});
