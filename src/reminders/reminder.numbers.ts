/** Whole numbers and shares in a language's style ("5 000", "84,2 %"). */
export const numberFormats = (tag: string) => {
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return [
    (n: number) => whole.format(n),
    (part: number, total: number) => share.format(total === 0 ? 0 : part / total),
  ] as const;
};
