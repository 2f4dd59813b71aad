import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { FieldType } from '../../kops/catalog/ciliumFields';
import type { PathSegment } from '../../types';
import { isWholeNumber, kopsScalarKind, QUANTITY } from './yamlScalars';

/** A value kops cannot decode into the Go type of its key. */
export interface TypeProblem {
  node: Node;
  /** Segments below the key (map key or list index) when an element is at fault. */
  below: PathSegment[];
  message: string;
  /** The scalar's text when quoting it would make it a valid string. */
  quotable?: string;
}

const EXPECTED: Record<FieldType, string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  string: 'a string',
  quantity: 'a Kubernetes quantity such as 128Mi or 25m',
  stringList: 'a list of strings',
  stringMap: 'a map with string values',
  object: 'a map',
};

function describe(node: Node): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'not a plain value';
  const kind = kopsScalarKind(node);
  if (kind === 'string') return `the string ${JSON.stringify(String(node.value)).slice(0, 60)}`;
  const shown = `"${String(node.source ?? node.value)}"`;
  const yaml11 = typeof node.value === 'string' ? ' (kops reads YAML 1.1)' : '';
  return `${shown}, which kops reads as a ${kind}${yaml11}`;
}

const mismatch = (node: Node, label: string, type: FieldType, below: PathSegment[] = []): TypeProblem => {
  const quotable = isScalar(node) && type === 'string' ? String(node.source ?? node.value) : undefined;
  const consequence = quotable !== undefined ? 'kops cannot load the spec; quote it' : 'kops cannot load the spec';
  const message = `${label} must be ${EXPECTED[type]}, not ${describe(node)}: ${consequence}.`;
  return quotable !== undefined ? { node, below, message, quotable } : { node, below, message };
};

/** null (an empty value) decodes to Go's zero value, so it is never a type error. */
const isNull = (node: Node): boolean => isScalar(node) && kopsScalarKind(node) === 'null';

function scalarOk(node: Scalar, type: 'boolean' | 'integer' | 'string' | 'quantity'): boolean {
  const kind = kopsScalarKind(node);
  switch (type) {
    case 'boolean':
      return kind === 'boolean';
    case 'integer':
      return kind === 'number' && isWholeNumber(node);
    case 'string':
      return kind === 'string';
    case 'quantity':
      return kind === 'number' || (kind === 'string' && QUANTITY.test(String(node.value).trim()));
  }
}

function elementProblems(node: Node, label: string, type: 'stringList' | 'stringMap'): TypeProblem[] {
  const problems: TypeProblem[] = [];
  if (type === 'stringList' && isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = item as Node;
      if (n && !isAlias(n) && !isNull(n) && !(isScalar(n) && scalarOk(n, 'string'))) {
        problems.push(mismatch(n, `${label}[${i}]`, 'string', [i]));
      }
    });
  } else if (type === 'stringMap' && isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value as Node | null;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (value && !isAlias(value) && !isNull(value) && !(isScalar(value) && scalarOk(value, 'string'))) {
        problems.push(mismatch(value, `${label}.${key}`, 'string', [key]));
      }
    }
  }
  return problems;
}

/** Type problems of one value; `object` values are only checked for being maps (their keys are walked separately). */
export function typeProblems(node: Node | null | undefined, label: string, type: FieldType): TypeProblem[] {
  if (!node || isAlias(node) || isNull(node)) return [];
  switch (type) {
    case 'object':
      return isMap(node) ? [] : [mismatch(node, label, type)];
    case 'stringList':
      return isSeq(node) ? elementProblems(node, label, type) : [mismatch(node, label, type)];
    case 'stringMap':
      return isMap(node) ? elementProblems(node, label, type) : [mismatch(node, label, type)];
    default:
      return isScalar(node) && scalarOk(node, type) ? [] : [mismatch(node, label, type)];
  }
}
