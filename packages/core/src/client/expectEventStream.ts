import { ApiError } from '../errors.js';
import { readJson } from './Transport.js';

/**
 * Checks that a streamed call really got an event stream: a JSON answer is read as such,
 * so a 200 carrying `{"error":...}` throws its error instead of yielding nothing.
 */
export async function expectEventStream(response: Response): Promise<void> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return;
  await readJson(response);
  throw new ApiError('JSON where an event stream was expected', {
    kind: 'upstream',
    retryable: false,
    status: response.status,
    code: 'invalid_response',
    headers: response.headers,
  });
}
