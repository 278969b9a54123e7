import { readJson, type Transport } from './Transport.js';
import type { RequestOptions } from './typesCommon.js';
import type { Model } from './typesModels.js';

/** GET /v1/models. */
export interface ModelsApi {
  /** Every model the gateway relays (chat, image, audio, embedding and mj_* mixed). */
  list(options?: RequestOptions): Promise<Model[]>;
}

/** The model list of a client, sending through `transport`. */
export function modelsApi(transport: Transport): ModelsApi {
  return {
    list: (options) =>
      transport.send({ method: 'GET', path: '/v1/models' }, options, async (response) => {
        const body = (await readJson(response)) as { data?: unknown } | unknown[];
        const list = Array.isArray(body) ? body : Array.isArray(body.data) ? body.data : [];
        // A parsed JSON value with a string `id` can only be an object.
        return list.filter((model): model is Model => typeof (model as Model)?.id === 'string');
      }),
  };
}
