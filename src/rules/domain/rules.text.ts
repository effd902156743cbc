import snowball from 'snowball-stemmers';

/**
 * Turns words into search terms the same way for the rules and for questions:
 * lower case, stop words out, stemmed with the Swedish and the English Snowball
 * stemmers (staff ask in both), and å/ä/ö folded so that "losenord" finds "lösenord".
 */

// Question words, pronouns and auxiliaries carry no topic; "regel" is what every question is about.
const SWEDISH = `alla allt andra annan annat att av bara behöver behövs blev bli blir blivit bör da dem den denna
  denne dess dessa det detta dig din dina dit ditt du där då efter ej eller en er era ert ett får få
  fick finns fort för från gjort gör göra ha hade han hans har hej hen henne hennes hit hon honom hur
  här i icke ingen inom inte ja jag ju just kan kunde kommer lite man med mej mellan men mig min mina
  mitt mot mycket måste ni nog nu när någon något några nån nåt och också ok okej om oss på sa samma
  sedan sig sin sina sitta själv ska skall skulle snälla som så sådan sådana sådant tack till typ
  undrar under upp ut utan vad var vara varför varit varje vart vem vi vid vilka vilken vilket vill
  visst vår våra vårt än är åt över fråga frågor regel regeln regler reglerna gäller använda använder
  användning annars egentligen många flera ny nya ta tar ge ger gå går ligger innan länge redan
  igen alltid dock hela helt mer mest mindre väl även både samt kommun kommunen kommunens kommunal kommunala`;
const ENGLISH = `a about all allowed am an and any are as at be been being but by can could did do does
  doing for from get got had has have hello hi how i if in is it its me may might must my no not of
  ok okay on or our please rule rules should so that the their them then there these they this those
  to use using was we were what when where which who whom why will with would yes you your`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${SWEDISH} ${ENGLISH}`.split(/\s+/).filter((w) => w.length > 0),
);

const swedish = snowball.newStemmer('swedish');
const english = snowball.newStemmer('english');

export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

/**
 * The search term for one word, or null for a stop word. One term per word, so a
 * word never counts twice: the Swedish stem, then the English stemmer over it
 * (it strips English endings and leaves Swedish stems nearly alone).
 */
export function termOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 || STOP_WORDS.has(lower)) return null;
  const known = terms.get(lower);
  if (known !== undefined) return known;
  const term = foldDiacritics(english.stem(swedish.stem(lower)));
  // Staff use a few thousand words; stemming each anew was a twentieth of a question's
  // time. Bounded: emptied when full, and long strings are not kept.
  if (lower.length <= MAX_CACHED_WORD) {
    if (terms.size >= MAX_CACHED_TERMS) terms.clear();
    terms.set(lower, term);
  }
  return term;
}

const MAX_CACHED_TERMS = 20_000;
const MAX_CACHED_WORD = 40;
const terms = new Map<string, string>();

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a question that carry meaning, in order. */
export function contentWords(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => termOf(w) !== null);
}
