import { type ChatClient, createChatClient, createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useModels } from './useModels.js';

/** Shows how many chat models the client lists. */
function Count({ client }: { client: ChatClient }) {
  const { status, groups } = useModels({ client });
  return <p>{status === 'success' ? `chat ${groups.chat.length}` : status}</p>;
}

afterEach(() => {
  cleanup();
});

describe('useModels', () => {
  it('loads the grouped model list once for every component of a client', async () => {
    const gateway = createGateway();
    const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
    const view = render(
      <>
        <Count client={client} />
        <Count client={client} />
      </>,
    );
    await waitFor(() => expect(view.getAllByText(/^chat \d+$/)).toHaveLength(2));
    expect(gateway.requests.filter((r) => r.path.endsWith('/v1/models'))).toHaveLength(1);
    view.unmount();
    const again = render(<Count client={client} />);
    expect(again.getByText(/^chat \d+$/)).toBeTruthy();
    expect(gateway.requests.filter((r) => r.path.endsWith('/v1/models'))).toHaveLength(1);
  });

  it('lists models through a chat-only client', async () => {
    const gateway = createGateway();
    const client = createChatClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
    const view = render(<Count client={client} />);
    await waitFor(() => expect(view.getByText(/^chat [1-9]\d*$/)).toBeTruthy());
  });
});
