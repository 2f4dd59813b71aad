const WIDTH = 110;

function format(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  const members = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/**
 * JSON that diffs well: a value on one line when it fits, else one member per line. Deterministic, and the same data
 * as JSON.stringify gives (members whose value is undefined are left out, undefined list items become null).
 */
export function readableJson(value: unknown): string {
  return format(JSON.parse(JSON.stringify(value)), '');
}
