/** Custom LSP messages, defined once and bundled into both the client and the server. */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CiliumEncryptionInfo } from './engine/features/ciliumEncryption';
import type { InsertCiliumEtcdResult } from './engine/features/etcd/insertCiliumEtcd';
import { SHOW_MIGRATION_GUIDE } from './engine/features/migration/action';
import type { Position } from './engine/types';

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
export namespace InsertCiliumEtcdRequest {
  export const method = 'kopsSpec/insertCiliumEtcd';
  export const type = new RequestType<DocumentRequestParams, InsertCiliumEtcdResult, void>(method);
}

/** What the IPsec key command needs to know about the Cluster: name, kops version, encryption settings. */
export namespace CiliumEncryptionInfoRequest {
  export const method = 'kopsSpec/ciliumEncryptionInfo';
  export const type = new RequestType<DocumentRequestParams, CiliumEncryptionInfo, void>(method);
}

export const COMMANDS = {
  insertCiliumEtcd: 'kopsSpec.insertCiliumEtcd',
  generateCiliumIpsecKey: 'kopsSpec.generateCiliumIpsecKey',
  showMigrationGuide: SHOW_MIGRATION_GUIDE,
  selectKopsVersion: 'kopsSpec.selectKopsVersion',
  showVersions: 'kopsSpec.showVersions',
} as const;
