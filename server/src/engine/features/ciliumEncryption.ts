import { clusterDocument, type ParsedFile } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import { atLeast } from '../kops/releases';
import { ciliumPath, dialectFor } from '../kops/dialect';
import { boolAt, stringAt, structKeysAt } from '../kops/goValues';
import type { Position, TextEdit } from '../types';
import { chainEdits } from '../document/textEdits';
import { rethrow, type ErrorSink } from '../errorBoundary';
import { passesGuard } from './editGuard';

/** What the IPsec key command needs to know about the spec. The key itself never reaches the server. */
export interface CiliumEncryptionInfo {
  /** metadata.name: the cluster `kops create secret ciliumpassword --name` needs. */
  clusterName?: string;
  kopsVersion: string;
  /** kops v1.22 and newer also offer WireGuard, which needs no secret. */
  wireGuardAvailable: boolean;
  encryptionType?: string;
  enableEncryption: boolean;
  /** Edits that add `enableEncryption: true` and `encryptionType: ipsec` where missing; empty when nothing is missing (or the edit guard held them back). */
  settingsEdits: TextEdit[];
  /** Set when the file has no usable Cluster document. */
  problem?: string;
}

export function ciliumEncryptionInfo(
  file: ParsedFile,
  eff: EffectiveVersion,
  position?: Position,
  report: ErrorSink = rethrow,
): CiliumEncryptionInfo {
  const v = eff.version;
  const base = { kopsVersion: v.text, wireGuardAvailable: atLeast(v, '1.22'), enableEncryption: false, settingsEdits: [] };
  const doc = clusterDocument(file, position);
  if (!doc?.kops) return { ...base, problem: 'This file has no kops Cluster document.' };
  const clusterName = stringAt(doc, ['metadata', 'name']);
  const cilium = ciliumPath(dialectFor(doc.kops.apiVersion));
  const usesOther = structKeysAt(doc, ['spec', 'networking']).some((k) => k !== 'cilium');
  const enableEncryption = boolAt(doc, [...cilium, 'enableEncryption']) === true;
  const encryptionType = stringAt(doc, [...cilium, 'encryptionType']);
  const info = { ...base, ...(clusterName ? { clusterName } : {}), enableEncryption, ...(encryptionType ? { encryptionType } : {}) };
  if (usesOther || doc.yaml.errors.length) return info;
  const settings = (from: ParsedFile) => {
    const d = from.documents[file.documents.indexOf(doc)];
    const enabled = boolAt(d, [...cilium, 'enableEncryption']) === true;
    const typed = stringAt(d, [...cilium, 'encryptionType']) !== undefined;
    return (
      chainEdits(from, d, [
        (editor) => (enabled ? [] : editor.set([...cilium, 'enableEncryption'], 'true')),
        (editor) => (typed || !atLeast(v, '1.22') ? [] : editor.set([...cilium, 'encryptionType'], 'ipsec')),
      ]) ?? []
    );
  };
  const edits = settings(file);
  const offer = {
    title: 'Add the IPsec settings to the spec',
    edits,
    touches: [
      [...cilium, 'enableEncryption'],
      [...cilium, 'encryptionType'],
    ],
    again: settings,
  };
  const passes = edits.length === 0 || passesGuard(file, offer, report, { feature: 'Cilium encryption info: edit guard' });
  return { ...info, settingsEdits: passes ? edits : [] };
}
