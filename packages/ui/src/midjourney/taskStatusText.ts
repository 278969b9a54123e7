import type { UseMidjourneyTaskResult } from '@aitre/react';
import type { Messages } from '../locale/Messages.js';

type Mj = Messages['midjourney'];

/** The localized name of a gateway task status (SUBMITTED, IN_PROGRESS...); unknown ones read as in progress. */
export function gatewayStatusText(status: string | undefined, m: Mj): string {
  switch (status) {
    case 'NOT_START':
      return m.statusNotStarted;
    case '':
    case undefined:
    case 'SUBMITTED':
      return m.statusSubmitted;
    case 'MODAL':
      return m.statusModal;
    case 'SUCCESS':
      return m.statusSuccess;
    case 'FAILURE':
      return m.statusFailure;
    case 'CANCEL':
      return m.statusCancel;
    default:
      return m.statusInProgress;
  }
}

const actionKeys: Record<string, keyof Mj> = {
  IMAGINE: 'actionImagine',
  UPSCALE: 'actionUpscale',
  VARIATION: 'actionVariation',
  REROLL: 'actionReroll',
  DESCRIBE: 'actionDescribe',
  BLEND: 'actionBlend',
  SHORTEN: 'actionShorten',
  ZOOM: 'actionZoom',
  PAN: 'actionPan',
  INPAINT: 'actionInpaint',
  CUSTOM_ZOOM: 'actionCustomZoom',
  SWAP_FACE: 'actionSwapFace',
  MODAL: 'actionModal',
};

/** The localized name of a task's action (IMAGINE, UPSCALE...); unknown ones as the gateway wrote them. */
export function actionText(action: string, m: Mj): string {
  const key = actionKeys[action];
  return key ? m[key] : action;
}

/** The localized status line of the studio's task; empty while idle. */
export function taskStatusText(
  task: Pick<UseMidjourneyTaskResult, 'status' | 'task' | 'queued' | 'error'>,
  m: Mj,
): string {
  switch (task.status) {
    case 'idle':
      return '';
    case 'submitting':
      return m.submitting;
    case 'running':
      return task.queued ? m.statusQueued : gatewayStatusText(task.task?.status, m);
    case 'modal':
      return m.statusModal;
    case 'success':
      return m.statusSuccess;
    case 'failure':
      return task.task?.status === 'CANCEL' ? m.statusCancel : m.statusFailure;
    case 'stopped':
      return m.statusStopped;
    default:
      return task.error?.kind === 'timeout' ? m.timedOut : m.statusFailure;
  }
}
