import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AitreProvider } from './AitreProvider.js';
import { type UseCompletionResult, useCompletion } from './useCompletion.js';

function setup(tokenDelayMs = 0) {
  const gateway = createGateway({ tokenDelayMs });
  const signals: AbortSignal[] = [];
  const client = createClient({
    baseURL: 'http://127.0.0.1',
    maxRetries: 0,
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return gateway.fetch(input, init);
    },
  });
  let completion: UseCompletionResult | undefined;
  const onResult = (result: UseCompletionResult) => {
    completion = result;
  };
  return { client, signals, onResult, completion: () => completion as UseCompletionResult };
}

function View(props: { model?: string; onResult: (result: UseCompletionResult) => void }) {
  const { model = 'gpt-3.5-turbo-instruct', onResult } = props;
  const result = useCompletion({ model });
  useEffect(() => {
    onResult(result);
  });
  return (
    <output data-testid="out" data-status={result.status}>
      {result.completion}
    </output>
  );
}

afterEach(() => {
  cleanup();
});

describe('useCompletion', () => {
  it('renders the streamed completion of the draft', async () => {
    const { client, onResult, completion } = setup();
    render(
      <AitreProvider client={client}>
        <View onResult={onResult} />
      </AitreProvider>,
    );
    act(() => completion().handleInputChange({ target: { value: 'Once upon a time' } }));
    await waitFor(() => expect(completion().input).toBe('Once upon a time'));
    act(() => completion().handleSubmit());
    await waitFor(() => {
      expect(screen.getByTestId('out').dataset.status).toBe('idle');
      expect(screen.getByTestId('out').textContent).not.toBe('');
    });
    expect(completion().prompt).toBe('Once upon a time');
  });

  it('keeps the text so far when the stream fails', async () => {
    const { client, onResult, completion } = setup();
    render(
      <AitreProvider client={client}>
        <View model="mock-fault-error-event" onResult={onResult} />
      </AitreProvider>,
    );
    act(() => {
      void completion().complete('A story that breaks in the middle of it');
    });
    await waitFor(() => expect(completion().status).toBe('error'));
    expect(completion().completion).not.toBe('');
    expect(completion().error).toBeInstanceOf(Error);
  });

  it('aborts the request on unmount', async () => {
    const { client, onResult, completion, signals } = setup(5);
    const view = render(
      <AitreProvider client={client}>
        <View onResult={onResult} />
      </AitreProvider>,
    );
    act(() => {
      void completion().complete('A long story to abandon');
    });
    await waitFor(() => expect(completion().status).toBe('streaming'));
    view.unmount();
    expect(signals[0]?.aborted).toBe(true);
  });
});
