/** The parts of an error the bot reads to tell what kind of trouble it is. */
export interface ErrorShape {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

/** A Node socket error's code, also from the AggregateError of a host with several addresses. */
export function codeOf(error: ErrorShape): string | undefined {
  if (typeof error.code === 'string') return error.code;
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorShape[])
      if (typeof inner?.code === 'string') return inner.code;
  }
  return undefined;
}
