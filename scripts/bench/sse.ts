// SSE decoding benchmark: how much does turning a chat stream's bytes into parsed chunks cost
// on top of JSON.parse alone? Compares @aitre/core with eventsource-parser and openai's Stream.
import { performance } from 'node:perf_hooks';
import { createParser } from 'eventsource-parser';
import { Stream } from 'openai/streaming';
// The root package does not depend on the workspace packages: import the source directly.
import { readSSE, SSEDecoder } from '../../packages/core/src/sse/index.js';

/** Chunks in the benchmark stream. */
const CHUNKS = 50_000;
/** Largest network read, in bytes. */
const MAX_SLICE = 4096;
const STREAM = { stream: true };
/** Our decoder + JSON.parse may cost at most this multiple of JSON.parse alone. */
export const SSE_TARGET_RATIO = 1.2;
const OURS = '@aitre/core SSEDecoder + JSON.parse';

/** Deterministic PRNG (mulberry32): the same stream and slices on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = [
  'the',
  ' model',
  ' streams',
  ' tokens',
  ',',
  ' and',
  ' each',
  ' delta',
  ' carries',
  ' a',
  ' few',
  ' characters',
  '.',
  '\n\n',
  ' **bold**',
  ' `code`',
  ' function',
  '(x)',
  ' =>',
  ' {',
];
const CJK = [
  '你好',
  '，',
  '我们',
  '正在',
  '流式',
  '输出',
  '文本',
  '。',
  '模型',
  '推理',
  '中文',
  '字符',
];
/** Chunks per simulated answer; each answer is in one language, as real chats are. */
const ANSWER = 400;

/**
 * Realistic `chat.completion.chunk` JSON strings: answers of 400 chunks, one in five in
 * Chinese (with some Latin tokens mixed in); each opens with 40 `reasoning_content` deltas and
 * ends with a finish chunk carrying usage. Deltas are mostly 1-3 tokens, sometimes 10-70.
 */
function makePayloads(random: () => number, cjkShare: (chunk: number) => number): string[] {
  const payloads: string[] = [];
  let created = 1_764_000_000;
  for (let i = 0; i < CHUNKS; i++) {
    const answer = Math.floor(i / ANSWER);
    const at = i % ANSWER;
    if (at === 0) created += 37;
    const id = `chatcmpl-20261125190000${String(answer).padStart(6, '0')}abcdef`;
    const pieces = random() < 0.85 ? 1 + Math.floor(random() * 3) : 10 + Math.floor(random() * 60);
    const share = cjkShare(i);
    let text = '';
    for (let p = 0; p < pieces; p++) {
      const words = random() < share ? CJK : LATIN;
      text += words[Math.floor(random() * words.length)];
    }
    const reasoning = at < 40;
    const last = at === ANSWER - 1;
    const delta = last ? {} : reasoning ? { reasoning_content: text } : { content: text };
    const chunk: Record<string, unknown> = {
      id,
      object: 'chat.completion.chunk',
      created,
      model: reasoning ? 'deepseek-reasoner' : 'gpt-4o-mini',
      system_fingerprint: 'fp_44709d6fcb',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: last ? 'stop' : null }],
    };
    if (last) chunk.usage = { prompt_tokens: 31, completion_tokens: ANSWER, total_tokens: 431 };
    payloads.push(JSON.stringify(chunk));
  }
  return payloads;
}

/** Frames the payloads as one SSE byte stream cut into random 1..MAX_SLICE byte reads. */
function makeSlices(payloads: string[], random: () => number): Uint8Array[] {
  const bytes = new TextEncoder().encode(payloads.map((p) => `data: ${p}\n\n`).join(''));
  const slices: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * MAX_SLICE);
    slices.push(bytes.slice(at, at + size));
    at += size;
  }
  return slices;
}

