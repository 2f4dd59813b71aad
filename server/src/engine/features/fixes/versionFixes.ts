import { ciliumVersionChoices, ciliumVersionPasses, defaultCiliumVersion, parseCiliumVersion } from '../../kops/catalog/ciliumVersions';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import { stringAt } from '../../kops/goValues';
import type { Fix } from '../../types';
import type { FindingCode } from '../../findingCodes';
import { isScalar } from 'yaml';
import { nodeAt } from '../../document/yamlNav';
import { fix, type FixContext, type Fixer } from './context';

/** The Cilium version kops itself would pick for this cluster. */
const kopsDefaultCilium = (ctx: FixContext): string => defaultCiliumVersion(ctx.v, stringAt(ctx.doc, ['spec', 'kubernetesVersion']));

/** Lowest Cilium minor each version-gated rule asks for; the default is only offered when it meets it. */
const MINIMUM_MINOR: Partial<Record<FindingCode, number>> = {
  'cilium-hubble-version': 8,
  'cilium-wireguard-version': 10,
  'cilium-ipv6-version': 10,
  'cilium-servicetopology-version': 11,
};

/** The default when it meets the rule's minimum, else the newest release kops knows that does (never preferred then). */
function targetVersion(ctx: FixContext): { version: string; isDefault: boolean } | undefined {
  const minimum = MINIMUM_MINOR[ctx.finding.code];
  const fits = (text: string) => {
    const parsed = parseCiliumVersion(text);
    return parsed !== undefined && (minimum === undefined || parsed.minor >= minimum);
  };
  const target = kopsDefaultCilium(ctx);
  if (fits(target)) return { version: target, isDefault: true };
  const other = ciliumVersionChoices(ctx.v).find((c) => fits(c) && prefixFits(ctx, c));
  return other ? { version: other, isDefault: false } : undefined;
}

/** A `version` kops accepts: the `v` prefix, kops' default, or one that meets the rule's minimum; or none at all. */
export const versionFixer: Fixer = (ctx) => {
  const path = ciliumPath(dialectFor(ctx.api), 'version');
  const node = nodeAt(ctx.doc, path);
  if (node !== undefined && !isScalar(node)) return [];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar holds a string, number or boolean here
  const written = isScalar(node) ? String(node.value ?? '') : undefined;
  const target = targetVersion(ctx);
  const out: Fix[] = [];
  const prefixed = written === undefined ? undefined : `v${written.trim()}`;
  const prefixWorks =
    ctx.finding.code === 'cilium-version-prefix' && prefixed !== undefined && prefixed !== target?.version && prefixFits(ctx, prefixed);
  if (prefixWorks) out.push(...fix(`Write it as \`${prefixed}\``, ctx.edit.set(path, prefixed), { preferred: true }));
  if (target && written !== target.version) {
    const title = target.isDefault ? `Use kops ${ctx.v.text}'s default Cilium \`${target.version}\`` : `Use Cilium \`${target.version}\``;
    out.push(...fix(title, ctx.edit.set(path, target.version), target.isDefault && !prefixWorks ? { preferred: true } : {}));
  }
  if (written !== undefined)
    out.push(...fix(`Remove \`version\` (kops installs its default, ${kopsDefaultCilium(ctx)})`, ctx.edit.removeKeyKeepingParent(path)));
  return out;
};

function prefixFits(ctx: FixContext, prefixed: string): boolean {
  const parsed = parseCiliumVersion(prefixed);
  return parsed !== undefined && ciliumVersionPasses(ctx.v, parsed);
}
