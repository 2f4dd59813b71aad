/** A user's value inside a one-line message: long values are cut so the message stays short. */
export const shortText = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The longest finding message the Problems panel shows whole. */
export const MESSAGE_MAX = 160;

/** `sentence` with `extra` appended when the message still fits, then the full stop. */
export const fitted = (sentence: string, extra: string): string =>
  sentence.length + extra.length < MESSAGE_MAX ? `${sentence}${extra}.` : `${sentence}.`;