/** How many payloads each read completes (its last byte is in that read). */
function completedPerRead(payloads: string[], slices: Uint8Array[]): number[] {
  const encoder = new TextEncoder();
  let end = 0;
  const ends = payloads.map((p) => {
    end += encoder.encode(`data: ${p}\n\n`).length;
    return end;
  });
  let read = 0;
  let next = 0;
  return slices.map((slice) => {
    read += slice.length;
    const first = next;
    while (next < ends.length && ends[next]! <= read) next++;
    return next - first;
  });
}

function streamOf(slices: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const slice = slices[i++];
      if (slice) controller.enqueue(slice);
      else controller.close();
    },
  });
}

type Case = { name: string; run: () => number | Promise<number> };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row of a result table. */
export type SSEBenchRow = { name: string; medianMs: number; ratio: number };

// Every case returns the number of chunks it parsed, so no work can be optimised away.
function cases(payloads: string[], slices: Uint8Array[], all: boolean): Case[] {
  const floor: Case = {
    name: 'floor: JSON.parse alone',
    run: () => {
      let n = 0;
      for (const payload of payloads) n += JSON.parse(payload).choices.length;
      return n;
    },
  };
  const ours: Case = {
    name: OURS,
    run: () => {
      let n = 0;
      const decoder = new SSEDecoder((event) => {
        n += JSON.parse(event.data).choices.length;
      });
      for (const slice of slices) decoder.push(slice);
      decoder.end();
      return n;
    },
  };
  // No SSE decoder can beat this: every byte decoded once by the faster TextDecoder mode for
  // its read (chosen with hindsight, which no real decoder has), then every payload parsed.
  // It shows how much of the floor's 1.2x allowance UTF-8 decoding alone takes.
  const ascii = slices.map((slice) => slice.every((byte) => byte < 0x80));
  const bound: Case = {
    name: 'bound: TextDecoder + JSON.parse, no SSE',
    run: () => {
      const oneShot = new TextDecoder();
      const streaming = new TextDecoder();
      let length = 0;
      for (const [i, slice] of slices.entries()) {
        length += (ascii[i] ? oneShot.decode(slice) : streaming.decode(slice, STREAM)).length;
      }
      let n = length > 0 ? 0 : -1;
      for (const payload of payloads) n += JSON.parse(payload).choices.length;
      return n;
    },
  };
  // Tighter: the same decoding, but each read decoded when it arrives and the payloads it
  // completes parsed right after, as any streaming decoder must interleave the two. Still no
  // SSE work at all: the payloads parsed are the prepared strings, not slices of the reads.
  const completed = completedPerRead(payloads, slices);
  const arrivalBound: Case = {
    name: 'bound as reads arrive: decode, then parse what completed',
    run: () => {
      const oneShot = new TextDecoder();
      const streaming = new TextDecoder();
      let n = 0;
      let next = 0;
      let length = 0;
      for (const [i, slice] of slices.entries()) {
        length += (ascii[i] ? oneShot.decode(slice) : streaming.decode(slice, STREAM)).length;
        for (let k = completed[i]!; k > 0; k--) n += JSON.parse(payloads[next++]!).choices.length;
      }
      return length > 0 ? n : -1;
    },
  };
  // The least any decoder can do and still return each payload: decode, find each LF, join
  // the line cut by the previous read to its rest, slice after `data: `. Not conformant (no
  // CR, fields, comments or multi-line data): the difference to ours is what the spec costs.
  const naive: Case = {
    name: 'naive data-only splitter (not conformant)',
    run: () => {
      const oneShot = new TextDecoder();
      const streaming = new TextDecoder();
      let n = 0;
      let carry = '';
      for (const [i, slice] of slices.entries()) {
        const text = ascii[i] ? oneShot.decode(slice) : streaming.decode(slice, STREAM);
        let pos = 0;
        for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', pos)) {
          const line = carry === '' ? text.slice(pos, lf) : carry + text.slice(pos, lf);
          carry = '';
          if (line !== '') n += JSON.parse(line.slice(6)).choices.length;
          pos = lf + 1;
        }
        carry += text.slice(pos);
      }
      return n;
    },
  };
  if (!all) return [floor, bound, arrivalBound, ours];
  return [
    floor,
    bound,
    arrivalBound,
    naive,
    ours,
    {
      name: '@aitre/core readSSE (async) + JSON.parse',
      run: async () => {
        let n = 0;
        for await (const event of readSSE(streamOf(slices))) {
          n += JSON.parse(event.data).choices.length;
        }
        return n;
      },
    },
    {
      name: 'eventsource-parser + JSON.parse',
      run: () => {
        let n = 0;
        const text = new TextDecoder();
        const parser = createParser({
          onEvent: (event) => {
            n += JSON.parse(event.data).choices.length;
          },
        });
        for (const slice of slices) parser.feed(text.decode(slice, { stream: true }));
        parser.feed(text.decode());
        return n;
      },
    },
    {
      name: 'openai 6.49 Stream.fromSSEResponse',
      run: async () => {
        let n = 0;
        const response = new Response(streamOf(slices));
        const stream = Stream.fromSSEResponse<{ choices: unknown[] }>(
          response,
          new AbortController(),
        );
        for await (const chunk of stream) n += chunk.choices.length;
        return n;
      },
    },
  ];
}

