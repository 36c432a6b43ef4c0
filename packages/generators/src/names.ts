/** The singular of an English plural, for the common endings: notices → notice, inquiries → inquiry. */
export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The plural of an English noun, for the common endings: notice → notices, inquiry → inquiries. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `homeVisit` or `home-visit` → `HomeVisit`. */
export function pascalCase(word: string): string {
  return word
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** `HomeVisit` → `homeVisit`. */
export function camelCase(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** `HomeVisit` → `home-visit`: module folders and file names. */
export function kebabCase(word: string): string {
  return word.replace(/[A-Z]/g, (letter, index: number) => `${index > 0 ? "-" : ""}${letter.toLowerCase()}`);
}

/** `HomeVisit` → `home visit`: prose in comments and docs. */
export function words(word: string): string {
  return kebabCase(word).replaceAll("-", " ");
}
