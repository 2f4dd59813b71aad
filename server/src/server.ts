import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher, DiagnosticsService, EDIT_QUIET_MS, type Checked } from './session/diagnosticsService';
import { FileStore, type Snapshot } from './session/fileStore';
import { Workspace } from './session/workspace';
import { answered } from './session/timeSlice';
import {
  listedAt,
  scenarioItemData,
  stillListedIn,
  toCodeAction,
  toCompletionItem,
  toDiagnostic,
  toDocumentSymbol,
  toHover,
} from './lspConvert';
import {
  ciliumEncryptionInfo,
  codeActions,
  complete,
  effectiveKopsVersion,
  errorReport,
  fileStatus,
  guarded,
  guardedAsync,
  hover,
  insertCiliumEtcd,
  knownKopsReleases,
  outline,
  scenarioMerge,
  type EffectiveVersion,
  type EngineSettings,
  type ErrorSink,
  type FileStatus,
  type ParsedFile,
} from './engine';
import {
  CiliumEncryptionInfoRequest,
  InsertCiliumEtcdRequest,
  KopsReleasesRequest,
  MERGE_SCENARIO_COMMAND,
  StatusNotification,
} from './protocol';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';
import { clientSupport, type ClientSupport } from './clientSupport';
import { heapFor } from './startup/heapTuning';

// The LSP connection only: every answer comes from the transport-free engine.
const connection = createConnection(ProposedFeatures.all);

/** Errors go to the client's log (window/logMessage, error level): the feature, the file and the stack, never its text. */
const logError: ErrorSink = (error, context) => connection.console.error(errorReport(error, context));
/** Each request is answered inside one guard: what throws is logged, and the request gets its empty answer. */
const guard = <T>(feature: string, uri: string, run: () => Promise<T>, fallback: T): Promise<T> =>
  answered(guardedAsync(logError, { feature, uri }, run, fallback));
// Whatever escapes every guard (a bug in an event handler) is logged too, and the server keeps serving.
process.on('uncaughtException', (error) => logError(error, { feature: 'uncaught exception' }));
process.on('unhandledRejection', (reason) => logError(reason, { feature: 'unhandled promise rejection' }));
const store = new FileStore((uri) => documents.get(uri));
/** Documents whose latest sync was an edit (not their opening), until their diagnostics are scheduled. */
const edited = new Set<string>();
/** Text documents as the editor syncs them; the file store learns how much new text each change brings. */
const documents = new TextDocuments<TextDocument>({
  create: (uri, languageId, version, text) => {
    heapFor(text.length);
    store.opened(uri, text.length);
    return TextDocument.create(uri, languageId, version, text);
  },
  update: (doc, changes, version) => {
    edited.add(doc.uri);
    store.changed(
      doc.uri,
      changes.reduce((n, c) => n + c.text.length, 0),
    );
    return TextDocument.update(doc, changes, version);
  },
});
let settings: EngineSettings = {};
/** The workspace's kops files, which InstanceGroups are linked to their Cluster across. */
const workspace = new Workspace(store, recheckRelated, { error: logError, info: (message) => connection.console.info(message) });
const checker = new DiagnosticsService(store, () => settings, logError, { related: workspace, foreground: workspace.foreground });
const publisher = new DiagnosticsPublisher(
  checker,
  (uri, checked) =>
    guarded(
      logError,
      { feature: 'diagnostics', uri },
      () => {
        const status = sendStatus(uri, checked);
        void connection.sendDiagnostics({ uri, version: checked.snapshot.version, diagnostics: toDiagnostics(uri, checked, status) });
      },
      undefined,
    ),
  workspace.foreground,
);
/** Until `initialize`: a client that pushes nothing and supports nothing optional. */
let client: ClientSupport = clientSupport({ processId: null, rootUri: null, capabilities: {} });

/**
 * The parse of the document's current version (for a request about one `position`, possibly of the part up to
 * it while a big file is still being parsed); undefined when it is closed or the request was cancelled meanwhile.
 */
async function parsed(uri: string, token?: CancellationToken, position?: Position): Promise<Snapshot | undefined> {
  const snapshot = await (position ? store.readyAt(uri, position) : store.ready(uri));
  return token?.isCancellationRequested ? undefined : snapshot;
}

