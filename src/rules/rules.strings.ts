import type { Locale } from '../platform/strings.js';

/**
 * What staff read in the rules Q&A, Swedish and English. The rules themselves and
 * the areas' titles stay Swedish in both (docs/contracts.md: answers name the Swedish title).
 */
export interface RulesStrings {
  instructionTitle: string;
  draftNote: string;
  areasIntro: string;
  allAreas: string;
  sectionLabel: (section: string) => string;
  rulesInArea: (count: number) => string;
  languageNote: string;
  yourQuestion: (question: string) => string;
  relatedHeading: string;
  reportIncident: string;
  backToArea: (areaTitle: string) => string;
  feedbackPrompt: string;
  yes: string;
  no: string;
  commentLabel: string;
  commentPlaceholder: string;
  sendComment: string;
  thanksHelpful: string;
  thanksNotHelpful: string;
  noMatchTitle: string;
  suggestionsIntro: string;
  noSuggestions: string;
  forwardIntro: string;
  forwardButton: string;
  forwarded: string;
  coordinatorTitle: string;
  coordinatorAsker: (name: string) => string;
  coordinatorAskedAt: (when: string) => string;
  coordinatorNoMatch: string;
  coordinatorNotHelpful: (rule: string, comment: string | null) => string;
  replyLabel: (asker: string) => string;
  replyPlaceholder: string;
  replyRequired: string;
  sendReply: string;
  answeredBy: (name: string, when: string) => string;
  answeredByYou: (asker: string) => string;
  alreadyAnswered: (name: string) => string;
  replyTitle: string;
  replyFrom: (name: string) => string;
  replyFooter: string;
  emptyQuestion: string;
  unknownQuestion: string;
  notYourQuestion: string;
  notCoordinator: string;
  emptyReply: string;
  noCoordinators: string;
  /** What the lock screen and the activity feed show of a forwarded question, and of its answer. */
  forwardedSummary: (name: string) => string;
  answeredSummary: string;
  /** The asker has forwarded `count` questions in the last minute; this one is not sent. */
  forwardLimited: (count: number) => string;
  /** To the coordinators: someone forwarded `count` questions within a minute. */
  forwardLimitReached: (name: string, count: number) => string;
  ruleBelow: string;
  unknownRule: string;
}

const sv: RulesStrings = {
  instructionTitle: 'IT-säkerhetsinstruktion Användare',
  draftNote: 'Utkast: instruktionen är ännu inte fastställd av kommunen.',
  areasIntro:
    'Välj ett område för att se dess regler, eller skriv en fråga direkt, till exempel "får jag använda USB-minne?".',
  allAreas: 'Alla områden',
  sectionLabel: (section) => `Avsnitt ${section}`,
  rulesInArea: (count) => `${count} regler. Välj en regel för att läsa den.`,
  languageNote: '',
  yourQuestion: (question) => `Din fråga: ${question}`,
  relatedHeading: 'Relaterade regler',
  reportIncident: 'Rapportera incident',
  backToArea: (areaTitle) => `Tillbaka till ${areaTitle}`,
  feedbackPrompt: 'Hjälpte svaret?',
  yes: 'Ja',
  no: 'Nej',
  commentLabel: 'Vad saknades i svaret? (frivilligt)',
  commentPlaceholder: 'Skriv gärna vad du letade efter',
  sendComment: 'Skicka kommentar',
  thanksHelpful: 'Tack! Bra att svaret hjälpte.',
  thanksNotHelpful:
    'Tack! IT-säkerhetssamordnaren använder synpunkterna för att förbättra reglerna.',
  noMatchTitle: 'Jag hittade ingen regel som säkert svarar på det',
  suggestionsIntro: 'De här reglerna ligger närmast din fråga:',
  noSuggestions: 'Ingen regel liknar frågan. Skriv "regler" för att bläddra bland alla regler.',
  forwardIntro: 'Du kan skicka frågan till IT-säkerhetssamordnaren, som svarar dig här i chatten.',
  forwardButton: 'Fråga IT-säkerhetssamordnaren',
  forwarded: 'Frågan är skickad till IT-säkerhetssamordnaren. Du får svaret här i chatten.',
  coordinatorTitle: 'Fråga till IT-säkerhetssamordnaren',
  coordinatorAsker: (name) => `${name} frågar:`,
  coordinatorAskedAt: (when) => `Ställd ${when}`,
  coordinatorNoMatch: 'Boten hittade ingen regel som säkert svarar på frågan.',
  coordinatorNotHelpful: (rule, comment) =>
    `Boten svarade med regeln ${rule}, men frågeställaren tyckte inte att svaret hjälpte.` +
    (comment ? ` Kommentar: ${comment}` : ''),
  replyLabel: (asker) => `Ditt svar (skickas till ${asker})`,
  replyPlaceholder: 'Skriv ditt svar',
  replyRequired: 'Skriv ett svar innan du skickar.',
  sendReply: 'Skicka svar',
  answeredBy: (name, when) => `Besvarad av ${name} ${when}:`,
  answeredByYou: (asker) => `Ditt svar är skickat till ${asker}.`,
  alreadyAnswered: (name) => `Frågan är redan besvarad av ${name}. Ditt svar skickades inte.`,
  replyTitle: 'Svar från IT-säkerhetssamordnaren',
  replyFrom: (name) => `${name}, IT-säkerhetssamordnare`,
  replyFooter: 'Skriv en ny fråga när du vill, eller "regler" för att bläddra bland reglerna.',
  emptyQuestion:
    'Skriv din fråga om IT-säkerhetsreglerna, eller "hjälp" för att se vad jag kan göra.',
  unknownQuestion: 'Frågan finns inte längre hos mig. Skriv den gärna igen.',
  notYourQuestion: 'Knappen hör till någon annans fråga, så den kan du inte använda.',
  notCoordinator: 'Bara IT-säkerhetssamordnaren kan svara på frågor som skickats till samordnaren.',
  emptyReply: 'Skriv ett svar i fältet innan du trycker på "Skicka svar".',
  noCoordinators:
    'Det finns ingen IT-säkerhetssamordnare att skicka frågan till. Kontakta IT-supporten.',
  forwardedSummary: (name) => `Fråga från ${name} till IT-säkerhetssamordnaren`,
  answeredSummary: 'Svar från IT-säkerhetssamordnaren på din fråga',
  forwardLimited: (count) =>
    `Du har skickat ${count} frågor till samordnaren den senaste minuten, så den här skickades inte. Vänta en minut och tryck igen; är det bråttom, ring IT-supporten.`,
  forwardLimitReached: (name, count) =>
    `${name} har skickat ${count} frågor till samordnaren på en minut, och fler skickas inte förrän minuten har gått. Du får det här meddelandet en gång per person och dag.`,
  ruleBelow: 'Regeln visas i ett nytt meddelande.',
  unknownRule: 'Regeln finns inte längre. Skriv "regler" för att se alla regler.',
};

