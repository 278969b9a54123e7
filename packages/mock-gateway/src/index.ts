export { createGateway } from './handler.js';
export { toneWav } from './toneWav.js';
export type {
  FaultName,
  FaultSpec,
  GatewayOptions,
  MidjourneyOptions,
  MockGateway,
  RequestLogEntry,
} from './types.js';
