import type { ParsedFile } from '../../document/documents';
import type { Position, Range } from '../../types';
import { orderKey } from './snippets';
import { STARTERS } from './starters';
import type { CompletionEntry } from './types';

const WORD_BEING_TYPED = /^[A-Za-z0-9-]*$/;
/** Spaces and tabs only: YAML takes a BOM or a no-break space beside the starter as content. */
const BLANK_OR_COMMENT = /^[ \t]*(#.*)?$/;
const DOCUMENT_MARKER = /^---[ \t]*(#.*)?$/;

/**
 * Where a starter would replace the word typed at the start of the cursor's line, when that word is all the
 * file holds besides blank lines and comments (and `---` markers above the cursor: one below would start a
 * document after the starter, and the part of a big file parsed so far ends with one).
 */
function blankFileWord(file: ParsedFile, pos: Position): Range | undefined {
  if (pos.line >= file.lines.lineCount) return undefined;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    if (line === pos.line) {
      const typed = text.slice(0, pos.character);
      if (typed.length < pos.character || !WORD_BEING_TYPED.test(typed) || /[^ \t]/.test(text.slice(pos.character))) return undefined;
    } else if (!BLANK_OR_COMMENT.test(text) && !(line < pos.line && DOCUMENT_MARKER.test(text))) {
      return undefined;
    }
  }
  return { start: { line: pos.line, character: 0 }, end: pos };
}

/** The whole-file starters, offered only in a file that holds nothing yet but comments. */
export function starterItems(file: ParsedFile, pos: Position): CompletionEntry[] | undefined {
  const range = blankFileWord(file, pos);
  if (!range) return undefined;
  return STARTERS.map((starter, i) => ({
    label: starter.prefix,
    kind: 'snippet',
    detail: starter.name,
    documentation: starter.description,
    insertText: starter.text,
    isSnippet: true,
    sortText: orderKey(i),
    deprecated: false,
    range,
  }));
}
