import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  PublishDiagnosticsNotification,
  type ClientCapabilities,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { WORKSPACE_FIXTURE } from '../helpers/fixturePaths';
import { positionOf } from '../helpers/marker';
import { shippedBuild } from '../helpers/shippedBuild';
import { editorCapabilities, startStdioServer, type StdioSession } from '../helpers/stdioClient';

/**
 * The shipped server over stdio with a workspace folder: an InstanceGroup in nodes.yaml names the subnet
 * us-east-1c, which its Cluster in cluster.yaml lacks. The error shows in nodes.yaml, and goes away when the
 * Cluster gains the subnet, in the editor or on disk, without nodes.yaml being touched.
 */

const CROSS_CODE = 'kops-instancegroup-cluster';
const CLUSTER = readFileSync(join(WORKSPACE_FIXTURE, 'cluster.yaml'), 'utf8');
const NODES = readFileSync(join(WORKSPACE_FIXTURE, 'nodes.yaml'), 'utf8');
const WITH_SUBNET_1C = CLUSTER.replace(
  '    zone: us-east-1a\n',
  '    zone: us-east-1a\n  - cidr: 10.20.0.0/16\n    name: us-east-1c\n    type: Public\n    zone: us-east-1c\n',
);
const SUBNET_LINE = positionOf(NODES, 'us-east-1c').line;
const WAIT_MS = 20_000;

const crossErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === CROSS_CODE);
/**
 * The missing subnet on the line of nodes.yaml that names it, kops' own report (Not found) as related information
 * at the same place, and nothing else.
 */
function assertMissingSubnet(diagnostics: readonly Diagnostic[]): void {
  const found = crossErrors(diagnostics);
  assert.equal(found.length, 1, `diagnostics: ${JSON.stringify(diagnostics)}`);
  assert.equal(found[0].range.start.line, SUBNET_LINE);
  const [kops] = found[0].relatedInformation ?? [];
  assert.match(kops?.message ?? '', /^kops reports \S+: Not found/);
  assert.match(kops.location.uri, /nodes\.yaml$/);
  assert.deepEqual(kops.location.range, found[0].range);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === 1 && d.code !== CROSS_CODE),
    [],
  );
}

function workspaceFolder(): { root: string; uri: (name: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'kops-spec-workspace-'));
  writeFileSync(join(root, 'cluster.yaml'), CLUSTER);
  writeFileSync(join(root, 'nodes.yaml'), NODES);
  return { root, uri: (name) => pathToFileURL(join(root, name)).href };
}

function withRefresh(capabilities: ClientCapabilities): ClientCapabilities {
  return { ...capabilities, workspace: { ...capabilities.workspace, diagnostics: { refreshSupport: true } } };
}

async function start(root: string, capabilities: ClientCapabilities): Promise<StdioSession> {
  return startStdioServer(process.execPath, [shippedBuild().server, '--stdio'], capabilities, {
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'specs' }],
  });
}

const open = (session: StdioSession, uri: string, text: string) =>
  session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
const replaceText = (session: StdioSession, uri: string, version: number, text: string) =>
  session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });

/** Resolves with the first publishDiagnostics for `uri` that `accept` likes; rejects after WAIT_MS. */
function published(session: StdioSession, uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} as expected within ${WAIT_MS} ms`)), WAIT_MS);
    const listener = session.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== uri || !accept(params.diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(params.diagnostics);
    });
  });
}

/** A pulling client: pulls the document's diagnostics, and again on every workspace/diagnostic/refresh, until `accept`. */
async function pulled(session: StdioSession, refreshes: () => Promise<void>, uri: string, accept: (d: Diagnostic[]) => boolean) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const refreshed = refreshes();
    const report = await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    if (accept(items)) return items;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`diagnostics of ${uri} not as expected: ${JSON.stringify(items)}`);
    await Promise.race([refreshed, new Promise((resolve) => setTimeout(resolve, left))]);
  }
}

describe('the stdio server with a workspace folder: an InstanceGroup checked against the Cluster of another file', function () {
  this.timeout(60_000);
  const folders: string[] = [];
  after(() => folders.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('a client that pulls: the error shows in nodes.yaml, and goes away as the Cluster is edited in the editor', async function () {
    const { root, uri } = workspaceFolder();
    folders.push(root);
    const session = await start(root, withRefresh(editorCapabilities(true)));
    let refreshed: () => void = () => undefined;
    let refreshCount = 0;
    session.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      refreshCount++;
      refreshed();
    });
    const nextRefresh = () => new Promise<void>((resolve) => (refreshed = resolve));
    try {
      await open(session, uri('nodes.yaml'), NODES);
      assertMissingSubnet(await pulled(session, nextRefresh, uri('nodes.yaml'), (d) => crossErrors(d).length > 0));

      const refreshesBefore = refreshCount;
      await open(session, uri('cluster.yaml'), CLUSTER);
      await replaceText(session, uri('cluster.yaml'), 2, WITH_SUBNET_1C);
      await pulled(session, nextRefresh, uri('cluster.yaml'), () => true); // as a client pulls the document it edits
      const after = await pulled(session, nextRefresh, uri('nodes.yaml'), (d) => crossErrors(d).length === 0);
      assert.deepEqual(
        after.filter((d) => d.severity === 1),
        [],
      );
      assert.ok(refreshCount > refreshesBefore, 'the server asked the client to pull again');
    } finally {
      assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
    }
    assert.equal(session.stderr(), '', 'nothing on stderr');
  });

  it('a client that is pushed diagnostics: they follow the Cluster on disk, and the editor’s copy while it is open', async function () {
    const { root, uri } = workspaceFolder();
    folders.push(root);
    const session = await start(root, editorCapabilities(false));
    try {
      const first = published(session, uri('nodes.yaml'), (d) => crossErrors(d).length > 0);
      await open(session, uri('nodes.yaml'), NODES);
      assertMissingSubnet(await first);

      const fixedOnDisk = published(session, uri('nodes.yaml'), (d) => crossErrors(d).length === 0);
      writeFileSync(join(root, 'cluster.yaml'), WITH_SUBNET_1C);
      await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: uri('cluster.yaml'), type: FileChangeType.Changed }],
      });
      await fixedOnDisk;

      const editorCopy = published(session, uri('nodes.yaml'), (d) => crossErrors(d).length > 0);
      await open(session, uri('cluster.yaml'), CLUSTER);
      assertMissingSubnet(await editorCopy);

      const closed = published(session, uri('nodes.yaml'), (d) => crossErrors(d).length === 0);
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('cluster.yaml') } });
      await closed;
    } finally {
      assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
    }
  });
});
