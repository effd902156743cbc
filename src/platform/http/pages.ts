/** The small public pages the Teams manifest links to (privacy and terms), in Swedish. */
export interface StaticPage {
  path: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, organisation: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5"><h1>${escapeHtml(title)}</h1><p><strong>${escapeHtml(organisation)}</strong></p>${body}</body></html>`;
}

export function staticPages(organisation: string): StaticPage[] {
  return [
    {
      path: '/',
      html: page('IT-säkerhet', organisation, [
        'Det här är kommunens IT-säkerhetsbot för Microsoft Teams. Den påminner om årliga mål och revideringar, tar emot incidentrapporter, svarar på frågor om IT-säkerhetsinstruktionen Användare och hanterar godkännanden.',
        'Öppna boten i Teams för att använda den.',
      ]),
    },
    {
      path: '/integritet',
      html: page('Integritet', organisation, [
        'Boten sparar ditt namn, ditt Entra ID-objekt-id, ditt språk och uppgifter om hur den når dig i Teams, för att kunna svara dig och skicka påminnelser.',
        'Incidentrapporter, godkännanden och kvittenser sparas i kommunens egen databas och visas bara för de roller som behöver dem enligt IT-säkerhetspolicyn. Vem som gjort vad loggas i en granskningslogg.',
        'Kontakta kommunens dataskyddsombud om du har frågor om behandlingen av dina personuppgifter.',
      ]),
    },
    {
      path: '/villkor',
      html: page('Användarvillkor', organisation, [
        'Boten är ett stöd i kommunens IT-säkerhetsarbete och får användas av kommunens medarbetare i tjänsten.',
        'Svar om reglerna är vägledning; den fastställda IT-säkerhetsinstruktionen gäller. Vid akuta incidenter: kontakta även IT-supporten per telefon.',
      ]),
    },
  ];
}
