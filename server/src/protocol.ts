/**
 * The contract between the extension and the server: custom messages, their payloads and every command id.
 * It imports no engine module, so the client bundles this file and the LSP protocol types only.
 */
import { NotificationType, RequestType, RequestType0, type Position, type TextEdit } from 'vscode-languageserver-protocol';

export interface StatusParams {
  uri: string;
  /** Effective kops version for the file, e.g. `v1.36.2`. */
  kopsVersion: string;
  /** Where the version came from: a `# kops-version:` comment line, the `kopsSpec.kopsVersion` setting, or the built-in newest kops. */
  source: 'comment' | 'setting' | 'default';
  ciliumVersion?: string;
  /** Which Cilium versions the kops release accepts (kops' own wording, e.g. "Only version 1.18 is supported"). */
  ciliumAccepted?: string;
  isKops: boolean;
  /** Set when the version could not be used as written (e.g. an unsupported comment value). */
  problem?: string;
}

/** Sent by the server whenever it has analysed a document. */
export namespace StatusNotification {
  export const method = 'kopsSpec/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface DocumentRequestParams {
  uri: string;
  /** The cursor, to pick the Cluster document of a multi-document file; the first Cluster document otherwise. */
  position?: Position;
}

/** Edits that add the `cilium` etcd cluster and `etcdManaged: true`, or a message saying why nothing changes. */
export type InsertCiliumEtcdResult = { edits: TextEdit[] } | { message: string };

export namespace InsertCiliumEtcdRequest {
  export const method = 'kopsSpec/insertCiliumEtcd';
  export const type = new RequestType<DocumentRequestParams, InsertCiliumEtcdResult, void>(method);
}

/** What the IPsec key command needs to know about the spec. The key itself never reaches the server. */
export interface CiliumEncryptionInfo {
  /** metadata.name: the cluster `kops create secret ciliumpassword --name` needs. */
  clusterName?: string;
  kopsVersion: string;
  /** kops v1.22 and newer also offer WireGuard, which needs no secret. */
  wireGuardAvailable: boolean;
  encryptionType?: string;
  enableEncryption: boolean;
  /** Edits that add `enableEncryption: true` and `encryptionType: ipsec` where missing; empty when nothing is missing. */
  settingsEdits: TextEdit[];
  /** Set when the file has no usable Cluster document. */
  problem?: string;
}

export namespace CiliumEncryptionInfoRequest {
  export const method = 'kopsSpec/ciliumEncryptionInfo';
  export const type = new RequestType<DocumentRequestParams, CiliumEncryptionInfo, void>(method);
}

/** Every kops release the server knows, patch-exact and newest first (`v1.36.2`, `v1.36.1`, …, `v1.18.0`), for the version picker. */
export namespace KopsReleasesRequest {
  export const method = 'kopsSpec/kopsReleases';
  export const type = new RequestType0<string[], void>(method);
}

/**
 * Run by the server itself (workspace/executeCommand): a Cilium scenario's completion item runs it once the editor
 * has applied the item, and the server answers with workspace/applyEdit. Its one argument is ScenarioItemData.
 */
export const MERGE_SCENARIO_COMMAND = 'kopsSpec.mergeScenario';

/** Commands the server names in code actions, by the engine's name for them. */
export const SERVER_COMMANDS = {
  showMigrationGuide: 'kopsSpec.showMigrationGuide',
  /** VS Code's own command; it opens an https link given as a string. */
  openLink: 'vscode.open',
} as const;
export type ServerCommand = keyof typeof SERVER_COMMANDS;

export const COMMANDS = {
  ...SERVER_COMMANDS,
  insertCiliumEtcd: 'kopsSpec.insertCiliumEtcd',
  generateCiliumIpsecKey: 'kopsSpec.generateCiliumIpsecKey',
  selectKopsVersion: 'kopsSpec.selectKopsVersion',
  showVersions: 'kopsSpec.showVersions',
  /** Internal: applies a quick fix's edit only while the document is at the version it was computed for. */
  applyFixIfUnchanged: 'kopsSpec.applyFixIfUnchanged',
} as const;
