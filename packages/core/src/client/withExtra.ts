/** The request body: the params without `extra`, with `extra`'s fields merged over them. */
export function withExtra<T extends { extra?: Record<string, unknown> }>(
  params: T,
): Omit<T, 'extra'> & Record<string, unknown> {
  const { extra, ...body } = params;
  return { ...body, ...extra };
}
