/** Custom LSP messages, defined once and bundled into both the client and the server. */
import { NotificationType } from 'vscode-languageserver-protocol';

export interface StatusParams {
  uri: string;
  /** Effective kops version for the file, e.g. `v1.36.2`. */
  kopsVersion: string;
  /** Where the version came from: a `# kops-version:` comment line, the `kopsSpec.kopsVersion` setting, or the built-in newest kops. */
  source: 'comment' | 'setting' | 'default';
  ciliumVersion?: string;
  isKops: boolean;
  /** Set when the version could not be used as written (e.g. an unsupported comment value). */
  problem?: string;
}

/** Sent by the server whenever it has analysed a document. */
export namespace StatusNotification {
  export const method = 'kopsSpec/status';
  export const type = new NotificationType<StatusParams>(method);
}
