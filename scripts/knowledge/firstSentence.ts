const MAX_DESCRIPTION = 200;

/**
 * Go doc comments often end a sentence with a line break instead of a period. A wrapped line may start with a
 * capitalised name too ("Cloud Controller\nManager"), so only a typical sentence opening counts as a new sentence.
 */
const NEW_SENTENCE =
  /\n(?=(?:Default|Defaults|Currently|If|This|These|When|Note|NOTE|The|It|Only|See|Must|Can|For|Should|Valid|Use|Set|Deprecated|Example|May|Will|Otherwise|Each|All|Any|Requires|Possible|Supported|More|Also|Ignored|Empty|Leave|Warning|Used|Enabled|Disabled|Allowed|Format|Value|Values)\b)/;
const CONTINUES = /(?:\b(?:a|an|the|of|to|for|and|or|with|in|on|by|from|is|are|be|as|at|that|this|when|if)|[,(:;-])$/i;

function sentenceEnd(text: string): number {
  const ends = new RegExp(`[.!?](?=\\s|$)|${NEW_SENTENCE.source}`, 'g');
  for (let m; (m = ends.exec(text));) {
    const before = text.slice(0, m.index + (m[0] === '\n' ? 0 : 1)).trimEnd();
    if (/\b(e\.g|i\.e|etc|vs|approx)\.$/i.test(before)) continue;
    if (m[0] === '\n' && CONTINUES.test(before)) continue;
    return before.length;
  }
  return text.length;
}

/** The first sentence of a CRD description on one line, at most 200 characters (cut at a word, with …). */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const sentence = trimmed.slice(0, sentenceEnd(trimmed)).replace(/\s+/g, ' ');
  if (sentence.length <= MAX_DESCRIPTION) return sentence;
  const space = sentence.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${sentence.slice(0, space > 0 ? space : MAX_DESCRIPTION - 1)}…`;
}
