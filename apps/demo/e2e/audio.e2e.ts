import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sineWav, textOf, useDemo } from './harness.js';

function transcriber(page: Page) {
  return page.locator('[data-slot="transcriber-source"]').locator('..');
}

describe('audio tab', () => {
  const demo = useDemo();

  it('synthesizes speech into a playable audio element', async () => {
    const page = await demo.open('/#audio');
    const panel = page.getByRole('tabpanel', { name: 'Audio' });
    await panel.getByLabel('Text', { exact: true }).fill('Hello from the AITRE demo page.');
    await panel.getByRole('button', { name: 'Generate speech' }).click();
    const audio = panel.locator('audio');
    await audio.waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
      const element = document.querySelector('audio');
      return element !== null && Number.isFinite(element.duration) && element.duration > 0;
    });
    assert.ok((await audio.evaluate((element: HTMLAudioElement) => element.duration)) > 0);
  });

  it('transcribes an uploaded WAV as text and as SRT subtitles', async () => {
    const page = await demo.open('/#audio');
    const root = transcriber(page);
    await root.locator('input[type="file"]').setInputFiles({
      name: 'tone.wav',
      mimeType: 'audio/wav',
      buffer: sineWav(1.5),
    });
    await root.getByText('tone.wav').waitFor();
    await root.getByRole('button', { name: 'Transcribe', exact: true }).click();
    const transcript = root.locator('[data-slot="transcript"]');
    await transcript.waitFor();
    assert.ok((await textOf(transcript)).trim().length > 0);

    await root.getByLabel('Output format').selectOption('srt');
    await root.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await page.waitForFunction(() =>
      /\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}/.test(
        document.querySelector('[data-slot="transcript"]')?.textContent ?? '',
      ),
    );
    assert.match(await textOf(transcript), /^1\r?\n/);
  });

  it('records from the (fake) microphone and transcribes the recording', async () => {
    const page = await demo.open('/#audio');
    const root = transcriber(page);
    await root.getByRole('button', { name: 'Record' }).click();
    await root.locator('[data-status="recording"]').waitFor();
    await page.waitForTimeout(1200);
    await root.getByRole('button', { name: 'Stop' }).click();
    // Transcribe enables once the recording has become the file to upload (click waits for it).
    await root.getByRole('button', { name: 'Transcribe', exact: true }).click();
    const transcript = root.locator('[data-slot="transcript"]');
    await transcript.waitFor();
    assert.ok((await textOf(transcript)).trim().length > 0);
  });
});
