import { Scalar } from 'yaml';

/**
 * kops turns YAML into JSON with YAML 1.1 rules (go-yaml v2): unquoted `yes`/`no`/`on`/`off`/`y`/`n` are booleans and
 * `1_000`, `0b101`, `017` are integers. Our parser follows YAML 1.2, where those are strings or other numbers, so a
 * plain scalar of this kind must not be reported as the wrong type: kops decodes it fine.
 */
const TRUE = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE = /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INTEGER = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*(?::[0-5]?[0-9])*)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

export type Yaml11Type = 'boolean' | 'integer' | 'number';

/** The text of a scalar written without quotes or tag: the only kind YAML 1.1 may read differently. */
export const untaggedPlainText = (node: Scalar): string | undefined =>
  node.type === Scalar.PLAIN && node.tag === undefined && typeof node.value === 'string' ? node.value : undefined;

/** The boolean YAML 1.1 reads from an unquoted scalar, if it reads one. */
export function yaml11Boolean(plainSource: string): boolean | undefined {
  if (TRUE.test(plainSource)) return true;
  return FALSE.test(plainSource) ? false : undefined;
}

/** The type YAML 1.1 gives an unquoted scalar, when it is not a string. */
export function yaml11Type(plainSource: string): Yaml11Type | undefined {
  if (yaml11Boolean(plainSource) !== undefined) return 'boolean';
  if (INTEGER.test(plainSource)) return 'integer';
  if (FLOAT.test(plainSource)) return 'number';
  return undefined;
}

/** Whether kops would read this unquoted scalar as one of the expected JSON types. */
export function yaml11Accepts(plainSource: string, expected: readonly string[]): boolean {
  const type = yaml11Type(plainSource.trim());
  if (!type) return false;
  if (type === 'integer') return expected.includes('integer') || expected.includes('number');
  return expected.includes(type);
}

/** The integer YAML 1.1 reads from an unquoted integer scalar (`017` octal, `0b`, `0x`, `_` separators). */
function yaml11Integer(plainSource: string): number | undefined {
  const sign = plainSource.startsWith('-') ? -1 : 1;
  const body = plainSource.replace(/^[-+]/, '').replace(/_/g, '');
  if (body.includes(':')) return undefined;
  const [digits, radix] = body.startsWith('0b')
    ? [body.slice(2), 2]
    : body.startsWith('0x')
      ? [body.slice(2), 16]
      : body.length > 1 && body.startsWith('0')
        ? [body.slice(1), 8]
        : [body, 10];
  const value = parseInt(digits, radix);
  return Number.isNaN(value) ? undefined : sign * value;
}

/** The number YAML 1.1 reads from an unquoted scalar, if it reads one (sexagesimal and .inf/.nan are left out). */
export function yaml11Number(plainSource: string): number | undefined {
  const type = yaml11Type(plainSource);
  if (type === 'integer') return yaml11Integer(plainSource);
  if (type !== 'number') return undefined;
  const value = Number(plainSource.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
