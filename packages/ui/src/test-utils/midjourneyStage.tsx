import { type AitreClient, createClient, type MjTask } from '@aitre/core';
import { createGateway, type MidjourneyOptions } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { MidjourneyStudio, type MidjourneyStudioProps } from '../midjourney/MidjourneyStudio.js';
import { Spinner } from '../shared/Spinner.js';

// What the MidJourney stories share: a stage (the studio on its own in-memory gateway, with a
// task prepared on it and an optional custom layout) and the waits their play functions need.

const BASE = 'http://127.0.0.1:8787';

/** Props of the stage: the studio's, plus the gateway's MJ options, a task to prepare, a layout. */
export interface StageProps extends Omit<MidjourneyStudioProps, 'defaultTaskId'> {
  /** Options of the in-memory gateway's MidJourney relay. */
  mj?: MidjourneyOptions;
  /** Brings a task to the stage shown, on the same gateway; resolves to its id. */
  prepare?: (client: AitreClient) => Promise<string>;
  /** A custom layout instead of the full studio. */
  layout?: (taskId: string | undefined) => ReactNode;
  /** Replaces the gateway's fetch (e.g. a relay without /mj). */
  fetch?: typeof fetch;
}

/** The studio on its own in-memory mock gateway, optionally resuming a task prepared beforehand. */
export function Stage({ mj, prepare, layout, fetch, ...props }: StageProps) {
  const [gateway] = useState(() =>
    createGateway({ fileUrls: 'data', tokenDelayMs: 0, mj: { stepMs: 800, ...mj } }),
  );
  const client = useMemo(
    () => createClient({ baseURL: BASE, fetch: fetch ?? gateway.fetch }),
    [gateway, fetch],
  );
  const [taskId, setTaskId] = useState<string>();
  useEffect(() => {
    let live = true;
    prepare?.(client).then((id) => {
      if (live) setTaskId(id);
    });
    return () => {
      live = false;
    };
  }, [client, prepare]);
  if (prepare && !taskId) return <Spinner />;
  return (
    <AitreProvider client={client}>
      {layout ? (
        layout(taskId)
      ) : (
        <MidjourneyStudio historyKey={null} defaultTaskId={taskId} {...props} />
      )}
    </AitreProvider>
  );
}

/** How long a play function waits for a task on the stage to reach the state it checks. */
export const STAGE = { timeout: 15_000 };

/** Polls a task on the stage's gateway until `done` says so. */
export async function until(
  client: AitreClient,
  id: string,
  done: (task: MjTask) => boolean,
): Promise<MjTask> {
  for (;;) {
    const task = await client.midjourney.fetchTask(id);
    if (done(task)) return task;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls a task on the stage's gateway until it ends, in SUCCESS or FAILURE. */
export function settled(client: AitreClient, id: string): Promise<MjTask> {
  return until(client, id, (task) => task.status === 'SUCCESS' || task.status === 'FAILURE');
}
