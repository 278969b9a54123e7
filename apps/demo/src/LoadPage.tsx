import { AitreProvider, useChat, useMidjourneyTask } from '@aitre/react';
import { Chat } from '@aitre/ui';
import { useEffect, useRef, useState } from 'react';

const CHAT_MODEL = 'gpt-4o';

/** Props of {@link LoadPage}. */
export interface LoadPageProps {
  /** Chats that stream at once. */
  chats: number;
  /** MidJourney tasks that poll at once. */
  tasks: number;
}

/**
 * The load page (`/?load`, for the load e2e test; English only): `chats` <Chat /> components
 * and `tasks` MidJourney tasks on one page, all started by one click, through the real hooks.
 */
export function LoadPage({ chats, tasks }: LoadPageProps) {
  const [started, setStarted] = useState(false);
  return (
    <AitreProvider baseURL={window.location.origin}>
      <div className="aitre-root demo-app">
        <main className="demo-main demo-load">
          <button
            type="button"
            className="demo-segment"
            disabled={started}
            onClick={() => setStarted(true)}
          >
            Start
          </button>
          <section aria-label="Chats" className="demo-load-grid">
            {Array.from({ length: chats }, (_, index) => (
              <LoadChat key={index} index={index} started={started} />
            ))}
          </section>
          <section aria-label="MidJourney tasks" className="demo-load-grid">
            {Array.from({ length: tasks }, (_, index) => (
              <LoadTask key={index} index={index} started={started} />
            ))}
          </section>
        </main>
      </div>
    </AitreProvider>
  );
}

function LoadChat({ index, started }: { index: number; started: boolean }) {
  const id = `load-chat-${index}`;
  const { send } = useChat({ id, model: CHAT_MODEL });
  // A ref, not the effect alone: StrictMode runs effects twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (!started || sent.current) return;
    sent.current = true;
    void send(`Question ${index + 1}: explain HTTP streaming in a few sentences`);
  }, [started, send, index]);
  return <Chat id={id} model={CHAT_MODEL} className="demo-load-chat" />;
}

function LoadTask({ index, started }: { index: number; started: boolean }) {
  const { imagine, status, taskId, progress, imageUrl } = useMidjourneyTask();
  const sent = useRef(false);
  useEffect(() => {
    if (!started || sent.current) return;
    sent.current = true;
    void imagine({ prompt: `A castle on a hill, number ${index + 1}` });
  }, [started, imagine, index]);
  return (
    <figure className="demo-load-task" data-slot="load-task" data-status={status}>
      {imageUrl && <img src={imageUrl} alt="" width={96} height={96} />}
      <figcaption>
        {taskId ?? '-'} {status} {progress}%
      </figcaption>
    </figure>
  );
}
