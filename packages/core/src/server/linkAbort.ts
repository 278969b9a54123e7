/**
 * A controller that aborts when the caller's request does (with its reason), for the requests
 * made on the caller's behalf. `unlink` stops following it; it also runs once the controller
 * aborts. The listener reads `request.signal` through `request` on purpose: that keeps the
 * caller's Request reachable from the signal fetch holds. A Request follows the signal it was
 * made with only weakly, so otherwise the caller's abort could be collected before it reaches
 * the upstream.
 */
export function linkAbort(request: Pick<Request, 'signal'>): {
  abort: AbortController;
  unlink: () => void;
} {
  const abort = new AbortController();
  const forward = () => abort.abort(request.signal.reason);
  const unlink = () => request.signal.removeEventListener('abort', forward);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward);
  abort.signal.addEventListener('abort', unlink, { once: true });
  return { abort, unlink };
}
