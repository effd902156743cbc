/** The languages staff read: Swedish by default, English where Teams says the user's locale is English. */
export type Locale = 'sv' | 'en';

/** Teams sends e.g. "sv-SE" or "en-US"; anything not English gets Swedish. */
export function localeFrom(teamsLocale: string | null | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}
