import type { RequestOptions } from './typesCommon.js';

/** Which Discord bot runs the job. */
export type MjBotType = 'MID_JOURNEY' | 'NIJI_JOURNEY';

/** Fields every submit may carry. */
export interface MjSubmitBase {
  /** URL called on every change (server users; stripped by new-api by default). */
  notifyHook?: string;
  /** Echoed back in the task. */
  state?: string;
}

/** Body of POST /mj/submit/imagine. */
export interface MjImagineParams extends MjSubmitBase {
  /** The prompt, MJ parameters (`--ar 16:9`) included. */
  prompt: string;
  /** Reference images as data URLs. */
  base64Array?: string[];
  botType?: MjBotType;
}

/** Extra fields of POST /mj/submit/action. */
export interface MjActionOptions extends MjSubmitBase {
  chooseSameChannel?: boolean;
  enableRemix?: boolean;
}

/** Body of POST /mj/submit/modal. */
export interface MjModalParams extends MjSubmitBase {
  /** The id of the task that answered code 21 (or shows status MODAL). */
  taskId: string;
  prompt?: string;
  /** Inpaint mask PNG as a data URL: white = repaint. */
  maskBase64?: string;
}

/** Body of POST /mj/submit/blend. */
export interface MjBlendParams extends MjSubmitBase {
  /** 2 to 5 images as data URLs. */
  base64Array: string[];
  dimensions?: 'PORTRAIT' | 'SQUARE' | 'LANDSCAPE';
  botType?: MjBotType;
}

/** Body of POST /mj/submit/describe. */
export interface MjDescribeParams extends MjSubmitBase {
  /** One image as a data URL. */
  base64: string;
  botType?: MjBotType;
}

/** Body of POST /mj/submit/shorten. */
export interface MjShortenParams extends MjSubmitBase {
  prompt: string;
  botType?: MjBotType;
}

/** Body of POST /mj/insight-face/swap. */
export interface MjSwapFaceParams extends MjSubmitBase {
  /** The face, as a data URL. */
  sourceBase64: string;
  /** The picture the face goes onto, as a data URL. */
  targetBase64: string;
}

/** A submit the proxy accepted (code 1, or 22 = queued). */
export interface MjSubmitted {
  status: 'submitted';
  /** The task to poll. */
  taskId: string;
  code: 1 | 22;
  /** True when the proxy queued the task (code 22, or a queue description through new-api). */
  queued: boolean;
  description: string;
  properties: Record<string, unknown>;
}

/** A submit that needs `/mj/submit/modal` (code 21). */
export interface MjNeedsModal {
  status: 'needs_modal';
  /** The MODAL task: pass it to `modal()`. */
  taskId: string;
  code: 21;
  description: string;
  properties: { finalPrompt?: string; remix?: boolean; [key: string]: unknown };
}

/** What a submit returns. */
export type MjSubmitResult = MjSubmitted | MjNeedsModal;

/** A button on a finished task. */
export interface MjButton {
  customId: string;
  emoji: string;
  label: string;
  type: number;
  style: number;
}

/** Task statuses ('' = new-api before its first poll). */
export type MjTaskStatus =
  | 'NOT_START'
  | 'SUBMITTED'
  | 'MODAL'
  | 'IN_PROGRESS'
  | 'FAILURE'
  | 'SUCCESS'
  | 'CANCEL'
  | ''
  | (string & {});

/** A MidJourney task (id always a string, progress like '45%'). */
export interface MjTask {
  id: string;
  action: string;
  status: MjTaskStatus;
  progress: string;
  prompt: string;
  promptEn: string;
  description: string;
  state?: string;
  submitTime: number | null;
  startTime: number | null;
  finishTime: number | null;
  imageUrl: string | null;
  failReason: string | null;
  buttons: MjButton[];
  properties: { finalPrompt?: string; finalZhPrompt?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Per-call options of MidJourney methods. */
export interface MjRequestOptions extends RequestOptions {
  /** Overrides the client's `midjourneyMode` for this call. */
  mode?: 'fast' | 'relax' | 'turbo';
}
