// In-page streams: every token arrives in its own task, as network reads do, and the producer
// never waits for a timer, so the stream runs as fast as the page can take it.

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves in a new task (a posted message: no 4 ms timer clamping). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

const encoder = new TextEncoder();

function streamOf(pieces: string[], onLast: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await nextTask();
      const piece = pieces[index++];
      if (piece === undefined) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(piece));
      if (index === pieces.length) onLast();
    },
  });
}

function chunk(delta: object, finish: string | null): string {
  const body = { id: 'bench', object: 'chat.completion.chunk', created: 0, model: 'bench' };
  const choice = { index: 0, delta, finish_reason: finish };
  return `data: ${JSON.stringify({ ...body, choices: [choice] })}\n\n`;
}

/** A fetch for @aitre/core: chat completions answer `tokens` as SSE, one event per token. */
export function sseFetch(tokens: string[], onLast: () => void): typeof fetch {
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/models')) {
      const data = [{ id: 'bench-model', object: 'model', created: 0, owned_by: 'bench' }];
      return Response.json({ object: 'list', data });
    }
    const events = tokens.map((token, i) =>
      i === 0
        ? chunk({ role: 'assistant', content: token }, null)
        : chunk({ content: token }, null),
    );
    events.push(`${chunk({}, 'stop')}data: [DONE]\n\n`);
    return new Response(streamOf(events, onLast), {
      headers: { 'content-type': 'text/event-stream' },
    });
  };
}

/** A fetch for the AI SDK's TextStreamChatTransport: `tokens` as plain text, one per read. */
export function textFetch(tokens: string[], onLast: () => void): typeof fetch {
  return async () =>
    new Response(streamOf(tokens, onLast), {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
}
