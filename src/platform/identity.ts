/**
 * A person's Entra ID object id, lower-cased once where it enters the bot (the
 * activity, the organisation file), so comparisons never depend on the case
 * Teams or a YAML author happened to use.
 */
export type AadObjectId = string & { readonly __brand: 'AadObjectId' };

export function aadObjectId(raw: string): AadObjectId {
  return raw.trim().toLowerCase() as AadObjectId;
}
