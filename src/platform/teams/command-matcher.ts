/** Lower case, no leading '/', no trailing punctuation, single spaces. */
export function normaliseCommandText(text: string): string {
  return text
    .trim()
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

/** Finds a command by any of its names; å/ä/ö also match a/a/o. */
export function createCommandMatcher<T extends { names: string[] }>(
  list: readonly T[],
): (text: string) => T | undefined {
  const byName = new Map<string, T>();
  for (const command of list) {
    for (const name of command.names) {
      byName.set(name, command);
      byName.set(foldDiacritics(name), command);
    }
  }
  return (text) => {
    const normalised = normaliseCommandText(text);
    return byName.get(normalised) ?? byName.get(foldDiacritics(normalised));
  };
}
