import { describe, expect, it } from 'vitest';
import { ApiError, AuthError } from '../errors.js';
import { expectEventStream } from './expectEventStream.js';

const answer = (body: string, type: string | null, status = 200) =>
  new Response(body, { status, headers: type === null ? {} : { 'content-type': type } });

describe('expectEventStream', () => {
  it('accepts an event stream without reading its body', async () => {
    const response = answer('data: {}\n\n', 'text/event-stream; charset=utf-8');
    await expect(expectEventStream(response)).resolves.toBeUndefined();
    expect(response.bodyUsed).toBe(false);
  });

  it('accepts an answer without a content type or with plain text, left for the stream reader', async () => {
    await expect(expectEventStream(answer('data: {}\n\n', null))).resolves.toBeUndefined();
    await expect(expectEventStream(answer('data: {}\n\n', 'text/plain'))).resolves.toBeUndefined();
  });

  it('throws the gateway error of a 200 JSON answer carrying {"error":...}', async () => {
    const body = JSON.stringify({ error: { message: 'invalid token', code: 'invalid_api_key' } });
    const error = await expectEventStream(answer(body, 'application/json')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toBe('invalid token');
  });

  it('rejects a JSON answer without an error as invalid_response, not retryable', async () => {
    const body = JSON.stringify({ id: 'x', choices: [] });
    const error = await expectEventStream(answer(body, 'application/json; charset=utf-8')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid_response',
      kind: 'upstream',
      retryable: false,
      status: 200,
    });
  });

  it('rejects a body labelled JSON that does not parse as invalid_response with the text kept', async () => {
    const error = await expectEventStream(
      answer('<html>oops</html>', 'application/json', 502),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid_response',
      status: 502,
      body: '<html>oops</html>',
    });
  });
});
