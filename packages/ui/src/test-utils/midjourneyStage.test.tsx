import { type AitreClient, createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { useAitreClient } from '@aitre/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Stage, settled, until } from './midjourneyStage.js';

afterEach(() => {
  cleanup();
});

/** A layout that shows its task id and reports the client of the provider above it. */
function ShowTask({ taskId, onClient }: { taskId?: string; onClient: (client: unknown) => void }) {
  onClient(useAitreClient());
  return <p>task {taskId}</p>;
}

const quickClient = () => {
  const gateway = createGateway({
    tokenDelayMs: 0,
    mj: { stepMs: 5, steps: 2, bannedWords: ['wolf'] },
  });
  return createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
};

describe('the MidJourney stage of the stories', () => {
  it('waits for a task to end, in SUCCESS with its grid or in FAILURE', async () => {
    const client = quickClient();
    const ok = await client.midjourney.imagine({ prompt: 'a red fox' });
    const grid = await settled(client, ok.taskId);
    expect(grid.status).toBe('SUCCESS');
    expect(grid.buttons.length).toBeGreaterThan(0);
    const banned = await client.midjourney.imagine({ prompt: 'a grey wolf' });
    expect((await settled(client, banned.taskId)).status).toBe('FAILURE');
  });

  it('waits until the task satisfies a condition of the caller', async () => {
    const client = quickClient();
    const { taskId } = await client.midjourney.imagine({ prompt: 'a red fox' });
    const started = await until(client, taskId, (task) => task.status !== 'SUBMITTED');
    expect(['IN_PROGRESS', 'SUCCESS']).toContain(started.status);
  });

  it('prepares a task on its own gateway, then shows the layout with that task', async () => {
    let prepared: AitreClient | undefined;
    let shownWith: unknown;
    render(
      <Stage
        mj={{ stepMs: 5, steps: 2 }}
        prepare={async (client) => {
          prepared = client;
          const { taskId } = await client.midjourney.imagine({ prompt: 'a red fox' });
          return (await settled(client, taskId)).id;
        }}
        layout={(taskId) => <ShowTask taskId={taskId} onClient={(c) => (shownWith = c)} />}
      />,
    );
    const shown = await screen.findByText(/^task \S+$/);
    const { status } = await prepared!.midjourney.fetchTask(shown.textContent!.slice(5));
    expect(status).toBe('SUCCESS');
    // The layout sits under the stage's provider: the client that prepared the task.
    expect(shownWith).toBe(prepared);
  });

  it('shows the whole studio without a layout', async () => {
    render(<Stage mj={{ stepMs: 5, steps: 2 }} />);
    expect(await screen.findByRole('textbox', { name: 'Prompt' })).toBeTruthy();
  });
});
