/**
 * What VS Code inserts when the user accepts every placeholder (`${1:a}` → a, `${1|x,y|}` → x; every copy of a
 * tabstop takes what was typed into it), `typed` overriding some tabstops; `$0` → nothing.
 */
export function expandSnippet(snippet: string, typed: Record<number, string> = {}): string {
  const values = new Map<string, string>();
  for (const m of snippet.matchAll(/\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^,|]*)[^}]*\}/g)) {
    const tabstop = m[1] ?? m[3];
    values.set(tabstop, typed[Number(tabstop)] ?? m[2] ?? m[4]);
  }
  return snippet.replace(/\$\{(\d+)[:|][^}]*\}|\$(\d+)/g, (_, braced: string | undefined, bare: string | undefined) =>
    (braced ?? bare) === '0' ? '' : (values.get(braced ?? bare!) ?? ''),
  );
}
