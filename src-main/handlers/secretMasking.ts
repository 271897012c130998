/** Replace the password in any `scheme://user:password@host` inside a text with `****`. */
export function maskConnectionStrings(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:****@');
}
