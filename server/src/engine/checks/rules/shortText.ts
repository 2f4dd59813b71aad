/** A user's value inside a one-line message: long values are cut so the message stays short. */
export const shortText = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
