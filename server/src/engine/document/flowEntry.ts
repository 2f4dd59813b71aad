/**
 * The text to delete with a flow entry at `span` (`b: 1` in `{a: 1, b: 1, c: 2}`): the entry, its comma and the
 * blanks after it, or for the last entry the comma and blanks before it.
 */
export function flowEntryWithComma(text: string, [start, end]: readonly [number, number]): [number, number] {
  let after = end;
  while (after < text.length && /[ \t]/.test(text[after])) after++;
  if (text[after] === ',') {
    after++;
    while (after < text.length && /[ \t]/.test(text[after])) after++;
    // A comment after the comma keeps a blank before it, or its `#` would start a plain scalar.
    return [start, text[after] === '#' ? after - 1 : after];
  }
  let before = start;
  while (before > 0 && /[ \t]/.test(text[before - 1])) before--;
  return text[before - 1] === ',' ? [before - 1, end] : [start, after];
}
