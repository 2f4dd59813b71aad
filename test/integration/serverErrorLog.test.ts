import { strict as assert } from 'assert';
import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  type LogMessageParams,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { kopsDocument } from '../helpers/kopsText';
import { positionOf } from '../helpers/marker';
import { shippedBuild } from '../helpers/shippedBuild';
import { editorCapabilities, startStdioServer, type StdioSession } from '../helpers/stdioClient';

/**
 * The server (the shipped bundle over stdio) when a request fails inside a feature: the failure reaches the
 * client's log at error level with the feature, the file and the stack, and the next request is answered.
 * The failing request is a hover whose position is null, which the hover feature cannot read.
 */

const REPO = join(__dirname, '..', '..');
const SECRET = 'c2VjcmV0LWZyb20tdGhlLXNwZWM';
const SPEC = kopsDocument('Cluster', 'log.example.com', [
  '  networking:',
  '    cilium:',
  '      enableNodePort: true',
  `      ipsecKeyComment: ${SECRET}`,
]);
const uri = pathToFileURL(join(REPO, 'error-log-fixture', 'cluster.yaml')).href;

const hover = (session: StdioSession, position: Position | null) =>
  session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position as Position });

describe('the stdio server when a request throws inside a feature', function () {
  this.timeout(60_000);
  let session: StdioSession;
  const logged: LogMessageParams[] = [];

  before(async function () {
    session = await startStdioServer(process.execPath, [shippedBuild().server, '--stdio'], editorCapabilities(true));
    session.connection.onNotification(LogMessageNotification.type, (params) => logged.push(params));
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: SPEC },
    });
  });
  after(async function () {
    if (session) assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
  });

  it('answers the failed request with its empty answer and logs the feature, the file and the stack at error level', async function () {
    assert.equal(await hover(session, null), null);
    const errors = logged.filter((m) => m.type === MessageType.Error);
    assert.equal(errors.length, 1, JSON.stringify(logged));
    const [line] = errors;
    assert.ok(line.message.startsWith(`hover failed for ${uri}: TypeError: `), line.message);
    assert.match(line.message, /\n\s+at /, 'the stack');
    assert.ok(!line.message.includes(SECRET) && !line.message.includes('log.example.com'), 'no document text in the log');
  });

  it('keeps answering the next request', async function () {
    const result = await hover(session, positionOf(SPEC, 'enableNodePort', 3));
    assert.match((result?.contents as MarkupContent | undefined)?.value ?? '', /enableNodePort/);
  });
});
