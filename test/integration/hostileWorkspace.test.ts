import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { WORKSPACE_FIXTURE } from '../helpers/fixturePaths';
import { positionOf } from '../helpers/marker';
import { shippedBuild } from '../helpers/shippedBuild';
import { editorCapabilities, startStdioServer, type StdioSession } from '../helpers/stdioClient';

/**
 * The shipped server over stdio with a workspace folder holding thousands of YAML files next to the specs: the
 * open InstanceGroup's diagnostics come at once, hover is answered while the huge folder is indexed (the bound is
 * a hang guard, as in hostileServer.test.ts: it takes milliseconds), the huge folder is read only in part (and
 * the log says so), and the Cluster in the folder after it is still found.
 */

const RESPONSIVE_MS = 1000;
const BULK_FILES = 3000;
const NODES = readFileSync(join(WORKSPACE_FIXTURE, 'nodes.yaml'), 'utf8');
const bulkGroup = (i: number) => NODES.replace('name: nodes', `name: bulk-${i}`).replace('workspace.example.com', `bulk-${i}.example.com`);

describe('the stdio server with a workspace of thousands of YAML files', function () {
  this.timeout(120_000);
  let root: string;
  let session: StdioSession;
  const logs: string[] = [];

  before(async function () {
    root = mkdtempSync(join(tmpdir(), 'kops-spec-bulk-'));
    mkdirSync(join(root, 'bulk'));
    mkdirSync(join(root, 'instancegroups'));
    mkdirSync(join(root, 'zz-clusters'));
    for (let i = 0; i < BULK_FILES; i++) writeFileSync(join(root, 'bulk', `group-${String(i).padStart(4, '0')}.yaml`), bulkGroup(i));
    writeFileSync(join(root, 'zz-clusters', 'cluster.yaml'), readFileSync(join(WORKSPACE_FIXTURE, 'cluster.yaml')));
    writeFileSync(join(root, 'instancegroups', 'nodes.yaml'), NODES);
    session = await startStdioServer(process.execPath, [shippedBuild().server, '--stdio'], editorCapabilities(false), {
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bulk' }],
    });
    session.connection.onNotification(LogMessageNotification.type, ({ message }) => logs.push(message));
  });
  after(async function () {
    if (session) assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
    rmSync(root, { recursive: true, force: true });
  });

  it('checks the open file at once and stays responsive while indexing, then finds its Cluster past the huge folder', async function () {
    const uri = pathToFileURL(join(root, 'instancegroups', 'nodes.yaml')).href;
    const publishes: Array<{ ms: number; diagnostics: Diagnostic[] }> = [];
    const opened = Date.now();
    const crossFound = new Promise<void>((resolve) => {
      session.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri: published, diagnostics }) => {
        if (published !== uri) return;
        publishes.push({ ms: Date.now() - opened, diagnostics });
        if (diagnostics.some((d) => d.code === 'kops-instancegroup-cluster')) resolve();
      });
    });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: NODES },
    });
    let found = false;
    void crossFound.then(() => (found = true));
    const hoverTimes: number[] = [];
    while (!found) {
      const started = Date.now();
      const hover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionOf(NODES, 'machineType'),
      });
      hoverTimes.push(Date.now() - started);
      assert.ok(hover, 'hover answered');
      assert.ok(Date.now() - opened < 60_000, `no cross-file finding after a minute; publishes: ${JSON.stringify(publishes)}`);
    }
    assert.ok(publishes[0].ms <= RESPONSIVE_MS, `first diagnostics after ${publishes[0].ms} ms`);
    assert.ok(Math.max(...hoverTimes) <= RESPONSIVE_MS, `hover times while indexing: ${hoverTimes.join(', ')} ms`);
    assert.ok(
      logs.some((m) => /holds more than 1000 YAML files/.test(m) && m.includes(root)),
      `logs: ${logs.join('\n')}`,
    );
    assert.equal(session.stderr(), '');
  });
});
