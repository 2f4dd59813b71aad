/**
 * Go-template expressions as `kops toolbox template` expands them (`{{ .clusterName }}`, `{{- if .x }}`).
 * A value or line holding one is only known after expansion, so checks leave it alone.
 */
const EXPRESSION = /\{\{-?[\s\S]*?-?\}\}/;

/** True when `text` (a scalar's source, a key, a whole line) contains a Go-template expression. */
export function isTemplated(text: string): boolean {
  return EXPRESSION.test(text);
}
