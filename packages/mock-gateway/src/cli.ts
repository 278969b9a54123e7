#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createGateway } from './index.js';
import { serve } from './node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    key: { type: 'string', short: 'k' },
    'token-delay': { type: 'string' },
    latency: { type: 'string' },
    'mj-step': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(
    [
      'Usage: aitre-mock-gateway [--port 8787] [--host 127.0.0.1] [--key sk-...] [--token-delay 30] [--latency 0] [--mj-step 1000]',
      'PORT and AITRE_MOCK_KEY are read from the environment too.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    process.stderr.write(`aitre-mock-gateway: ${name} must be a non-negative number\n`);
    process.exit(2);
  }
  return parsed;
};

const apiKey = values.key ?? process.env.AITRE_MOCK_KEY;
const tokenDelayMs = number(values['token-delay'], '--token-delay');
const latencyMs = number(values.latency, '--latency');
const stepMs = number(values['mj-step'], '--mj-step');
const gateway = createGateway({
  ...(apiKey ? { apiKey } : {}),
  ...(tokenDelayMs !== undefined ? { tokenDelayMs } : {}),
  ...(latencyMs !== undefined ? { latencyMs } : {}),
  ...(stepMs !== undefined ? { mj: { stepMs } } : {}),
});
const served = await serve(gateway, {
  port: number(values.port ?? process.env.PORT, '--port') ?? 8787,
  host: values.host ?? '127.0.0.1',
});
process.stdout.write(`AITRE mock gateway listening on ${served.url}\n`);
if (apiKey) process.stdout.write('Requests must send Authorization: Bearer <key>.\n');

const stop = () => {
  void served.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