/** Open documents whose related documents changed: push their diagnostics again, or ask a pulling client to pull. */
function recheckRelated(uris: readonly string[]): void {
  if (!client.pullDiagnostics) for (const uri of uris) publisher.schedule(uri);
  else if (client.diagnosticsRefresh) void connection.languages.diagnostics.refresh();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = clientSupport(params);
  settings = readSettings(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: {},
      executeCommandProvider: { commands: [MERGE_SCENARIO_COMMAND] },
      hoverProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, CodeActionKind.RefactorRewrite] },
      // An edit can change another file's diagnostics; the server asks for them itself (recheckRelated), only when they do.
      ...(client.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: TOOL_NAME, version: TOOL_VERSION },
  };
});

connection.onInitialized(() => {
  if (!client.watchesYaml && client.watchedFilesRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
  }
  if (client.folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) =>
      workspace.foldersChanged(
        added.map((f) => f.uri),
        removed.map((f) => f.uri),
      ),
    );
  }
  workspace.foldersChanged(client.initialFolders, []);
});

const FILE_EVENT_KINDS = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
} as const;
connection.onDidChangeWatchedFiles(({ changes }) =>
  workspace.filesChanged(changes.map(({ uri, type }) => ({ uri, kind: FILE_EVENT_KINDS[type] }))),
);

function readSettings(raw: unknown): EngineSettings {
  const section = (raw as { kopsSpec?: unknown })?.kopsSpec ?? raw;
  const version = (section as { kopsVersion?: unknown })?.kopsVersion;
  return typeof version === 'string' && version.trim() ? { kopsVersion: version } : {};
}

connection.onDidChangeConfiguration((change) => {
  settings = readSettings(change.settings);
  if (client.pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) publisher.schedule(d.uri);
});

/** Tells the client the file's kops and Cilium versions; returns the status for the diagnostics that follow. */
function sendStatus(uri: string, { snapshot, eff }: Checked): FileStatus {
  const status = fileStatus(snapshot.file, eff);
  void connection.sendNotification(StatusNotification.type, {
    uri,
    ...status,
    kopsVersion: eff.version.text,
    source: eff.source,
    problem: eff.problem?.message,
  });
  return status;
}

function toDiagnostics(uri: string, { snapshot, findings }: Checked, status: FileStatus) {
  // A kops file whose documents were all skipped (too large, an alias bomb) still gets its one limit warning.
  if (!status.isKops && !snapshot.file.limit) return [];
  return (client.yamlSyntaxElsewhere ? findings.filter((f) => f.code !== 'yaml-syntax') : findings).map((f) => toDiagnostic(f, uri));
}

