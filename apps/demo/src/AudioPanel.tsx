import { SpeechStudio, Transcriber } from '@aitre/ui';

/** Speech synthesis and transcription side by side (stacked on narrow screens). */
export function AudioPanel() {
  return (
    <div className="demo-audio">
      <SpeechStudio />
      <Transcriber />
    </div>
  );
}
