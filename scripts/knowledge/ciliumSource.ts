/** Facts read from kops' Go source at one release: the Cilium struct's comments and the default Cilium version. */

/** What kops' own comment says of a Cilium field that does nothing, in our words; undefined: nothing of the kind. */
export type NoEffectStatement = 'not implemented' | 'deprecated' | 'ignored' | 'unused';

function classify(comment: string): NoEffectStatement | undefined {
  if (/not implemented/i.test(comment)) return 'not implemented';
  if (/\bdeprecated\b/i.test(comment) && /no effect|not used|ignored|unused/i.test(comment)) return 'deprecated';
  if (/\bis ignored\b|\bignored\b.*\bkops\b/i.test(comment)) return 'ignored';
  if (/\b(is unused|is not used|has no effect|no effect)\b/i.test(comment)) return 'unused';
  return undefined;
}

/** JSON key -> statement, for the fields of CiliumNetworkingSpec in pkg/apis/kops/v1alpha2/networking.go. */
export function ciliumNoEffectFields(networkingGo: string): Map<string, NoEffectStatement> {
  const out = new Map<string, NoEffectStatement>();
  const start = networkingGo.indexOf('type CiliumNetworkingSpec struct {');
  if (start < 0) throw new Error('networking.go has no CiliumNetworkingSpec');
  const body = networkingGo.slice(start, networkingGo.indexOf('\n}', start));
  let comment: string[] = [];
  for (const raw of body.split('\n').slice(1)) {
    const line = raw.trim();
    if (line.startsWith('//')) {
      comment.push(line.slice(2).trim());
      continue;
    }
    const key = /`json:"([^",]+)/.exec(line)?.[1];
    const statement = key ? classify(comment.join(' ')) : undefined;
    if (key && statement) out.set(key, statement);
    comment = [];
  }
  return out;
}

/** The Cilium version kops installs when `version` is empty, as pkg/model/components/cilium.go sets it. */
export function componentDefaultCilium(componentGo: string | undefined): string | undefined {
  // kops v1.19 sets an older default for Kubernetes < 1.12 first; the last assignment is the usual default.
  return componentGo && [...componentGo.matchAll(/c\.Version = "(v\d+\.\d+\.\d+)"/g)].pop()?.[1];
}

/** kops v1.18 had no such default in Go: its addon template falls back to a version (`or .Version "vX"`). */
export function addonDefaultCilium(addonTemplate: string | undefined): string | undefined {
  return addonTemplate && /cilium\/cilium:\{\{- or \.Version "(v\d+\.\d+\.\d+)"/.exec(addonTemplate)?.[1];
}
