import type { Scalar } from 'yaml';
import { untaggedPlainText, yaml11Type } from '../../document/yaml11';

/**
 * kops reads YAML through go-yaml v2 (YAML 1.1) and then decodes the JSON it yields; our parser speaks YAML 1.2.
 * These helpers say which JSON type kops gets for a scalar.
 */
export type KopsScalarKind = 'null' | 'boolean' | 'number' | 'string';

const yaml11Of = (node: Scalar): ReturnType<typeof yaml11Type> => {
  const text = untaggedPlainText(node);
  return text === undefined ? undefined : yaml11Type(text);
};

export function kopsScalarKind(node: Scalar): KopsScalarKind {
  const value = node.value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  const yaml11 = yaml11Of(node);
  if (yaml11 === 'boolean') return 'boolean';
  if (yaml11) return 'number';
  return 'string';
}

/** True for whole numbers, which kops can decode into a Go integer field. */
export function isWholeNumber(node: Scalar): boolean {
  const value = node.value;
  if (typeof value === 'bigint') return true;
  if (typeof value === 'number') return Number.isInteger(value);
  return yaml11Of(node) === 'integer';
}

/** Kubernetes resource quantity syntax (resource.Quantity). */
export const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))?$/;
