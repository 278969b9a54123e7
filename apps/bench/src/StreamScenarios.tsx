// The three streaming UIs, fed the same 5,000 tokens: our <Chat />, a minimal UI on our
// useChat, and the same minimal UI on the AI SDK's useChat (text-stream transport).
import { useChat as useAiSdkChat } from '@ai-sdk/react';
import { type ChatMessage, createClient, getChatStore } from '@aitre/core';
import { AitreProvider, useChat } from '@aitre/react';
import { Chat } from '@aitre/ui';
import { TextStreamChatTransport } from 'ai';
import { memo, type ReactNode, useEffect, useState } from 'react';
import { sseFetch, textFetch } from './streams.js';
import { answerTokens, historyAnswer, LAST_TOKEN } from './tokens.js';

/** Tokens per streamed answer. */
export const TOKENS = 5_000;

const tokens = answerTokens(TOKENS);
const marker = LAST_TOKEN.trim();

/** Set by the mounted scenario: starts the stream. */
export const control: { send?: () => void; producerDone: boolean } = { producerDone: false };
const onLast = () => {
  control.producerDone = true;
};

const client = createClient({ baseURL: 'http://127.0.0.1:9', fetch: sseFetch(tokens, onLast) });

function history(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i): ChatMessage => {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const content = role === 'user' ? `Question ${i}: how does this work?` : historyAnswer(i);
    const base = { id: `h${i}`, role, content, reasoning: '', images: [], createdAt: 0 } as const;
    return { ...base, parts: [{ type: 'text', text: content }], status: 'done' };
  });
}

/** Our <Chat /> holding `historySize` earlier messages. */
export function ChatScenario({ historySize }: { historySize: number }): ReactNode {
  const [initial] = useState(() => history(historySize));
  useEffect(() => {
    control.send = () => void getChatStore('bench', { client }).send('Go');
  }, []);
  return (
    <AitreProvider client={client}>
      <div style={{ height: '100vh' }}>
        <Chat id="bench" models={['bench-model']} initialMessages={initial} />
      </div>
    </AitreProvider>
  );
}

interface Row {
  id: string;
  role: string;
  text: string;
}

const MinimalRow = memo(function MinimalRow({ role, text }: Omit<Row, 'id'>) {
  return (
    <div data-role={role} style={{ whiteSpace: 'pre-wrap', margin: '0 0 12px' }}>
      {text}
    </div>
  );
});

function MinimalThread({ rows }: { rows: Row[] }): ReactNode {
  return (
    <div data-bench="thread" style={{ height: '100vh', overflowY: 'auto', padding: 12 }}>
      {rows.map((row) => (
        <MinimalRow key={row.id} role={row.role} text={row.text} />
      ))}
    </div>
  );
}

function OurMinimalChat(): ReactNode {
  const chat = useChat({ model: 'bench-model' });
  const { send } = chat;
  useEffect(() => {
    control.send = () => void send('Go');
  }, [send]);
  return (
    <MinimalThread rows={chat.messages.map((m) => ({ id: m.id, role: m.role, text: m.content }))} />
  );
}

/** A minimal UI on our useChat. */
export function OurMinimalScenario(): ReactNode {
  return (
    <AitreProvider client={client}>
      <OurMinimalChat />
    </AitreProvider>
  );
}

/** The same minimal UI on the AI SDK's useChat. */
export function AiSdkScenario(): ReactNode {
  const [transport] = useState(
    () => new TextStreamChatTransport({ api: '/api/chat', fetch: textFetch(tokens, onLast) }),
  );
  const { messages, sendMessage } = useAiSdkChat({ transport });
  useEffect(() => {
    control.send = () => void sendMessage({ text: 'Go' });
  }, [sendMessage]);
  const rows = messages.map((m) => ({
    id: m.id,
    role: m.role,
    text: m.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
  }));
  return <MinimalThread rows={rows} />;
}

/** Whether the last token is in the DOM (checked only once the producer has sent it). */
export function lastTokenShown(): boolean {
  if (!control.producerDone) return false;
  const rows = document.querySelectorAll('[data-slot="chat-message"], [data-bench="thread"] > *');
  return rows[rows.length - 1]?.textContent?.includes(marker) ?? false;
}
