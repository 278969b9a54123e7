import type { ChatMessage } from '@aitre/react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { renderChat } from '../test-utils/renderChat.js';

afterEach(cleanup);

function thread(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    parts: [{ type: 'text' as const, text: `Message number ${i}` }],
    content: `Message number ${i}`,
    reasoning: '',
    images: [],
    status: 'done' as const,
    createdAt: 0,
  }));
}

/** jsdom lays nothing out: give the log a scroll geometry the test controls. */
function fakeGeometry(element: HTMLElement, clientHeight: number) {
  let top = 0;
  let height = 2000;
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => clientHeight });
  Object.defineProperty(element, 'scrollHeight', { configurable: true, get: () => height });
  Object.defineProperty(element, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = Math.max(0, Math.min(value, height - clientHeight));
    },
  });
  return {
    get top() {
      return top;
    },
    grow(to: number) {
      height = to;
    },
    /** Scrolls as a user would: moves, then the browser fires `scroll`. */
    userScroll(to: number) {
      element.scrollTop = to;
      fireEvent.scroll(element);
    },
  };
}

const jumpButton = () => screen.queryByRole('button', { name: en.chat.jumpToLatest });

describe('Chat auto-scroll', () => {
  it('pauses when the user scrolls up, offers jump to latest, and resumes at the bottom', () => {
    renderChat({ initialMessages: thread(20) });
    const geometry = fakeGeometry(screen.getByRole('log'), 400);
    geometry.userScroll(1600);
    expect(jumpButton()).toBeNull();

    geometry.userScroll(100);
    expect(jumpButton()).toBeTruthy();

    fireEvent.click(jumpButton() as HTMLElement);
    expect(geometry.top).toBe(1600);
    expect(jumpButton()).toBeNull();

    geometry.userScroll(300);
    expect(jumpButton()).toBeTruthy();
    // Scrolling back to within the threshold of the bottom resumes following.
    geometry.userScroll(1550);
    expect(jumpButton()).toBeNull();
  });

  it('keeps following when content grows before the scroll event of its own scroll arrives', () => {
    renderChat({ initialMessages: thread(20) });
    const geometry = fakeGeometry(screen.getByRole('log'), 400);
    geometry.userScroll(1600);
    // An image finished loading: the content is taller, the view has not moved.
    geometry.grow(2600);
    fireEvent.scroll(screen.getByRole('log'));
    expect(jumpButton()).toBeNull();
  });

  it('follows a streaming answer while at the bottom, and stays put once scrolled up', async () => {
    const chat = renderChat({ initialMessages: thread(4) }, { tokenDelayMs: 10 });
    const geometry = fakeGeometry(screen.getByRole('log'), 400);
    geometry.userScroll(1600);

    chat.send('Stream a long answer about scrolling behaviour in chat interfaces');
    geometry.grow(3000);
    await waitFor(() => expect(chat.lastAnswer()?.getAttribute('data-status')).toBe('streaming'));
    await waitFor(() => expect(geometry.top).toBe(2600));

    geometry.userScroll(500);
    geometry.grow(5000);
    await chat.done();
    expect(geometry.top).toBe(500);
    expect(jumpButton()).toBeTruthy();

    fireEvent.click(jumpButton() as HTMLElement);
    expect(geometry.top).toBe(4600);
  });
});
