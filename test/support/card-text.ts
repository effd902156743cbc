/**
 * The texts of a card as Teams shows them. A TextBlock's text and a fact's title and
 * value are read as markdown (and Teams mobile keeps a backslash escape visible);
 * a TextRun, an input's label, placeholder and value, a choice's title and a
 * button's title are shown as they are.
 */

type Json = Record<string, unknown>;

export interface CardText {
  text: string;
  /** Teams parses the text as markdown. */
  markdown: boolean;
  /** Where it sits: `TextBlock`, `TextRun`, `Fact.value`, `Input.Text.label`, ... */
  where: string;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function cardTexts(card: unknown): CardText[] {
  const found: CardText[] = [];
  const add = (text: unknown, markdown: boolean, where: string) => {
    if (typeof text === 'string' && text !== '') found.push({ text, markdown, where });
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'TextBlock') add(node.text, true, 'TextBlock');
    if (type === 'TextRun') add(node.text, false, 'TextRun');
    if (type === 'FactSet' && Array.isArray(node.facts))
      for (const fact of node.facts as Json[]) {
        add(fact.title, true, 'Fact.title');
        add(fact.value, true, 'Fact.value');
      }
    if (type.startsWith('Input.')) {
      add(node.label, false, `${type}.label`);
      add(node.placeholder, false, `${type}.placeholder`);
      add(node.value, false, `${type}.value`);
      if (Array.isArray(node.choices))
        for (const choice of node.choices as Json[]) add(choice.title, false, `${type}.choice`);
    }
    if (type.startsWith('Action.')) add(node.title, false, `${type}.title`);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'facts' || key === 'choices' || key === 'refresh') continue;
      if (typeof value === 'object') visit(value);
    }
  };
  visit(card);
  return found;
}

/** Every text Teams would parse as markdown. */
export const markdownTexts = (card: unknown): string[] =>
  cardTexts(card)
    .filter((t) => t.markdown)
    .map((t) => t.text);

/** Every text Teams shows as it is. */
export const plainTexts = (card: unknown): string[] =>
  cardTexts(card)
    .filter((t) => !t.markdown)
    .map((t) => t.text);

/** `text` is on the card as it was written, where Teams shows it as text and nowhere as markdown. */
export function shownAsText(card: unknown, text: string): boolean {
  return (
    plainTexts(card).some((t) => t.includes(text)) &&
    !markdownTexts(card).some((t) => t.includes(text))
  );
}

/** The style of the innermost styled container around the first text that contains `text`. */
export function containerStyleOf(card: unknown, text: string): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown, style: string): boolean => {
    if (Array.isArray(node)) return node.some((n) => visit(n, style));
    if (!isObject(node)) return false;
    const inner = typeof node.style === 'string' && node.type === 'Container' ? node.style : style;
    if (
      (node.type === 'TextBlock' || node.type === 'TextRun') &&
      String(node.text).includes(text)
    ) {
      found = inner;
      return true;
    }
    return Object.values(node).some((value) => typeof value === 'object' && visit(value, inner));
  };
  visit(card, 'default');
  return found;
}
