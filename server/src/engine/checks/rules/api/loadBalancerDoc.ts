import { isScalar } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { nodeAt } from '../../../document/yamlNav';
import { stringPointerAt, templatedWithin } from '../../../kops/goValues';
import type { PathSegment } from '../../../types';

/** The API load balancer as kops reads it from a v1alpha2 Cluster. */

export const LB = ['spec', 'api', 'loadBalancer'];
export const LB_KOPS = 'spec.api.loadBalancer';

/** A Go pointer or slice field is set: the key holds anything but null. */
export function isSet(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const node = nodeAt(doc, path);
  return node !== undefined && !(isScalar(node) && node.value === null);
}

/** A load balancer (or cloud provider) written with template expressions is unknown until expansion. */
export const lbUnknown = (doc: YamlDocument): boolean => templatedWithin(doc, LB) || templatedWithin(doc, ['spec', 'cloudProvider']);

export const lbClass = (doc: YamlDocument): string => stringPointerAt(doc, [...LB, 'class']) ?? '';
export const lbType = (doc: YamlDocument): string => stringPointerAt(doc, [...LB, 'type']) ?? '';
export const lbString = (doc: YamlDocument, key: string): string => stringPointerAt(doc, [...LB, key]) ?? '';

/**
 * Go's net.ParseIP for an IPv4 address: the bytes, undefined where it fails, `unknown` for IPv6 forms (some read as
 * IPv4) and leading zeros (which older Go releases accepted).
 */
export function parseIPv4(text: string): number[] | 'unknown' | undefined {
  if (text.includes(':')) return 'unknown';
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p))) return undefined;
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return 'unknown';
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}