const en: RulesStrings = {
  instructionTitle: 'IT security instruction for users (IT-säkerhetsinstruktion Användare)',
  draftNote: 'Draft: the municipality has not adopted the instruction yet.',
  areasIntro:
    'Choose an area to see its rules, or just ask a question, for example "may I use a USB stick?".',
  allAreas: 'All areas',
  sectionLabel: (section) => `Section ${section}`,
  rulesInArea: (count) => `${count} rules. Choose one to read it.`,
  languageNote: 'The rules are written in Swedish.',
  yourQuestion: (question) => `Your question: ${question}`,
  relatedHeading: 'Related rules',
  reportIncident: 'Report incident',
  backToArea: (areaTitle) => `Back to ${areaTitle}`,
  feedbackPrompt: 'Did this answer help?',
  yes: 'Yes',
  no: 'No',
  commentLabel: 'What was missing? (optional)',
  commentPlaceholder: 'Tell us what you were looking for',
  sendComment: 'Send comment',
  thanksHelpful: 'Thank you! Glad it helped.',
  thanksNotHelpful:
    'Thank you! The IT security coordinator uses the feedback to improve the rules.',
  noMatchTitle: 'I found no rule that answers that with confidence',
  suggestionsIntro: 'These rules are closest to your question:',
  noSuggestions: 'No rule resembles the question. Type "rules" to browse all rules.',
  forwardIntro:
    'You can send the question to the IT security coordinator, who answers you here in the chat.',
  forwardButton: 'Ask the IT security coordinator',
  forwarded:
    'Your question has been sent to the IT security coordinator. The answer comes here in the chat.',
  coordinatorTitle: 'Question for the IT security coordinator',
  coordinatorAsker: (name) => `${name} asks:`,
  coordinatorAskedAt: (when) => `Asked ${when}`,
  coordinatorNoMatch: 'The bot found no rule that answers the question with confidence.',
  coordinatorNotHelpful: (rule, comment) =>
    `The bot answered with rule ${rule}, but the person did not find it helpful.` +
    (comment ? ` Comment: ${comment}` : ''),
  replyLabel: (asker) => `Your answer (sent to ${asker})`,
  replyPlaceholder: 'Write your answer',
  replyRequired: 'Write an answer before sending.',
  sendReply: 'Send answer',
  answeredBy: (name, when) => `Answered by ${name} ${when}:`,
  answeredByYou: (asker) => `Your answer has been sent to ${asker}.`,
  alreadyAnswered: (name) =>
    `The question was already answered by ${name}. Your answer was not sent.`,
  replyTitle: 'Answer from the IT security coordinator',
  replyFrom: (name) => `${name}, IT security coordinator`,
  replyFooter: 'Ask a new question at any time, or type "rules" to browse the rules.',
  emptyQuestion:
    'Ask your question about the IT security rules, or type "help" to see what I can do.',
  unknownQuestion: 'I no longer have that question. Please ask it again.',
  notYourQuestion: "That button belongs to someone else's question, so you cannot use it.",
  notCoordinator: 'Only the IT security coordinator can answer questions sent to the coordinator.',
  emptyReply: 'Write an answer in the field before pressing "Send answer".',
  noCoordinators:
    'There is no IT security coordinator to send the question to. Please contact the IT support.',
  forwardedSummary: (name) => `Question from ${name} to the IT security coordinator`,
  answeredSummary: 'The IT security coordinator answered your question',
  forwardLimited: (count) =>
    `You have sent ${count} questions to the coordinator in the last minute, so this one was not sent. Wait a minute and press again; if it is urgent, call the IT support.`,
  forwardLimitReached: (name, count) =>
    `${name} has sent ${count} questions to the coordinator in one minute; more are not sent until the minute has passed. You get this message once per person and day.`,
  ruleBelow: 'The rule follows in a new message.',
  unknownRule: 'That rule no longer exists. Type "rules" to see all rules.',
};

export function rulesStringsFor(locale: Locale): RulesStrings {
  return locale === 'en' ? en : sv;
}
