/** Free text as one quoted token for the command line, whichever quotes it contains. */
export const quoted = (text: string) => (text.includes('"') ? `“${text.replace(/”/g, "'")}”` : `"${text}"`);
