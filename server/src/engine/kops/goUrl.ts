/**
 * URLs as Go's net/url.Parse reads them, far enough to tell what kops checks: whether parsing fails (and why),
 * and the scheme and host it finds.
 */

export type GoUrl = { scheme: string; host: string } | { error: string };

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Go's unescape: every `%` must start a two-digit hex escape; in a host, only non-ASCII bytes and `%25` may be escaped. */
function badEscape(text: string, host: boolean): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') continue;
    const escape = text.slice(i, i + 3);
    if (!HEX.test(escape.slice(1))) return `invalid URL escape "${escape}"`;
    if (host && parseInt(escape.slice(1), 16) < 0x80 && escape !== '%25') return `invalid URL escape "${escape}"`;
  }
  return undefined;
}

/** Characters Go accepts unescaped in a host name (sub-delims, `:`, brackets, unreserved; also `<>"`). */
const HOST_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]$/;
const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function hostError(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return "missing ']' in host";
    const port = host.slice(close + 1);
    if (!validOptionalPort(port)) return `invalid port "${port}" after host`;
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return `invalid port "${host.slice(colon)}" after host`;
  }
  const escape = badEscape(host, true);
  if (escape) return escape;
  const bad = [...host].find((c) => c.charCodeAt(0) < 0x80 && !HOST_CHAR.test(c));
  return bad === undefined ? undefined : `invalid character "${bad}" in host name`;
}

function scheme(raw: string): { scheme: string; rest: string } | { error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? { error: 'missing protocol scheme' } : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function parseWithoutFragment(raw: string): GoUrl {
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return { error: 'net/url: invalid control character in URL' };
  if (raw === '*') return { scheme: '', host: '' };
  const split = scheme(raw);
  if ('error' in split) return split;
  const lowerScheme = split.scheme.toLowerCase();
  let rest = split.rest;
  rest = rest.endsWith('?') && rest.split('?').length === 2 ? rest.slice(0, -1) : rest.split('?')[0];
  if (!rest.startsWith('/')) {
    if (lowerScheme !== '') return { scheme: lowerScheme, host: '' };
    if (rest.split('/')[0].includes(':')) return { error: 'first path segment in URL cannot contain colon' };
  }
  let host = '';
  if ((lowerScheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    host = at < 0 ? authority : authority.slice(at + 1);
    const problem = hostError(host);
    if (problem) return { error: problem };
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!USERINFO.test(userinfo)) return { error: 'net/url: invalid userinfo' };
      const escape = badEscape(userinfo, false);
      if (escape) return { error: escape };
    }
  }
  const escape = badEscape(rest, false);
  return escape ? { error: escape } : { scheme: lowerScheme, host };
}

/** The parse error text Go gives (without its `parse "<url>": ` prefix), or the scheme and host. */
export function parseGoUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const parsed = parseWithoutFragment(hash < 0 ? raw : raw.slice(0, hash));
  if ('error' in parsed || hash < 0) return parsed;
  const escape = badEscape(raw.slice(hash + 1), false);
  return escape ? { error: escape } : parsed;
}
