import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../locale/en.js';
import { format } from '../locale/format.js';
import { zhCN } from '../locale/zhCN.js';
import { renderChat } from '../test-utils/renderChat.js';

afterEach(cleanup);

describe('Chat messages', () => {
  it('regenerates an answer in place', async () => {
    const chat = renderChat();
    chat.send('What is a monad?');
    await chat.done();
    const first = chat.lastAnswer();
    fireEvent.click(within(first).getByRole('button', { name: en.chat.regenerate }));
    await waitFor(() => expect(chat.lastAnswer()).not.toBe(first));
    await chat.done();
    expect(chat.answers()).toHaveLength(1);
    expect(chat.chatBodies).toHaveLength(2);
    expect(chat.chatBodies[1]?.messages.map((m) => m.role)).toEqual(['user']);
  });

  it('edits a user message inline and asks again; cancel leaves it unchanged', async () => {
    const chat = renderChat();
    chat.send('Original question');
    await chat.done();
    const user = () => screen.getByRole('article', { name: en.chat.you });

    fireEvent.click(within(user()).getByRole('button', { name: en.chat.edit }));
    const editor = screen.getByLabelText(en.chat.editLabel) as HTMLTextAreaElement;
    expect(editor.value).toBe('Original question');
    fireEvent.change(editor, { target: { value: 'Never sent' } });
    fireEvent.click(screen.getByRole('button', { name: en.chat.cancelEdit }));
    expect(user().textContent).toContain('Original question');

    fireEvent.click(within(user()).getByRole('button', { name: en.chat.edit }));
    fireEvent.change(screen.getByLabelText(en.chat.editLabel), {
      target: { value: 'Edited question' },
    });
    fireEvent.click(screen.getByRole('button', { name: en.chat.saveEdit }));
    await waitFor(() => expect(user().textContent).toContain('Edited question'));
    await waitFor(() => expect(chat.lastAnswer().textContent).toContain('Edited question'));
    await chat.done();
    expect(chat.chatBodies.at(-1)?.messages).toEqual([
      { role: 'user', content: 'Edited question' },
    ]);
  });

  it('shows a mid-stream error in English with the gateway detail, keeps the partial text, and retries', async () => {
    const chat = renderChat({}, { headers: { 'x-mock-fault': 'error-event:1' } });
    chat.send('Explain the fault please');
    await waitFor(() => expect(chat.lastAnswer()?.getAttribute('data-status')).toBe('error'));
    const failed = chat.lastAnswer();
    const alert = within(failed).getByRole('alert');
    expect(alert.textContent).toContain(en.errors.upstream);
    expect(alert.textContent).toContain('The upstream model stopped responding');
    const partial = failed.querySelector('[data-slot="markdown"]')?.textContent ?? '';
    expect(partial.length).toBeGreaterThan(0);

    fireEvent.click(within(failed).getByRole('button', { name: en.chat.retry }));
    await chat.done();
    expect(chat.answers()).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a mid-stream error in Chinese under a zh-CN provider', async () => {
    const chat = renderChat({ model: 'mock-fault-error-event' }, { locale: 'zh-CN' });
    chat.send('解释一下');
    await waitFor(() => expect(chat.lastAnswer()?.getAttribute('data-status')).toBe('error'));
    const alert = within(chat.lastAnswer()).getByRole('alert');
    expect(alert.textContent).toContain(zhCN.errors.upstream);
    expect(within(alert).getByRole('button', { name: zhCN.chat.retry })).toBeTruthy();
    expect(chat.lastAnswer().querySelector('[data-slot="markdown"]')?.textContent).not.toBe('');
  });

  it('sends an attached image as an image part and shows its preview', async () => {
    const chat = renderChat();
    const png = new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'dot.png', {
      type: 'image/png',
    });
    const fileInput = chat.view.container.querySelector(
      '[data-slot="chat-file-input"]',
    ) as HTMLInputElement;
    expect(fileInput.accept).toBe('image/*');
    fireEvent.change(fileInput, { target: { files: [png] } });
    const preview = await screen.findByRole('img', { name: 'Attached image 1' });
    expect(preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    chat.send('What is in this picture?');
    await chat.done();
    expect(screen.queryByRole('list', { name: en.chat.attachments })).toBeNull();
    const content = chat.chatBodies[0]?.messages[0]?.content as Array<Record<string, unknown>>;
    expect(content).toEqual([
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png/) } },
    ]);
    const user = screen.getByRole('article', { name: en.chat.you });
    expect(within(user).getByRole('img', { name: 'Attached image 1' })).toBeTruthy();
  });

  it('removes an attachment from the draft', async () => {
    const chat = renderChat();
    const fileInput = chat.view.container.querySelector(
      '[data-slot="chat-file-input"]',
    ) as HTMLInputElement;
    fireEvent.change(fileInput, {
      target: { files: [new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' })] },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: format(en.chat.removeAttachment, { index: 1 }) }),
    );
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Attached image 1' })).toBeNull());
  });

  it('keeps the thinking panel open while the model reasons', async () => {
    const chat = renderChat({ model: 'deepseek-reasoner' }, { tokenDelayMs: 10 });
    chat.send('Think slowly about tides');
    const toggle = await screen.findByRole('button', { name: en.chat.thinking });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await chat.done();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('copies an answer and says so', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    try {
      const chat = renderChat();
      chat.send('Copy me');
      await chat.done();
      fireEvent.click(within(chat.lastAnswer()).getByRole('button', { name: en.chat.copy }));
      expect(
        await within(chat.lastAnswer()).findByRole('button', { name: en.chat.copied }),
      ).toBeTruthy();
      expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Copy me'));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('puts the reasoning of a thinking model in a collapsible panel', async () => {
    const chat = renderChat({ model: 'deepseek-reasoner' });
    chat.send('Why is the sky blue?');
    await chat.done();
    const toggle = within(chat.lastAnswer()).getByRole('button', { name: /^Thought for \d+ s$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(false);
    expect(panel?.textContent?.length).toBeGreaterThan(0);
  });

  it('shows the progress of a gpt-4o-image answer, then the image, which opens in the lightbox', async () => {
    const chat = renderChat({ model: 'gpt-4o-image' }, { tokenDelayMs: 4 });
    chat.send('A cat boxing');
    const progress = await screen.findByRole('progressbar', { name: en.chat.imageProgress });
    expect(progress).toBeTruthy();
    await chat.done();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const open = within(chat.lastAnswer()).getByRole('button', { name: /^Open image: gen_/ });
    fireEvent.click(open);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('img').getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  it('shows usage and time to first token under a finished answer', async () => {
    const chat = renderChat();
    chat.send('Count my tokens');
    await chat.done();
    const meta = chat.lastAnswer().querySelector('[data-slot="chat-message-meta"]');
    expect(meta?.textContent).toMatch(/\d+ tokens/);
    expect(meta?.textContent).toMatch(/ms to first token/);
  });

  it('announces the start and then the final answer once in a polite live region', async () => {
    const chat = renderChat({}, { tokenDelayMs: 10 });
    const region = chat.view.container.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(screen.getByRole('log').getAttribute('aria-live')).toBe('off');
    chat.send('Say hello to the screen reader');
    await waitFor(() => expect(region.textContent).toBe(en.chat.generating));
    await chat.done();
    const answer = chat.lastAnswer().querySelector('[data-slot="markdown"]')?.textContent ?? '';
    await waitFor(() => expect(region.textContent).toBe(answer));
  });

  it('groups the gateway models and asks the picked one', async () => {
    const chat = renderChat({ model: undefined, defaultModel: 'gpt-4o' });
    const picker = screen.getByRole('combobox', { name: en.chat.modelPicker }) as HTMLSelectElement;
    await waitFor(() => expect(picker.querySelectorAll('optgroup').length).toBe(3));
    const groups = [...picker.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual([
      en.models.groups.chat,
      en.models.groups.reasoning,
      en.models.groups.image,
    ]);
    expect(picker.value).toBe('gpt-4o');
    expect(within(picker).queryByRole('option', { name: 'dall-e-3' })).toBeNull();
    fireEvent.change(picker, { target: { value: 'o3-mini' } });
    chat.send('Which model are you?');
    await chat.done();
    expect(chat.chatBodies[0]?.model).toBe('o3-mini');
  });

  it('reports a picked model to onModelChange and keeps a controlled model', async () => {
    const onModelChange = vi.fn();
    renderChat({ model: 'gpt-4o', onModelChange });
    const picker = screen.getByRole('combobox', { name: en.chat.modelPicker }) as HTMLSelectElement;
    await waitFor(() => expect(picker.querySelectorAll('optgroup').length).toBe(3));
    fireEvent.change(picker, { target: { value: 'o3-mini' } });
    expect(onModelChange).toHaveBeenCalledWith('o3-mini');
    expect(picker.value).toBe('gpt-4o');
  });

  it('says when the gateway cut an answer at max_tokens, in the chosen language', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const chat = renderChat({ body: { max_tokens: 3 } }, { locale });
      chat.send('Tell me a long story');
      await chat.done();
      const answer = chat.lastAnswer();
      // The answer keeps the three tokens that came, and says why it stops there.
      const note = within(answer).getByText(chat.m.chat.statusLength);
      expect(note.getAttribute('data-finish-reason')).toBe('length');
      expect(answer.textContent).toContain('You said');
      expect(chat.chatBodies[0]).toMatchObject({ max_tokens: 3 });
      // A screen reader hears it too, after the answer.
      await waitFor(() =>
        expect(
          document
            .querySelector('[data-slot="chat-announcer"]')
            ?.textContent?.endsWith(chat.m.chat.statusLength),
        ).toBe(true),
      );
      cleanup();
    }
    // An answer that ends normally carries no such note.
    const chat = renderChat();
    chat.send('Tell me a long story');
    await chat.done();
    expect(within(chat.lastAnswer()).queryByText(en.chat.statusLength)).toBeNull();
  });

  it('marks stopped and incomplete answers', () => {
    const answer = (id: string, status: 'stopped' | 'incomplete') => ({
      id,
      role: 'assistant' as const,
      parts: [{ type: 'text' as const, text: 'Part of an answer' }],
      content: 'Part of an answer',
      reasoning: '',
      images: [],
      status,
      createdAt: 0,
    });
    renderChat({ initialMessages: [answer('a1', 'stopped'), answer('a2', 'incomplete')] });
    const [stopped, incomplete] = screen.getAllByRole('article', { name: en.chat.assistant });
    expect(within(stopped as HTMLElement).getByText(en.chat.statusStopped)).toBeTruthy();
    expect(within(incomplete as HTMLElement).getByText(en.chat.statusIncomplete)).toBeTruthy();
  });

  it('offers only the models given in the models prop', () => {
    renderChat({ model: undefined, models: ['my-model', { id: 'deepseek-r1', label: 'R1' }] });
    const picker = screen.getByRole('combobox', { name: en.chat.modelPicker }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['R1', 'my-model']);
    expect(picker.value).toBe('deepseek-r1');
  });
});

describe('Chat attachments by paste and drop', () => {
  const png = () =>
    new File([new Uint8Array([137, 80, 78, 71])], 'pasted.png', { type: 'image/png' });

  it('attaches a pasted image and ignores pasted non-images', async () => {
    const chat = renderChat();
    fireEvent.paste(chat.input(), {
      clipboardData: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] },
    });
    fireEvent.paste(chat.input(), { clipboardData: { files: [png()] } });
    expect(await screen.findByRole('img', { name: 'Attached image 1' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Attached image 2' })).toBeNull();
  });

  it('attaches dropped images up to the limit and says so', async () => {
    const chat = renderChat({ maxAttachments: 2 });
    const composer = chat.view.container.querySelector(
      '[data-slot="chat-composer"]',
    ) as HTMLElement;
    fireEvent.dragOver(composer, { dataTransfer: { types: ['Files'], files: [] } });
    expect(composer.hasAttribute('data-dragging')).toBe(true);
    fireEvent.drop(composer, { dataTransfer: { types: ['Files'], files: [png(), png(), png()] } });
    expect(composer.hasAttribute('data-dragging')).toBe(false);
    expect(await screen.findByRole('img', { name: 'Attached image 2' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Attached image 3' })).toBeNull();
    expect(screen.getByText('You can attach up to 2 images.')).toBeTruthy();
  });
});
