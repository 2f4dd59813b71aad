import { YamlEditor } from '../../../document/yamlEdit';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { violation, type NetContext } from './context';
import type { GoCidr } from './goCidr';
import { checkCidr } from './kopsCidr';

/** kops' parseCIDR on one field: the network it reads, and the Invalid it reports (with a fix to what kops suggests). */
export function parsedCidr(
  ctx: NetContext,
  at: readonly PathSegment[],
  kopsPath: string,
  text: string,
  label: string,
): { cidr?: GoCidr; found: Violation[] } {
  const { cidr, invalid } = checkCidr(text, ctx.v);
  if (!invalid) return { cidr, found: [] };
  const fix = invalid.suggestion ? new YamlEditor(ctx.file, ctx.doc).set(at, invalid.suggestion) : [];
  const fixes = fix.length ? [{ title: `Change to ${invalid.suggestion}`, edits: fix, preferred: true }] : undefined;
  const what = cidr
    ? `its address has bits outside the /${cidr.prefix} prefix`
    : 'it is not a CIDR (an address, a slash and a prefix length)';
  const todo = invalid.suggestion ? `write ${invalid.suggestion}` : 'write a network such as 10.0.0.0/16';
  const message = `kops ${ctx.v.text} rejects ${label} ${text || '(empty)'}: ${what}; ${todo}.`;
  return { cidr, found: [violation(at, 'Invalid', kopsPath, invalid.detail, message, fixes ? { fixes } : {})] };
}

/** The Invalid kops v1.18–v1.26 reported when net.ParseCIDR failed, beside parseCIDR's own. */
export function legacyUnparsable(ctx: NetContext, at: readonly PathSegment[], kopsPath: string, detail: string, label: string): Violation {
  return violation(
    at,
    'Invalid',
    kopsPath,
    detail,
    `kops ${ctx.v.text} cannot read ${label} as a CIDR: write a network such as 10.0.0.0/16.`,
  );
}
