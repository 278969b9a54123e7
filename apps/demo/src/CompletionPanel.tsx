import { useCompletion } from '@aitre/react';
import { Button, localizeError, ModelPicker, useMessages } from '@aitre/ui';
import { useId, useState } from 'react';
import { useDemoMessages } from './useDemoMessages.js';

const DEFAULT_MODEL = 'gpt-3.5-turbo-instruct';

/** A small streaming UI on `useCompletion` (legacy `/v1/completions`). */
export function CompletionPanel() {
  const demo = useDemoMessages();
  const messages = useMessages();
  const [model, setModel] = useState(DEFAULT_MODEL);
  const completion = useCompletion({ model, body: { max_tokens: 200 } });
  const busy = completion.status === 'submitted' || completion.status === 'streaming';
  const promptId = useId();

  return (
    <form
      className="demo-completion"
      data-status={completion.status}
      onSubmit={completion.handleSubmit}
    >
      <ModelPicker
        className="demo-field"
        value={model}
        onChange={setModel}
        capabilities={['chat']}
        extraModels={[DEFAULT_MODEL]}
      />
      <div className="demo-field">
        <label htmlFor={promptId}>{demo.completionPrompt}</label>
        <textarea
          id={promptId}
          className="demo-textarea"
          rows={3}
          placeholder={demo.completionPlaceholder}
          value={completion.input}
          onChange={completion.handleInputChange}
        />
      </div>
      <div className="demo-actions">
        <Button type="submit" disabled={busy}>
          {demo.complete}
        </Button>
        {busy && (
          <Button variant="outline" onClick={completion.stop}>
            {messages.chat.stop}
          </Button>
        )}
        {completion.status === 'error' && (
          <Button variant="soft" onClick={() => void completion.complete(completion.prompt)}>
            {messages.common.retry}
          </Button>
        )}
      </div>
      {completion.error && (
        <p role="alert" className="demo-error">
          {localizeError(completion.error, messages)}
        </p>
      )}
      <section aria-label={demo.completionResult} className="demo-output" aria-busy={busy}>
        <span className="demo-completion-prompt">{completion.prompt}</span>
        <span className="demo-completion-text" data-testid="completion-text">
          {completion.completion}
        </span>
      </section>
      {completion.status === 'idle' && completion.finishReason === 'length' && (
        <p className="demo-note" data-finish-reason="length">
          {messages.chat.statusLength}
        </p>
      )}
    </form>
  );
}
