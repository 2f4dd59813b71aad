import type { KopsVersion } from '../../kops/releases';

/** Shown beside the label of the value kops uses when the key is left out. */
export const KOPS_DEFAULT_MARK = 'kops default';

/**
 * A row's documentation: the kops release it was computed for, once (rows keep a short detail), with an
 * optional note on the row, then the key's own description.
 */
export function releaseDocumentation(v: KopsVersion, description: string, note?: string): string {
  const head = `kops ${v.text}${note ? `: ${note}` : ''}`;
  return description ? `${head}\n\n${description}` : head;
}
