// The two language servers under test and what the harness tells them when they ask.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';

export type ServerId = 'ours' | 'yls';

export interface ServerSpec {
  id: ServerId;
  label: string;
  command: string[];
  /** Answers to `workspace/configuration`, by section; unknown sections get `null`. */
  settings: Record<string, unknown>;
  /** How long a server may keep publishing after a change (debounce), for `settle`. */
  quietMs: number;
}

export const ROOT = path.resolve(__dirname, '..', '..');
export const DEPS_DIR = path.join(ROOT, 'bench', '.deps');
export const YLS_BIN = path.join(DEPS_DIR, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
export const SCHEMA_FILE = path.join(DEPS_DIR, 'schema', 'kops.schema.json');

export function oursServer(nodeArgs: string[] = []): ServerSpec {
  return {
    id: 'ours',
    label: 'kops-spec',
    // Started with node's options as the bin's `#!` line and the VS Code client start it.
    command: [process.execPath, ...NODE_ARGS, ...nodeArgs, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
    settings: { kopsSpec: {} },
    quietMs: 100,
  };
}

export function yamlLanguageServer(): ServerSpec {
  return {
    id: 'yls',
    label: 'yaml-language-server',
    command: [process.execPath, YLS_BIN, '--stdio'],
    settings: {
      yaml: {
        schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.kops.yaml'] },
        validate: true,
        hover: true,
        completion: true,
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        maxItemsComputed: 5000,
      },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: { tabSize: 2, insertSpaces: true },
    },
    quietMs: 400, // 200 ms validation debounce plus slack
  };
}

/** What VS Code declares, minus pull diagnostics: the harness times pushed `publishDiagnostics`. */
export const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
  window: { workDoneProgress: true },
};
