import { strict as assert } from 'assert';
import { join } from 'path';
import { pathToFileURL } from 'url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  InsertTextFormat,
  PublishDiagnosticsNotification,
  ShowMessageRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type Position,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { editorCapabilities, startStdioServer, type StdioSession } from '../helpers/stdioClient';
import { positionOf, withCursor } from '../helpers/marker';
import { applyEdits } from '../helpers/applyEdits';
import { shippedBuild } from '../helpers/shippedBuild';

// The command docs/editors.md gives Neovim, Helix and Emacs: `kops-spec-server --stdio`, the shipped server.js.
const REPO = join(__dirname, '..', '..');
const stdioArgs = () => [shippedBuild().server, '--stdio'];

const SPEC = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: stdio.example.com
spec:
  kubernetesVersion: 1.32.4
  kubeProxy:
    enabled: true
  networking:
    cilium:
      enableNodePort: true
`;
const HALF_TYPED = withCursor(`apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: typing.example.com
spec:
  networking:
    cilium:
      <|>
`);
const NODEPORT_CODE = 'cilium-nodeport-kubeproxy';
const specUri = pathToFileURL(join(REPO, 'stdio-fixture', 'cluster.yaml')).href;
const halfTypedUri = pathToFileURL(join(REPO, 'stdio-fixture', 'typing.yaml')).href;
const emptyUri = pathToFileURL(join(REPO, 'stdio-fixture', 'new.yaml')).href;
const editedUri = pathToFileURL(join(REPO, 'stdio-fixture', 'edited.yaml')).href;

async function open(session: StdioSession, uri: string, text: string): Promise<void> {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
}

/** Resolves with the first publishDiagnostics for `uri` that satisfies `accept`. */
function published(session: StdioSession, uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return new Promise((resolve) => {
    session.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      if (params.uri === uri && accept(params.diagnostics)) resolve(params.diagnostics);
    });
  });
}

const itemsOf = (result: CompletionItem[] | CompletionList | null): CompletionItem[] =>
  Array.isArray(result) ? result : (result?.items ?? []);

const labels = (result: CompletionItem[] | CompletionList | null): string[] => itemsOf(result).map((item) => item.label);

/** The edits a workspace edit makes to one document, in either of its two shapes. */
const editsFor = (edit: WorkspaceEdit | undefined, uri: string): TextEdit[] => [
  ...(edit?.changes?.[uri] ?? []),
  ...(edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])),
];

const symbolNames = (symbols: DocumentSymbol[]): string[] =>
  symbols.flatMap((s) => [s.name, ...(s.detail ? [s.detail] : []), ...symbolNames(s.children ?? [])]);

describe('kops-spec-server --stdio with a plain LSP client', function () {
  this.timeout(60000);

  describe('client with pull diagnostics', function () {
    let session: StdioSession;
    let nodePortDiagnostic: Diagnostic | undefined;

    before(async function () {
      session = await startStdioServer(process.execPath, stdioArgs(), editorCapabilities(true));
      await open(session, specUri, SPEC);
      await open(session, halfTypedUri, HALF_TYPED.text);
      await open(session, emptyUri, '');
    });
    after(async function () {
      if (session) assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
    });

    it('initializes and advertises what it serves', function () {
      const caps = session.initialize.capabilities;
      assert.equal(session.initialize.serverInfo?.name, 'kops-spec');
      assert.ok(caps.completionProvider, 'completionProvider');
      assert.ok(caps.hoverProvider, 'hoverProvider');
      assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
      assert.ok(caps.codeActionProvider, 'codeActionProvider');
      assert.ok(caps.diagnosticProvider, 'diagnosticProvider when the client pulls');
    });

    it('completes Cilium keys inside `cilium:`', async function () {
      const result = await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: halfTypedUri },
        position: HALF_TYPED.position,
      });
      assert.ok(labels(result).includes('enableNodePort'), `labels: ${labels(result).slice(0, 20).join(', ')}`);
    });

    it('offers the whole-file starters as snippets in an empty file', async function () {
      const result = await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: emptyUri },
        position: { line: 0, character: 0 },
      });
      const items = itemsOf(result);
      assert.deepEqual(labels(result), ['kops-cluster', 'kops-instancegroup']);
      assert.ok(items.every((item) => item.kind === CompletionItemKind.Snippet && item.insertTextFormat === InsertTextFormat.Snippet));
    });

    /** Runs a scenario item's command; resolves with the edit the server then asks the client to apply, if any. */
    const runCommand = async (item: CompletionItem): Promise<ApplyWorkspaceEditParams | undefined> => {
      let asked: ApplyWorkspaceEditParams | undefined;
      const handler = session.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        asked = params;
        return { applied: true };
      });
      assert.ok(item.command, `${item.label} carries a command`);
      await session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: item.command.command,
        arguments: item.command.arguments,
      });
      handler.dispose();
      return asked;
    };
    const change = async (uri: string, version: number, start: Position, end: Position, text: string) => {
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start, end }, text }],
      });
    };

    it('lists a scenario whose command, run once its edit is applied, merges it into the spec at that version', async function () {
      assert.deepEqual(session.initialize.capabilities.executeCommandProvider?.commands, ['kopsSpec.mergeScenario']);
      await open(session, editedUri, HALF_TYPED.text);
      const result = await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: editedUri },
        position: HALF_TYPED.position,
      });
      const nodePort = itemsOf(result).find((item) => item.label === 'kops-cilium-nodeport');
      assert.ok(nodePort?.textEdit && 'range' in nodePort.textEdit && !nodePort.additionalTextEdits, 'listed with its own edit only');
      const { line, character } = HALF_TYPED.position;
      const typed = 'kops-cilium-n';
      await change(editedUri, 2, HALF_TYPED.position, HALF_TYPED.position, typed);
      await change(editedUri, 3, HALF_TYPED.position, { line, character: character + typed.length }, '');
      const asked = await runCommand(nodePort);
      const edit = asked?.edit.documentChanges?.[0];
      assert.ok(edit && 'textDocument' in edit, 'one versioned edit of the document');
      assert.deepEqual(edit.textDocument, { uri: editedUri, version: 3 });
      const merged = applyEdits(HALF_TYPED.text, edit.edits);
      assert.match(merged, /\n {4}cilium:\n {6}enableNodePort: true\n {2}kubeProxy:\n {4}enabled: false\n$/);
    });

    it('merges nothing, and says so, once the document changed elsewhere since the list', async function () {
      const result = await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: halfTypedUri },
        position: HALF_TYPED.position,
      });
      const nodePort = itemsOf(result).find((item) => item.label === 'kops-cilium-nodeport');
      assert.ok(nodePort, 'kops-cilium-nodeport listed');
      const shown = new Promise<string>((resolve) =>
        session.connection.onRequest(ShowMessageRequest.type, (m) => {
          resolve(m.message);
          return null;
        }),
      );
      await change(halfTypedUri, 2, { line: 0, character: 0 }, { line: 0, character: 0 }, '# a new first line\n');
      assert.equal(await runCommand(nodePort), undefined, 'no edit asked for');
      assert.match(await shown, /^kops-cilium-nodeport was not merged: the spec changed/);
    });

    it('hovers enableNodePort with the Cilium documentation link', async function () {
      const result = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: specUri },
        position: positionOf(SPEC, 'enableNodePort', 3),
      });
      const value = (result?.contents as MarkupContent | undefined)?.value ?? '';
      assert.match(value, /docs\.cilium\.io/);
    });

    it('answers textDocument/diagnostic with the NodePort/kube-proxy violation', async function () {
      const report = await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: specUri } });
      assert.equal(report.kind, 'full');
      const items = report.kind === 'full' ? report.items : [];
      nodePortDiagnostic = items.find((d) => d.code === NODEPORT_CODE);
      assert.ok(nodePortDiagnostic, `codes: ${items.map((d) => d.code).join(', ')}`);
      assert.equal(nodePortDiagnostic.source, 'kops-spec');
    });

    it('outlines the Cluster', async function () {
      const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: specUri } });
      assert.deepEqual(symbolNames((symbols ?? []) as DocumentSymbol[]), ['stdio.example.com', 'Cluster', 'cilium', 'networking provider']);
    });

    it('offers a quick fix for the NodePort/kube-proxy violation', async function () {
      assert.ok(nodePortDiagnostic, 'needs the diagnostic from the pull test');
      const actions = await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: specUri },
        range: nodePortDiagnostic.range,
        context: { diagnostics: [nodePortDiagnostic], only: ['quickfix'] },
      });
      const preferred = (actions ?? []).find((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && !!a.isPreferred);
      assert.ok(preferred, `actions: ${JSON.stringify(actions)}`);
      assert.equal(applyEdits(SPEC, editsFor(preferred.edit, specUri)), SPEC.replace('enabled: true', 'enabled: false'));
    });
  });

  describe('client without pull diagnostics', function () {
    it('pushes publishDiagnostics on open and exits cleanly', async function () {
      const session = await startStdioServer(process.execPath, stdioArgs(), editorCapabilities(false));
      try {
        assert.equal(session.initialize.capabilities.diagnosticProvider, undefined);
        const diagnostics = published(session, specUri, (d) => d.length > 0);
        await open(session, specUri, SPEC);
        const codes = (await diagnostics).map((d) => d.code);
        assert.ok(codes.includes(NODEPORT_CODE), `codes: ${codes.join(', ')}`);
      } finally {
        assert.equal(await session.stop(), 0, `server exit code; stderr:\n${session.stderr()}`);
      }
      assert.equal(session.stderr(), '', 'nothing on stderr');
    });
  });
});
