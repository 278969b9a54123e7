// The bench page: `?case=<name>` mounts one scenario; the runner calls `window.bench.run()`.
import { Profiler, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@aitre/ui/styles.css';
import { runMarkdown } from './MarkdownBench.js';
import { measureStream, nextFrame, onRender } from './measure.js';
import {
  AiSdkScenario,
  ChatScenario,
  control,
  lastTokenShown,
  OurMinimalScenario,
} from './StreamScenarios.js';

const STREAMS: Record<string, () => ReactNode> = {
  chat: () => <ChatScenario historySize={0} />,
  'chat-1000': () => <ChatScenario historySize={1000} />,
  'ours-minimal': () => <OurMinimalScenario />,
  'aisdk-minimal': () => <AiSdkScenario />,
};

declare global {
  interface Window {
    bench: { ready: Promise<void>; run: () => Promise<unknown> };
  }
}

const name = new URLSearchParams(location.search).get('case') ?? '';
const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const stream = STREAMS[name];

async function mount(): Promise<void> {
  if (stream) {
    createRoot(element as HTMLElement).render(
      <Profiler id="bench" onRender={onRender}>
        {stream()}
      </Profiler>,
    );
  }
  // Let the first render, the model list and layout settle before measuring.
  for (let i = 0; i < 10; i++) await nextFrame();
}

window.bench = {
  ready: mount(),
  run: async () => {
    if (name === 'md-ours') return runMarkdown('ours');
    if (name === 'md-react-markdown') return runMarkdown('react-markdown');
    const send = control.send;
    if (!send) throw new Error(`unknown bench case "${name}"`);
    return measureStream(send, lastTokenShown);
  },
};
