/**
 * Go-template expressions as `kops toolbox template` expands them (`{{ .clusterName }}`, `{{- if .x }}`).
 * A value or line holding one is only known after expansion, so checks leave it alone.
 */
const EXPRESSION = /\{\{-?[\s\S]*?-?\}\}/;

/** True when `text` (a scalar's source, a key, a whole line) contains a Go-template expression. */
export function isTemplated(text: string): boolean {
  return EXPRESSION.test(text);
}

const EXPRESSIONS = /\{\{-?[\s\S]*?-?\}\}/g;

/**
 * The text with every template expression blanked out at the same length (newlines kept), so the YAML around
 * it parses and every offset stays where it was. A control line (`{{- if .x }}` alone on its line) becomes
 * blank; an expression inside a value becomes `_` characters, so `dev:{{X}}` stays one plain scalar.
 */
export function maskTemplates(text: string): string {
  return text.replace(EXPRESSIONS, (m, offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = text.indexOf('\n', offset + m.length);
    if (lineEnd < 0) lineEnd = text.length;
    const alone = !text.slice(lineStart, offset).trim() && !text.slice(offset + m.length, lineEnd).trim();
    return m.replace(/[^\n]/g, alone ? ' ' : '_');
  });
}
