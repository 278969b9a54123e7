import { cleanup, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { renderChat } from '../test-utils/renderChat.js';

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(cleanup);

describe('Chat accessibility', () => {
  it('has no axe violations when empty', async () => {
    renderChat();
    await waitFor(() =>
      expect(
        screen.getByRole('combobox', { name: en.chat.modelPicker }).querySelectorAll('optgroup'),
      ).toHaveLength(3),
    );
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('has no axe violations with a reasoning answer, usage and actions', async () => {
    const chat = renderChat({ model: 'deepseek-reasoner' });
    chat.send('Why is the sky blue?');
    await chat.done();
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });
});
