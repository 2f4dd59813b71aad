import { strict as assert } from 'assert';
import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { HOSTILE, textOf } from '../fuzz/hostileFiles';
import { positionOf } from '../helpers/marker';
import { shippedBuild } from '../helpers/shippedBuild';
import { editorCapabilities, startStdioServer, type StdioSession } from '../helpers/stdioClient';

/**
 * The shipped server.js over stdio while a hostile file is open: another document's hover is still
 * answered within the bound of one second (a hang guard: it takes milliseconds), and the hostile file
 * gets the one diagnostic that says what was not analysed.
 */

const REPO = join(__dirname, '..', '..');
const RESPONSIVE_MS = 1000;

const SPEC =
  'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: calm.example.com\nspec:\n  networking:\n    cilium:\n      enableNodePort: true\n';
const specUri = pathToFileURL(join(REPO, 'hostile-fixture', 'calm.yaml')).href;

function open(session: StdioSession, uri: string, text: string): Promise<void> {
  return session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
}

/** Resolves with the first non-empty publishDiagnostics for `uri`. */
function published(session: StdioSession, uri: string): Promise<Diagnostic[]> {
  return new Promise((resolve) => {
    session.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      if (params.uri === uri && params.diagnostics.length) resolve(params.diagnostics);
    });
  });
}

async function hoverTime(session: StdioSession): Promise<{ ms: number; text: string }> {
  const started = Date.now();
  const result = await session.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: specUri },
    position: positionOf(SPEC, 'enableNodePort', 3),
  });
  return { ms: Date.now() - started, text: (result?.contents as MarkupContent | undefined)?.value ?? '' };
}

describe('the stdio server with hostile files open', function () {
  this.timeout(120_000);
  let session: StdioSession;

  before(async function () {
    session = await startStdioServer(process.execPath, [shippedBuild().server, '--stdio'], editorCapabilities(false));
    await open(session, specUri, SPEC);
    assert.match((await hoverTime(session)).text, /enableNodePort|NodePort/);
  });
  after(async function () {
    if (session) assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
  });

  for (const [i, h] of HOSTILE.entries()) {
    it(`${h.name}: another document's hover is answered at once; one diagnostic says what was skipped`, async function () {
      const uri = pathToFileURL(join(REPO, 'hostile-fixture', `hostile-${i}.yaml`)).href;
      const diagnostics = published(session, uri);
      await open(session, uri, textOf(h.make()));
      const hover = await hoverTime(session);
      assert.ok(hover.ms <= RESPONSIVE_MS, `hover answered after ${hover.ms} ms`);
      assert.match(hover.text, /enableNodePort|NodePort/);
      const limits = (await diagnostics).filter((d) => d.code === h.code);
      assert.equal(limits.length, 1, JSON.stringify((await diagnostics).map((d) => d.message)));
      assert.match(limits[0].message, h.message);
    });
  }
});
