// One spawned language server, initialized the way an editor does it, with the documents it has open.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { CLIENT_CAPABILITIES, type ServerSpec } from './servers';
import type { Position } from '../mkfixtures';

export interface ServerCapabilities {
  textDocumentSync?: number | { change?: number };
  completionProvider?: unknown;
  hoverProvider?: unknown;
  documentSymbolProvider?: unknown;
  [other: string]: unknown;
}

export interface StartedServer {
  client: LspClient;
  capabilities: ServerCapabilities;
  serverInfo: { name?: string; version?: string };
  /** Spawn → `initialize` answered (the request is written right after spawning). */
  initializeMs: number;
}

export async function startServer(spec: ServerSpec, workspaceDir: string): Promise<StartedServer> {
  const client = new LspClient(spec.command, (method, params) => {
    if (method !== 'workspace/configuration') return null;
    return (params as { items: Array<{ section?: string }> }).items.map((it) => spec.settings[it.section ?? ''] ?? null);
  });
  const workspace = pathToFileURL(workspaceDir).href;
  const result = await client.request<{ capabilities: ServerCapabilities; serverInfo?: { name?: string; version?: string } }>(
    'initialize',
    {
      processId: process.pid,
      clientInfo: { name: 'kops-spec-bench' },
      rootUri: workspace,
      workspaceFolders: [{ uri: workspace, name: 'fixtures' }],
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: spec.settings,
    },
    30_000,
  );
  const initializeMs = performance.now() - client.spawnedAt;
  client.notify('initialized', {});
  return { client, capabilities: result.capabilities ?? {}, serverInfo: result.serverInfo ?? {}, initializeMs };
}

/** Peak resident set size of the server process (VmHWM), in MB; undefined off Linux or after exit. */
export function peakRssMB(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** An open text document whose one edit site (end of a line) toggles a trailing space. */
export class OpenDocument {
  private version = 1;
  private spaced = false;
  private readonly editOffset: number;

  constructor(
    private readonly server: StartedServer,
    readonly uri: string,
    private text: string,
    private readonly editAt: Position,
  ) {
    const lines = text.split('\n');
    this.editOffset = lines.slice(0, editAt.line).reduce((n, l) => n + l.length + 1, 0) + editAt.character;
  }

  open(): void {
    this.server.client.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: 'yaml', version: this.version, text: this.text },
    });
  }

  close(): void {
    this.server.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  /** Adds or removes one trailing space at the edit site, as the smallest change an editor sends. */
  toggleEdit(): void {
    const { line, character } = this.editAt;
    const at = { line, character };
    const change = this.spaced
      ? { range: { start: at, end: { line, character: character + 1 } }, rangeLength: 1, text: '' }
      : { range: { start: at, end: at }, rangeLength: 0, text: ' ' };
    this.text = this.spaced
      ? this.text.slice(0, this.editOffset) + this.text.slice(this.editOffset + 1)
      : this.text.slice(0, this.editOffset) + ' ' + this.text.slice(this.editOffset);
    this.spaced = !this.spaced;
    this.version++;
    const contentChanges = this.incremental() ? [change] : [{ text: this.text }];
    this.server.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges });
  }

  private incremental(): boolean {
    const sync = this.server.capabilities.textDocumentSync;
    return (typeof sync === 'number' ? sync : sync?.change) === 2;
  }
}
