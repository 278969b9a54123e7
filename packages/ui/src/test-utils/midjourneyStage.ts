import type { AitreClient, MjTask } from '@aitre/core';
import type { MidjourneyOptions } from '@aitre/mock-gateway';
import type { ComponentType, ReactNode } from 'react';
import studio from '../midjourney/MidjourneyStudio.stories.js';

// What the MidJourney part stories share: the studio stories' stage (an in-memory gateway, a
// task prepared on it, a custom layout) and the waits their play functions need.

/** Props of the stage: the gateway's MJ options, the task to prepare, the layout. */
export interface StageProps {
  mj?: MidjourneyOptions;
  prepare?: (client: AitreClient) => Promise<string>;
  layout?: (taskId: string | undefined) => ReactNode;
}

/** The studio stories' stage component, typed for the props the part stories pass. */
export const Stage = studio.component as ComponentType<StageProps>;

/** How long a play function waits for a task on the stage to reach the state it checks. */
export const STAGE = { timeout: 15_000 };

/** Polls a task on the stage's gateway until it ends, in SUCCESS or FAILURE. */
export async function settled(client: AitreClient, id: string): Promise<MjTask> {
  for (;;) {
    const task = await client.midjourney.fetchTask(id);
    if (task.status === 'SUCCESS' || task.status === 'FAILURE') return task;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
