import { pathToFileURL } from 'url';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { shippedBuild } from './shippedBuild';
import { editorCapabilities, startStdioServer, type StdioSession } from './stdioClient';

/** What the hostile workspace suites do to the shipped server over stdio, as an editor client would. */

/** The bound for another request while the server works on something hostile. */
export const RESPONSIVE_MS = 1000;
export const CROSS_CODE = 'kops-instancegroup-cluster';

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface WorkspaceSession extends StdioSession {
  /** Messages the server logged at error level (a failure it caught). */
  errorLogs: string[];
}

/** The shipped server over stdio with one workspace folder, a client that is pushed diagnostics. */
export async function startWorkspaceServer(root: string): Promise<WorkspaceSession> {
  const session = await startStdioServer(process.execPath, [shippedBuild().server, '--stdio'], editorCapabilities(false), {
    workspaceFolders: [{ uri: uriOf(root), name: 'hostile' }],
  });
  const errorLogs: string[] = [];
  session.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
    if (type === MessageType.Error) errorLogs.push(message);
  });
  return { ...session, errorLogs };
}

export const openDocument = (session: StdioSession, path: string, text: string): Promise<void> =>
  session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: uriOf(path), languageId: 'yaml', version: 1, text },
  });

export const replaceDocument = (session: StdioSession, path: string, version: number, text: string): Promise<void> =>
  session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uriOf(path), version },
    contentChanges: [{ text }],
  });

export const closeDocument = (session: StdioSession, path: string): Promise<void> =>
  session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(path) } });

const EVENT_TYPES = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };

/** What a client's file watcher reports, in one notification. */
export const fileEvents = (session: StdioSession, events: Array<[keyof typeof EVENT_TYPES, string]>): Promise<void> =>
  session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: events.map(([kind, path]) => ({ uri: uriOf(path), type: EVENT_TYPES[kind] })),
  });

/** Resolves with the first publishDiagnostics for `path` that `accept` likes; rejects after `waitMs`. */
export function published(
  session: StdioSession,
  path: string,
  accept: (d: Diagnostic[]) => boolean,
  waitMs = 60_000,
): Promise<Diagnostic[]> {
  const uri = uriOf(path);
  let last: Diagnostic[] | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics for ${uri} as expected within ${waitMs} ms; last: ${JSON.stringify(last?.slice(0, 5))}`));
    }, waitMs);
    const listener = session.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== uri) return;
      last = params.diagnostics;
      if (!accept(params.diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(params.diagnostics);
    });
  });
}

export const crossErrors = (diagnostics: readonly Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.code === CROSS_CODE);

/** An open document and a position in it that another request (hover, then completion) is asked about. */
export interface Probe {
  path: string;
  position: Position;
}

/**
 * Asks hover and completion at `probe`, one after the other, until `until` settles; resolves with what it
 * settled to and the slowest answer in milliseconds. Every answer must be non-empty.
 */
export async function answeredWhile<T>(session: StdioSession, probe: Probe, until: Promise<T>): Promise<{ value: T; slowestMs: number }> {
  let settled = false;
  const done = until.finally(() => (settled = true));
  const textDocument = { uri: uriOf(probe.path) };
  let slowestMs = 0;
  for (let i = 0; !settled; i++) {
    const started = Date.now();
    const answer =
      i % 2 === 0
        ? await session.connection.sendRequest(HoverRequest.type, { textDocument, position: probe.position })
        : await session.connection.sendRequest(CompletionRequest.type, { textDocument, position: probe.position });
    slowestMs = Math.max(slowestMs, Date.now() - started);
    if (!answer) throw new Error(`${i % 2 === 0 ? 'hover' : 'completion'} at ${JSON.stringify(probe)} answered nothing`);
  }
  return { value: await done, slowestMs };
}
