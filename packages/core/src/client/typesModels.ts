/** One entry of GET /v1/models. */
export interface Model {
  id: string;
  object: string;
  created: number;
  owned_by: string;
  /** new-api: which endpoints the model serves (e.g. 'openai', 'image-generation'). */
  supported_endpoint_types?: string[];
}
