import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedFile, YamlDocument } from '../../../document/documents';
import { YamlEditor } from '../../../document/yamlEdit';
import { nodeAt } from '../../../document/yamlNav';
import { stringAt, stringPointerAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { Fix, PathSegment } from '../../../types';
import type { Violation } from '../violation';

/** What the cloud-provider rules share: which cloud a Cluster runs on, kops' path notation, one finding shape. */

/** The cloud a Cluster names: `cloudProvider: aws` (v1alpha2) or `cloudProvider: {aws: {}}` (v1alpha3). */
export function cloudProviderOf(cluster: YamlDocument): string | undefined {
  const written = stringAt(cluster, ['spec', 'cloudProvider']);
  if (written !== undefined) return written;
  const node = nodeAt(cluster, ['spec', 'cloudProvider']);
  if (!isMap(node) || node.items.length !== 1) return undefined;
  const key = node.items[0].key;
  return isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
}

/** The clouds kops' v1alpha2 decoder accepts from v1.26 on; any other name fails decoding before these rules. */
export function decodableCloud(name: string, v: KopsVersion): boolean {
  const known = ['gce', 'digitalocean', 'azure', 'aws', 'hetzner', 'openstack', 'scaleway'];
  return known.includes(name) || (name === 'linode' && atLeast(v, '1.36'));
}

/**
 * A string is written but what kops reads from it is not known here: a template expression, or a value of another
 * type (kops fails to decode it, which the schema checks report). Rules that blame a missing value keep quiet then.
 */
export function unreadableString(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const node = nodeAt(doc, path);
  if (node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) return false;
  return stringPointerAt(doc, path) === undefined;
}

/** A list is written as something else than a sequence (a template expression, a scalar): its items are unknown. */
export function unreadableList(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const node = nodeAt(doc, path);
  return node !== undefined && !isSeq(node) && !(isScalar(node) && node.value === null);
}

/** A path as Go's field.Path prints it: `spec.networking.subnets[0].zone`. */
export const kopsPath = (...segments: readonly PathSegment[]): string =>
  segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** The InstanceGroup name kops puts in front of a few AWS paths (`nodes.spec.machineType`). */
export const instanceGroupName = (ig: YamlDocument): string => stringAt(ig, ['metadata', 'name']) ?? '';

type CloudViolationFields = Pick<Violation, 'at' | 'type' | 'kopsPath' | 'detail' | 'message'> & Partial<Violation>;

/** A finding of the `kops-cloud` family. */
export const cloudViolation = (fields: CloudViolationFields): Violation => ({ code: 'kops-cloud', ...fields });

/** The name of a release range start for messages: `kops v1.26`. */
export const releaseWord = (v: KopsVersion): string => `kops ${v.text}`;

/**
 * A quick fix that sets one value (YAML text) in the rule's document, keys it adds going beside `near` (the path
 * the finding blames); none when the edit cannot be made.
 */
export function setValueFix(
  file: ParsedFile,
  doc: YamlDocument,
  title: string,
  path: readonly PathSegment[],
  valueText: string,
  near: readonly PathSegment[],
  preferred = true,
): Fix[] {
  const edits = new YamlEditor(file, doc, near).set(path, valueText);
  return edits.length ? [{ title, edits, preferred }] : [];
}

/** A quick fix that removes one key, keeping its parent mapping. */
export function removeKeyFix(file: ParsedFile, doc: YamlDocument, title: string, path: readonly PathSegment[]): Fix[] {
  const edits = new YamlEditor(file, doc).removeKeyKeepingParent(path);
  return edits.length ? [{ title, edits, preferred: true }] : [];
}
