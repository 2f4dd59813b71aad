import { ciliumVersionChoices, ciliumVersionPasses, defaultCiliumVersion, parseCiliumVersion } from '../../kops/catalog/ciliumVersions';
import { ciliumDocsUrl } from '../../kops/catalog/docsLinks';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import { stringAt } from '../../kops/goValues';
import type { Fix } from '../../types';
import type { FindingCode } from '../../findingCodes';
import { isScalar } from 'yaml';
import { nodeAt } from '../../document/yamlNav';
import { fix, titlePart, type FixContext, type Fixer } from './context';

/** Cilium's upgrade guide, for a target the docs table does not cover. */
const CILIUM_UPGRADE_NOTES = 'https://docs.cilium.io/en/stable/operations/upgrade/';

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
  if (prefixWorks)
    out.push(...fix(`Write it as ${titlePart(prefixed, 40)}`, ctx.edit.set(path, prefixed), { preferred: true, touches: [path] }));
  if (target && written !== target.version) {
    const jump = minorJump(written, target.version);
    const title = jump
      ? `Set ${target.isDefault ? "kops' default" : 'version'} ${target.version} (${jump.text}; read the upgrade notes)`
      : target.isDefault
        ? `Use kops ${ctx.v.text}'s default Cilium ${target.version}`
        : `Use Cilium ${target.version}`;
    const extra = {
      touches: [path],
      ...(target.isDefault && !prefixWorks ? { preferred: true } : {}),
      ...(jump ? { readFirst: jump.notes } : {}),
    };
    out.push(...fix(title, ctx.edit.set(path, target.version), extra));
  }
  if (written !== undefined) {
    const installed = kopsDefaultCilium(ctx);
    const jump = minorJump(written, installed);
    const title = jump
      ? `Remove version (kops' default ${installed}: ${jump.text})`
      : `Remove version (kops installs its default, ${installed})`;
    out.push(...fix(title, ctx.edit.removeKeyKeepingParent(path), { touches: [path], ...(jump ? { readFirst: jump.notes } : {}) }));
  }
  return out;
};

const MINOR = /^v?(\d+)\.(\d+)/;

/** `Cilium 1.16 → 1.18` and the upgrade notes of the new minor, when a fix moves Cilium to another minor release. */
function minorJump(written: string | undefined, target: string): { text: string; notes: NonNullable<Fix['readFirst']> } | undefined {
  const [from, to] = [MINOR.exec(written?.trim() ?? ''), MINOR.exec(target)];
  if (!from || !to) return undefined;
  const [fromMinor, toMinor] = [`${Number(from[1])}.${Number(from[2])}`, `${Number(to[1])}.${Number(to[2])}`];
  if (fromMinor === toMinor) return undefined;
  const url = ciliumDocsUrl('upgradeGuide', target) ?? CILIUM_UPGRADE_NOTES;
  return { text: `Cilium ${fromMinor} → ${toMinor}`, notes: { title: `Open the Cilium ${toMinor} upgrade notes`, url } };
}

function prefixFits(ctx: FixContext, prefixed: string): boolean {
  const parsed = parseCiliumVersion(prefixed);
  return parsed !== undefined && ciliumVersionPasses(ctx.v, parsed);
}
