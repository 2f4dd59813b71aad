import { spawn, type ChildProcess } from 'child_process';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type WorkspaceFolder,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** A language server started as a plain LSP client in another editor would: a process speaking JSON-RPC on stdio. */
export interface StdioSession {
  connection: ProtocolConnection;
  initialize: InitializeResult;
  process: ChildProcess;
  stderr(): string;
  /** shutdown request, exit notification; resolves with the process's exit code. */
  stop(): Promise<number | null>;
}

export async function startStdioServer(
  command: string,
  args: readonly string[],
  capabilities: ClientCapabilities,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; workspaceFolders?: WorkspaceFolder[] } = {},
): Promise<StdioSession> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: options.workspaceFolders ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    initialize,
    process: child,
    stderr: () => stderr,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** What a typical editor client declares: markdown hover/completion docs, hierarchical symbols, quick fixes. */
export function editorCapabilities(pullDiagnostics: boolean): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
      publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: { configuration: false, workspaceFolders: false, applyEdit: true, workspaceEdit: { documentChanges: true } },
  };
}
