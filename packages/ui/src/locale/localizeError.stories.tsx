import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMessages } from './LocaleProvider.js';
import { localizeError } from './localizeError.js';

// Errors shaped like those of @aitre/core, one per kind, with the gateway's own wording.
const samples: Array<[string, unknown]> = [
  ['auth', { kind: 'auth', status: 401, message: 'Invalid token' }],
  ['quota', { kind: 'quota', status: 403, message: 'user quota is not enough' }],
  [
    'rate_limit',
    { kind: 'rate_limit', status: 429, message: 'Too Many Requests', retryAfterMs: 8000 },
  ],
  [
    'no_channel',
    { kind: 'no_channel', status: 503, message: '当前分组 default 下对于模型 x 无可用渠道' },
  ],
  ['upstream', { kind: 'upstream', status: 502, message: 'bad response status code 500' }],
  ['invalid_request', { kind: 'invalid_request', status: 400, message: 'Unsupported value: n' }],
  ['not_found', { kind: 'not_found', status: 404, message: 'task_no_found' }],
  ['network', { kind: 'network', message: 'Failed to fetch' }],
  ['timeout', { kind: 'timeout', message: 'No response headers within 600000 ms' }],
  ['aborted', { kind: 'aborted', message: 'The operation was aborted.' }],
  ['midjourney', { kind: 'midjourney', code: 23, description: '队列已满，请稍后尝试' }],
  ['no_midjourney', { kind: 'no_midjourney', message: '404 page not found' }],
  [
    'validation: audio_too_large',
    { kind: 'validation', code: 'audio_too_large', field: 'file', params: { max: 26214400 } },
  ],
  [
    'validation: size_invalid',
    {
      kind: 'validation',
      code: 'size_invalid',
      field: 'size',
      params: { model: 'dall-e-3', size: '512x512', allowed: '1024x1024, 1792x1024, 1024x1792' },
    },
  ],
  ['validation: blend_count', { kind: 'validation', code: 'blend_count', field: 'base64Array' }],
  ['anything else', new TypeError('Cannot read properties of undefined')],
];

/** Every error kind as users read it, in the locale chosen in the toolbar. */
function ErrorCatalogue() {
  const messages = useMessages();
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 16px' }}>
      {samples.map(([name, error]) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt
            style={{ fontFamily: 'var(--aitre-font-mono)', color: 'var(--aitre-color-text-muted)' }}
          >
            {name}
          </dt>
          <dd style={{ margin: 0 }}>{localizeError(error, messages)}</dd>
        </div>
      ))}
    </dl>
  );
}

const meta = {
  title: 'Locale/Errors',
  component: ErrorCatalogue,
} satisfies Meta<typeof ErrorCatalogue>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** The catalogue; switch the locale in the toolbar to compare. */
export const Catalogue: Story = {};