/** Warm-up, then `runs` rounds with the cases interleaved; prints and returns the medians. */
async function measure(title: string, list: Case[], runs: number): Promise<SSEBenchRow[]> {
  const times = list.map(() => [] as number[]);
  const warmups = 3;
  for (let round = 0; round < warmups + runs; round++) {
    for (const [i, c] of list.entries()) {
      const start = performance.now();
      const n = await c.run();
      const elapsed = performance.now() - start;
      if (n !== CHUNKS) throw new Error(`${c.name} parsed ${n} chunks, expected ${CHUNKS}`);
      if (round >= warmups) times[i]!.push(elapsed);
    }
  }
  const floor = median(times[0]!);
  const rows = list.map((c, i) => {
    const medianMs = median(times[i]!);
    return { name: c.name, medianMs, ratio: medianMs / floor };
  });
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${title}\n${'case'.padEnd(width)}  median ms  x floor`);
  for (const row of rows) {
    const ms = row.medianMs.toFixed(1).padStart(9);
    console.log(`${row.name.padEnd(width)}  ${ms}  ${row.ratio.toFixed(2).padStart(7)}`);
  }
  return rows;
}

/**
 * The SSE benchmark: a realistic chat stream through every parser; then, for our decoder only,
 * an English-only stream and a stress stream with CJK sprinkled through every answer.
 */
export async function runSSEBenchmark(runs = 15): Promise<{ rows: SSEBenchRow[]; ok: boolean }> {
  const random = prng(20261125);
  const payloads = makePayloads(random, (i) => (Math.floor(i / ANSWER) % 5 === 0 ? 0.9 : 0));
  const slices = makeSlices(payloads, random);
  const bytes = slices.reduce((sum, s) => sum + s.length, 0);
  const shape = `${CHUNKS} chunks, ${(bytes / 1e6).toFixed(1)} MB in ${slices.length} reads of 1..${MAX_SLICE} B`;
  const rows = await measure(
    `SSE, chat stream (${shape}), ${runs} runs`,
    cases(payloads, slices, true),
    runs,
  );

  const english = makePayloads(random, () => 0);
  await measure(
    'SSE, English only (every read is ASCII)',
    cases(english, makeSlices(english, random), false),
    runs,
  );
  const stress = makePayloads(random, () => 0.1);
  await measure(
    'SSE, stress: CJK in every answer (most reads hold multi-byte text)',
    cases(stress, makeSlices(stress, random), false),
    runs,
  );

  const ours = rows.find((row) => row.name === OURS)!;
  const ok = ours.ratio <= SSE_TARGET_RATIO;
  const verdict = ok ? 'met' : 'NOT met';
  console.log(
    `\nSSEDecoder + JSON.parse on the chat stream: ${ours.ratio.toFixed(3)}x JSON.parse alone (target <= ${SSE_TARGET_RATIO}x): ${verdict}`,
  );
  return { rows, ok };
}
