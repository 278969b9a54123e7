// @vitest-environment node
import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Chat } from './Chat.js';

describe('Chat on the server', () => {
  it('renders to HTML without touching window or document', () => {
    const html = renderToString(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={createGateway().fetch}>
        <Chat model="gpt-4o-mini" theme="light" />
      </AitreProvider>,
    );
    expect(html).toContain('class="aitre-root aitre-chat"');
    expect(html).toContain('role="log"');
    expect(html).toContain('How can I help?');
  });
});
