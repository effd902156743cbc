import type { AuditEvent, OrgDirectory } from '../org/index.js';
import type { Incident, IncidentNote } from './domain/incident.js';
import { formatLocal } from '../platform/calendar.js';
import type { IncidentStrings } from './incident.strings.js';
import { userText, renderCardJson, type CardJson } from '../platform/teams/render.js';
import { excerpt, paginate } from '../platform/teams/card-budget.js';
import { describeHistory, incidentFacts } from './incident.card.js';

export interface FullIncidentView {
  incident: Incident;
  notes: IncidentNote[];
  history: AuditEvent[];
}

/** One piece of the whole incident; pages are made of whole pieces, in this order. */
type Piece =
  | { kind: 'description'; text: string }
  | { kind: 'note'; heading: string; text: string }
  | { kind: 'history'; line: string };

function shrink(piece: Piece): Piece {
  if (piece.kind === 'history')
    return { ...piece, line: excerpt(piece.line, piece.line.length / 2) };
  return { ...piece, text: excerpt(piece.text, Math.floor(piece.text.length * 0.8)) };
}

/**
 * "Visa hela ärendet": the description, every note and the whole history, in as many
 * pages as it takes for each to stay within the card budget. `page` counts from 1 and is
 * brought within the pages there are.
 */
export function fullIncidentCard(
  strings: IncidentStrings,
  org: OrgDirectory,
  view: FullIncidentView,
  page: number,
): CardJson {
  const { incident } = view;
  const tz = org.organisation.timezone;
  const pieces: Piece[] = [
    { kind: 'description', text: userText(incident.description) },
    ...view.notes.map((n): Piece => ({
      kind: 'note',
      heading: `${formatLocal(n.createdAt, tz)} ${userText(n.authorName)}`,
      text: userText(n.text),
    })),
    ...describeHistory(strings, org, incident, view.history).map((line): Piece => ({
      kind: 'history',
      line,
    })),
  ];
  const facts = incidentFacts(strings, org, incident);
  const render = (content: readonly Piece[], at: number, of: number) =>
    renderCardJson('incidents/incident-full', {
      incidentId: incident.id,
      number: incident.number,
      title: userText(incident.title),
      pageLabel: strings.full.page(at, of),
      facts: at === 1 ? facts : [],
      descriptionHeading: strings.card.description,
      description: content.flatMap((p) => (p.kind === 'description' ? [p.text] : [])),
      notesHeading: strings.card.notes,
      notes: content.flatMap((p) =>
        p.kind === 'note' ? [{ heading: p.heading, text: p.text }] : [],
      ),
      historyHeading: strings.card.history,
      history: content.flatMap((p) => (p.kind === 'history' ? [p.line] : [])),
      previousTitle: strings.full.previous,
      nextTitle: strings.full.next,
      previousPage: at > 1 ? at - 1 : 0,
      nextPage: at < of ? at + 1 : 0,
    });
  // Packed as page 1 of 999: the facts outweigh a second button, so every page fits when numbered.
  const pages = paginate(pieces, (content) => render(content, 1, 999), shrink);
  const at = Math.min(Math.max(1, Math.trunc(page)), pages.length);
  return render(pages[at - 1]!, at, pages.length);
}
