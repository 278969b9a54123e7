import type { AitreClient, Model } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { type GroupedModels, groupModels } from './groupModels.js';
import { Store } from './Store.js';
import { toAitreError } from './toAitreError.js';

/** idle: not loaded; loading: a request is in flight; success / error: the last load's outcome. */
export type ModelsStatus = 'idle' | 'loading' | 'success' | 'error';

/** Snapshot of a `ModelsStore`. */
export interface ModelsSnapshot {
  /** Where loading stands. */
  status: ModelsStatus;
  /** The models the gateway lists for this key, in its order. */
  models: Model[];
  /** The same models by group. */
  groups: GroupedModels;
  /** Why the last load failed. */
  error: AitreError | undefined;
}

/** The model list of one client, loaded once and shared (see `modelsStoreFor`). */
export class ModelsStore extends Store<ModelsSnapshot> {
  readonly #client: Pick<AitreClient, 'models'>;
  #loading: Promise<Model[] | undefined> | undefined;

  constructor(client: Pick<AitreClient, 'models'>) {
    super({ status: 'idle', models: [], groups: groupModels([]), error: undefined });
    this.#client = client;
  }

  /**
   * Loads the list unless it is loaded or loading (then the same promise is returned);
   * `force` reloads. Resolves to the models, undefined on error.
   */
  load(options: { force?: boolean } = {}): Promise<Model[] | undefined> {
    const { status, models } = this.getSnapshot();
    if (this.#loading) return this.#loading;
    if (status === 'success' && !options.force) return Promise.resolve(models);
    this.setState({ status: 'loading', error: undefined });
    const loading = this.#client.models.list().then(
      (list) => {
        this.#loading = undefined;
        this.setState({ status: 'success', models: list, groups: groupModels(list) });
        return list;
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.setState({ status: 'error', error: toAitreError(error) });
        return undefined;
      },
    );
    this.#loading = loading;
    return loading;
  }
}

const stores = new WeakMap<object, ModelsStore>();

/** The one `ModelsStore` of `client`, so every caller shares one request and one cache. */
export function modelsStoreFor(client: Pick<AitreClient, 'models'>): ModelsStore {
  let store = stores.get(client);
  if (!store) {
    store = new ModelsStore(client);
    stores.set(client, store);
  }
  return store;
}