connection.languages.diagnostics.on(async (params, token) => {
  const uri = params.textDocument.uri;
  const items = await guard(
    'diagnostics',
    uri,
    async () => {
      const checked = await checker.check(uri, () => token.isCancellationRequested);
      if (!checked || token.isCancellationRequested) return [];
      return toDiagnostics(uri, checked, sendStatus(uri, checked));
    },
    [],
  );
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

/**
 * Answers a request about one position from the document's parse (while a big file is still being parsed, from the
 * part up to the position); `fallback` when the document is closed, the request cancelled or the feature fails.
 */
function atPosition<T>(
  feature: string,
  { textDocument, position }: TextDocumentPositionParams,
  token: CancellationToken,
  answer: (file: ParsedFile, position: Position, eff: EffectiveVersion, version: number) => T,
  fallback: T,
): Promise<T> {
  return guard(
    feature,
    textDocument.uri,
    async () => {
      const snapshot = await parsed(textDocument.uri, token, position);
      return snapshot ? answer(snapshot.file, position, effectiveKopsVersion(snapshot.file, settings), snapshot.version) : fallback;
    },
    fallback,
  );
}

connection.onCompletion((params, token) =>
  atPosition(
    'completion',
    params,
    token,
    (file, position, eff, version) => {
      const at = listedAt(params.textDocument.uri, version, position, file);
      return complete(file, position, eff).map((e) => toCompletionItem(e, at));
    },
    [],
  ),
);

/**
 * A scenario item's command, run once the editor has applied the item (which removed the typed word): the merge is
 * computed on the document as it is now and sent back as one edit of that version. The editor only runs it after
 * its own edit, whereas it would drop additional edits resolved late that lie below the cursor.
 */
connection.onExecuteCommand(({ command, arguments: args }, token) => {
  const data = command === MERGE_SCENARIO_COMMAND ? scenarioItemData(args?.[0]) : undefined;
  if (!data) return;
  return guard(
    'scenario merge',
    data.uri,
    async () => {
      const snapshot = await parsed(data.uri, token);
      if (!snapshot || token.isCancellationRequested) return;
      const edits = stillListedIn(data, snapshot.version, snapshot.file)
        ? scenarioMerge(snapshot.file, data.position.line, effectiveKopsVersion(snapshot.file, settings), data.scenario, logError)
        : [];
      if (!edits.length) {
        void connection.window.showWarningMessage(`${data.scenario} was not merged: the spec changed, or it no longer applies there.`);
        return;
      }
      const edit = client.documentChanges
        ? { documentChanges: [TextDocumentEdit.create({ uri: data.uri, version: snapshot.version }, edits)] }
        : { changes: { [data.uri]: edits } };
      await connection.workspace.applyEdit({ label: data.scenario, edit });
    },
    undefined,
  );
});

connection.onHover((params, token) =>
  atPosition(
    'hover',
    params,
    token,
    (file, position, eff) => {
      const result = hover(file, position, eff);
      return result ? toHover(result) : null;
    },
    null,
  ),
);

connection.onDocumentSymbol(({ textDocument }, token) =>
  guard(
    'document symbols',
    textDocument.uri,
    async () => {
      const file = (await parsed(textDocument.uri, token))?.file;
      return file ? outline(file).map(toDocumentSymbol) : [];
    },
    [],
  ),
);

connection.onCodeAction(({ textDocument, range, context }, token) =>
  guard(
    'code actions',
    textDocument.uri,
    async () => {
      const checked = await checker.findings(textDocument.uri, () => token.isCancellationRequested);
      if (!checked || token.isCancellationRequested) return [];
      const {
        snapshot: { file, version },
        eff,
        findings,
      } = checked;
      const wanted = context.only;
      return codeActions(file, eff, range, findings, wanted, logError)
        .filter((a) => !wanted || wanted.some((kind) => a.kind === kind || a.kind.startsWith(`${kind}.`)))
        .map((a) => toCodeAction(a, { uri: textDocument.uri, version }, context.diagnostics));
    },
    [],
  ),
);

connection.onRequest(InsertCiliumEtcdRequest.type, ({ uri, position }) =>
  guard(
    'insert Cilium etcd',
    uri,
    async () => {
      const file = (await parsed(uri))?.file;
      return file
        ? insertCiliumEtcd(file, effectiveKopsVersion(file, settings), position, logError)
        : { message: 'The document is not open.' };
    },
    { message: 'kops Spec failed to compute the edit; the kops Spec output channel has the details.' },
  ),
);

connection.onRequest(CiliumEncryptionInfoRequest.type, async ({ uri, position }) => {
  const info = await guard(
    'Cilium encryption info',
    uri,
    async () => {
      const file = (await parsed(uri))?.file;
      return file && ciliumEncryptionInfo(file, effectiveKopsVersion(file, settings), position, logError);
    },
    null,
  );
  if (info === undefined) throw new Error('The document is not open.');
  if (info === null) throw new Error('kops Spec failed to read the Cilium settings; the kops Spec output channel has the details.');
  return info;
});

connection.onRequest(KopsReleasesRequest.type, () => knownKopsReleases());

documents.onDidChangeContent((e) => {
  // A document just opened is checked at once; an edit once the editor has sent what goes with it.
  const quietMs = edited.delete(e.document.uri) ? EDIT_QUIET_MS : 0;
  if (!client.pullDiagnostics) publisher.schedule(e.document.uri, quietMs);
});
documents.onDidOpen((e) => workspace.opened(e.document.uri));
documents.onDidClose((e) => {
  publisher.cancel(e.document.uri);
  store.delete(e.document.uri);
  workspace.closed(e.document.uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
