import type { InitializeParams } from 'vscode-languageserver/node';

/** What the client said at `initialize` that changes how the server talks to it. */
export interface ClientSupport {
  /** The client pulls diagnostics (textDocument/diagnostic); otherwise they are pushed. */
  pullDiagnostics: boolean;
  /** The client takes workspace/diagnostic/refresh. */
  diagnosticsRefresh: boolean;
  /** The client watches the YAML files itself and says so (our VS Code extension); other clients are asked to. */
  watchesYaml: boolean;
  /** The client takes a dynamically registered file watcher. */
  watchedFilesRegistration: boolean;
  /** The workspace folders at start (else the root URI). */
  initialFolders: string[];
  /** The client sends workspace folder changes. */
  folderEvents: boolean;
  /** The client takes versioned edits in workspace/applyEdit (then a stale one is refused). */
  documentChanges: boolean;
  /** Red Hat YAML already reports YAML syntax errors in this editor: do not say the same thing twice. */
  yamlSyntaxElsewhere: boolean;
}

export function clientSupport(params: InitializeParams): ClientSupport {
  const { capabilities } = params;
  const options = params.initializationOptions as { yamlSyntaxByRedHatYaml?: unknown; watchesYamlFiles?: unknown } | undefined;
  return {
    pullDiagnostics: !!capabilities.textDocument?.diagnostic,
    diagnosticsRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    watchesYaml: options?.watchesYamlFiles === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    initialFolders: params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []),
    folderEvents: capabilities.workspace?.workspaceFolders === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    yamlSyntaxElsewhere: options?.yamlSyntaxByRedHatYaml === true,
  };
}
