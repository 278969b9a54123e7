import type { MediaRecorderLike } from '@aitre/core';
import { createGateway, toneWav } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { Transcriber } from './Transcriber.js';

function withGateway(): Decorator {
  return (Story) => {
    const [gateway] = useState(() => createGateway({ tokenDelayMs: 0, latencyMs: 400 }));
    return (
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <div style={{ maxWidth: 640 }}>
          <Story />
        </div>
      </AitreProvider>
    );
  };
}

/** A 3-second WAV tone made at runtime (the mock transcribes any audio). */
function sampleWav(): File {
  return new File([toneWav(3, 330)], 'sample.wav', { type: 'audio/wav' });
}

/** A recorder that needs no microphone: it "records" until stopped, with a wobbling level. */
class MockRecorder extends EventTarget implements MediaRecorderLike {
  state: 'inactive' | 'recording' | 'paused' = 'inactive';
  readonly mimeType = 'audio/wav';
  start() {
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: sampleWav() }));
    this.dispatchEvent(new Event('stop'));
  }
}

const mockRecorder = {
  getUserMedia: async () => ({ getTracks: () => [] }) as unknown as MediaStream,
  MediaRecorder: MockRecorder,
  createLevelMeter: () => ({ read: () => 0.3 + Math.random() * 0.5, close() {} }),
};

const meta = {
  title: 'Audio/Transcriber',
  component: Transcriber,
  decorators: [withGateway()],
  args: { recorderOptions: mockRecorder },
} satisfies Meta<typeof Transcriber>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing chosen yet: record, or pick or drop a file. */
export const Idle: Story = {};

/** Recording with the mock recorder: the level meter moves and the timer runs. */
export const Recording: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /^(Record|录音)$/ }));
    await expect(await canvas.findByRole('button', { name: /^(Stop|停止)$/ })).toBeVisible();
    const recorder = canvasElement.querySelector('.aitre-transcriber-recorder');
    await waitFor(() => expect(recorder).toHaveAttribute('data-status', 'recording'));
  },
};

/** Microphone permission refused. */
export const MicrophoneDenied: Story = {
  args: {
    recorderOptions: {
      ...mockRecorder,
      getUserMedia: () =>
        Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /^(Record|录音)$/ }));
    await expect(
      await canvas.findByText(/^(Microphone access was denied\.|麦克风权限被拒绝。)$/),
    ).toBeVisible();
  },
};

/** What each output format's transcript starts with. */
const FORMAT_START = {
  text: /^[^\d\s]/,
  srt: /^1\r?\n00:00:00,000 --> /,
  vtt: /^WEBVTT/,
};

function transcribed(output: 'text' | 'srt' | 'vtt'): Story {
  return {
    args: { defaultOutput: output },
    play: async ({ canvas, canvasElement, userEvent }) => {
      await userEvent.upload(canvas.getByLabelText(/audio|音频/), sampleWav());
      await userEvent.click(canvas.getByRole('button', { name: /^(Transcribe|转写)$/ }));
      await waitFor(
        () => {
          const transcript = canvasElement.querySelector('[data-slot="transcript"]');
          expect(transcript?.textContent).toMatch(FORMAT_START[output]);
        },
        { timeout: 5000 },
      );
    },
  };
}

/** A transcript as plain text. */
export const ResultText: Story = transcribed('text');

/** A transcript as SRT subtitles. */
export const ResultSrt: Story = transcribed('srt');

/** A transcript as WebVTT subtitles. */
export const ResultVtt: Story = transcribed('vtt');
