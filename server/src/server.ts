import {
  CodeActionKind, createConnection, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileStore } from './connection/fileStore';
import { toCodeAction, toCompletionItem, toDiagnostic, toDocumentSymbol, toHover } from './connection/convert';
import { codeActions } from './engine/codeActions';
import { ciliumEncryptionInfo } from './engine/commands/ciliumEncryption';
import { insertCiliumEtcd } from './engine/commands/insertCiliumEtcd';
import { complete } from './engine/completion';
import { hover } from './engine/hover';
import { fileStatus } from './engine/status';
import { outline } from './engine/symbols';
import { diagnose } from './engine/diagnostics';
import { effectiveKopsVersion, type EngineSettings } from './engine/effectiveVersion';
import type { ParsedFile } from './engine/documents';
import { CiliumEncryptionInfoRequest, InsertCiliumEtcdRequest, StatusNotification } from './protocol';

// The LSP connection only: every answer comes from the transport-free engine.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new FileStore();
let settings: EngineSettings = {};
let pullDiagnostics = false;
/** Red Hat YAML already reports YAML syntax errors in this editor: do not say the same thing twice. */
let yamlSyntaxElsewhere = false;

function parsed(uri: string): ParsedFile | undefined {
  const doc = documents.get(uri);
  return doc && store.get(uri, doc.version, () => doc.getText());
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  settings = readSettings(params.initializationOptions);
  yamlSyntaxElsewhere = (params.initializationOptions as { yamlSyntaxByRedHatYaml?: unknown })?.yamlSyntaxByRedHatYaml === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, CodeActionKind.RefactorRewrite] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'kops-spec', version: '0.1.0' },
  };
});

function readSettings(raw: unknown): EngineSettings {
  const section = (raw as { kopsSpec?: unknown })?.kopsSpec ?? raw;
  const version = (section as { kopsVersion?: unknown })?.kopsVersion;
  return typeof version === 'string' && version.trim() ? { kopsVersion: version } : {};
}

connection.onDidChangeConfiguration((change) => {
  settings = readSettings(change.settings);
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) publish(d.uri);
});

function analyse(uri: string) {
  const file = parsed(uri);
  if (!file) return [];
  const eff = effectiveKopsVersion(file, settings);
  const status = fileStatus(file, eff);
  connection.sendNotification(StatusNotification.type, {
    uri, ...status, kopsVersion: eff.version.text, source: eff.source, problem: eff.problem?.message,
  });
  if (!status.isKops) return [];
  const findings = diagnose(file, eff);
  return (yamlSyntaxElsewhere ? findings.filter((f) => f.code !== 'yaml-syntax') : findings).map(toDiagnostic);
}

function publish(uri: string): void {
  connection.sendDiagnostics({ uri, diagnostics: analyse(uri) });
}

connection.languages.diagnostics.on((params) => ({
  kind: DocumentDiagnosticReportKind.Full,
  items: analyse(params.textDocument.uri),
}));

connection.onCompletion(({ textDocument, position }) => {
  const file = parsed(textDocument.uri);
  return file ? complete(file, position, effectiveKopsVersion(file, settings)).map(toCompletionItem) : [];
});

connection.onHover(({ textDocument, position }) => {
  const file = parsed(textDocument.uri);
  const result = file && hover(file, position, effectiveKopsVersion(file, settings));
  return result ? toHover(result) : null;
});

connection.onDocumentSymbol(({ textDocument }) => {
  const file = parsed(textDocument.uri);
  return file ? outline(file).map(toDocumentSymbol) : [];
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const file = parsed(textDocument.uri);
  const doc = documents.get(textDocument.uri);
  if (!file || !doc) return [];
  const eff = effectiveKopsVersion(file, settings);
  const actions = codeActions(file, eff, range, diagnose(file, eff));
  const wanted = context.only;
  return actions
    .filter((a) => !wanted || wanted.some((kind) => a.kind === kind || a.kind.startsWith(`${kind}.`)))
    .map((a) => toCodeAction(a, { uri: doc.uri, version: doc.version }, context.diagnostics));
});

connection.onRequest(InsertCiliumEtcdRequest.type, ({ uri, position }) => {
  const file = parsed(uri);
  return file ? insertCiliumEtcd(file, effectiveKopsVersion(file, settings), position) : { message: 'The document is not open.' };
});

connection.onRequest(CiliumEncryptionInfoRequest.type, ({ uri, position }) => {
  const file = parsed(uri);
  if (!file) throw new Error('The document is not open.');
  return ciliumEncryptionInfo(file, effectiveKopsVersion(file, settings), position);
});

documents.onDidChangeContent((e) => { if (!pullDiagnostics) publish(e.document.uri); });
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
