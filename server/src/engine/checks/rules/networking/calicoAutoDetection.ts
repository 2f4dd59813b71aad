import { inEra } from '../../../kops/eras';
import { stringAt } from '../../../kops/goValues';
import { parseCidr } from '../network';
import type { Violation } from '../violation';
import { providerPath, rejection, shown, type NetworkingScope } from './scope';

/**
 * Calico's IP autodetection methods (kops v1.19 and newer): `first-found`, `can-reach=<IP>`, or
 * `interface=` / `skip-interface=` with a comma-separated list of regular expressions. A method that needs a
 * value but has no `=` makes kops crash rather than report, so it is left alone here.
 */

type Family = 'ipv4' | 'ipv6';

/** IPv4 in Go's sense includes IPv4-mapped IPv6 addresses (To4 succeeds). */
function family(ip: string): Family | undefined {
  if (parseCidr(`${ip}/32`)) return 'ipv4';
  const v6 = parseCidr(`${ip}/128`);
  return v6 ? (v6.v6 ? 'ipv6' : 'ipv4') : undefined;
}

/** Go's net.ParseIP and netutils.ParseIPSloppy differ on IPv4 octets with a leading zero: no verdict there. */
const leadingZeroOctet = (ip: string): boolean => ip.includes('.') && ip.split(/[.:]/).some((part) => /^0[0-9]/.test(part));

const RE2_ONLY_SYNTAX = /\(\?|\\[pPQEzACx]/;

/**
 * The Go error of a regular expression that neither RE2 nor JavaScript compiles, or undefined. Patterns with
 * syntax only one of the two knows (flags, named groups, \p, \Q...\E, \z) get no verdict.
 */
function regexpError(pattern: string): string | undefined {
  if (RE2_ONLY_SYNTAX.test(pattern)) return undefined;
  try {
    RegExp(pattern);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message : '';
    if (/Unterminated group/.test(reason)) return `error parsing regexp: missing closing ): \`${pattern}\``;
    if (/Unmatched '\)'/.test(reason)) return `error parsing regexp: unexpected ): \`${pattern}\``;
    if (/Unterminated character class/.test(reason))
      return `error parsing regexp: missing closing ]: \`${pattern.slice(pattern.indexOf('['))}\``;
    if (/Nothing to repeat/.test(reason)) return 'error parsing regexp: missing argument to repetition operator';
    return 'error parsing regexp';
  }
}

interface Problem {
  detail: string;
  hint: string;
}

const METHODS_HINT = 'use first-found, can-reach=<IP>, interface=<regexps> or skip-interface=<regexps>';

function problems(method: string, ipFamily: Family): Problem[] | undefined {
  const parts = method.split('=');
  if (parts.length > 2) return [{ detail: 'malformed autodetection method', hint: METHODS_HINT }];
  const [name, value] = parts;
  if (name === 'first-found') return [];
  if (!['can-reach', 'interface', 'skip-interface'].includes(name))
    return [{ detail: 'unsupported autodetection method', hint: METHODS_HINT }];
  if (value === undefined) return undefined;
  if (name === 'can-reach') {
    const expected = ipFamily === 'ipv4' ? 'IPv4' : 'IPv6';
    if (leadingZeroOctet(value) || family(value) === ipFamily) return [];
    return [{ detail: `must be a valid ${expected} address`, hint: `give can-reach a valid ${expected} address` }];
  }
  const patterns = value.split(/\s*,\s*/);
  const empty =
    patterns[0] === ''
      ? [
          {
            detail: `'${name}=' must be followed by a comma separated list of interface regular expressions`,
            hint: 'list interface regular expressions after the =',
          },
        ]
      : [];
  const broken = patterns.flatMap((p) => {
    const error = regexpError(p);
    return error ? [{ detail: `regexp ${p} does not compile: ${error}`, hint: `fix the regular expression ${shown(p)}` }] : [];
  });
  return [...empty, ...broken];
}

export function autoDetectionRules(s: NetworkingScope): Violation[] {
  if (!inEra(s.v, { from: '1.19' })) return [];
  return (['ipv4', 'ipv6'] as const).flatMap((ipFamily) => {
    const key = `${ipFamily}AutoDetectionMethod`;
    const method = stringAt(s.doc, providerPath('calico', key));
    if (method === undefined) return [];
    return (problems(method, ipFamily) ?? []).map(({ detail, hint }) =>
      rejection({
        at: providerPath('calico', key),
        type: 'Invalid',
        kopsPath: `spec.networking.calico.${key}`,
        detail,
        message: `kops ${s.v.text} rejects Calico ${key} ${shown(method)}: ${hint}.`,
      }),
    );
  });
}
