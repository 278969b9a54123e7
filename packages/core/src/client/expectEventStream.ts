import { invalidResponse, readJson } from './Transport.js';

/**
 * Checks that a streamed call really got an event stream: a JSON answer is read as such,
 * so a 200 carrying `{"error":...}` throws its error instead of yielding nothing.
 */
export async function expectEventStream(response: Response): Promise<void> {
  if (!response.headers.get('content-type')?.includes('json')) return;
  await readJson(response);
  throw invalidResponse(response, 'JSON where an event stream was expected');
}
