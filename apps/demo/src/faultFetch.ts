/**
 * A fetch that asks the mock gateway for `fault` (the `x-mock-fault` header) on POST requests
 * only: generations fail as asked while the model list, task polling and files still load.
 */
export function faultFetch(fault: string): typeof fetch {
  return (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method.toUpperCase() !== 'POST') return fetch(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
    headers.set('x-mock-fault', fault);
    return fetch(input, { ...init, headers });
  };
}
