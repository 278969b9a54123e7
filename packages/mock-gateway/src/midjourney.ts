import { type DataUrl, parseDataUrl } from './base64.js';
import type { RequestContext } from './context.js';
import { errorResponse, mjGatewayError } from './errors.js';
import { jsonResponse } from './http.js';
import { describePrompts, shortenAnalysis } from './mjText.js';
import { drawPicture } from './picture.js';
import { readPngSize } from './png.js';
import { hashString, randomHex } from './random.js';

/** A MidJourney button as midjourney-proxy reports it. */
export interface MjButton {
  customId: string;
  emoji: string;
  label: string;
  type: number;
  style: number;
}

type Output = 'grid' | 'single' | 'describe' | 'shorten';

/** A task, with the bookkeeping that drives its lifecycle in time. */
interface Task {
  id: string;
  action: string;
  prompt: string;
  promptEn: string;
  description: string;
  state: string;
  botType: string;
  submitTime: number;
  /** When the lifecycle starts: submit (or the modal confirm), later when queued. Undefined while MODAL. */
  startedAt: number | undefined;
  /** Tasks ahead in the queue when it was submitted. */
  queuedAhead: number;
  output: Output;
  /** Seed of the pictures. */
  seed: string;
  width: number;
  height: number;
  hash: string;
  fault: 'mj-stuck' | 'mj-failure' | 'image-404' | undefined;
  banned: string | undefined;
  /** What a MODAL task waits for. */
  modal: 'inpaint' | 'custom_zoom' | 'remix' | undefined;
  /** For DESCRIBE: the uploaded image. */
  source: DataUrl | undefined;
  finalPrompt: string;
  status: string;
  progress: string;
  imageUrl: string;
  failReason: string;
  buttons: MjButton[];
  startTime: number;
  finishTime: number;
  progressUrls: Map<number, string>;
}

/** The gateway's MidJourney tasks. */
export class MidjourneyTasks {
  readonly tasks = new Map<string, Task>();

  /** A new task id: epoch milliseconds plus three random digits, as midjourney-proxy makes them. */
  newId(): string {
    for (;;) {
      const id = `${Date.now()}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
      if (!this.tasks.has(id)) return id;
    }
  }

  /**
   * When a task submitted now can start, and how many wait before it: with `concurrency` slots,
   * it starts once enough of the unfinished tasks have finished.
   */
  schedule(
    now: number,
    options: RequestContext['options']['mj'],
  ): { startAt: number; ahead: number } {
    const { stepMs, steps, concurrency } = options;
    const finishes: number[] = [];
    for (const task of this.tasks.values()) {
      if (task.startedAt === undefined) continue;
      const finish = task.startedAt + (steps + 1) * stepMs;
      if (finish > now) finishes.push(finish);
    }
    if (finishes.length < concurrency) return { startAt: now, ahead: 0 };
    finishes.sort((a, b) => a - b);
    const ahead = finishes.length - concurrency + 1;
    return { startAt: finishes[ahead - 1] as number, ahead };
  }

  /** Forgets every task. */
  clear(): void {
    this.tasks.clear();
  }
}

const button = (customId: string, label: string, emoji = ''): MjButton => ({
  customId,
  emoji,
  label,
  type: 2,
  style: 2,
});

function gridButtons(hash: string): MjButton[] {
  return [
    ...[1, 2, 3, 4].map((n) => button(`MJ::JOB::upsample::${n}::${hash}`, `U${n}`)),
    button(`MJ::JOB::reroll::0::${hash}::SOLO`, '', '🔄'),
    ...[1, 2, 3, 4].map((n) => button(`MJ::JOB::variation::${n}::${hash}`, `V${n}`)),
  ];
}

function upscaleButtons(hash: string): MjButton[] {
  return [
    button(`MJ::JOB::upsample_v6_2x_subtle::1::${hash}::SOLO`, 'Upscale (Subtle)', 'upscale_1'),
    button(`MJ::JOB::upsample_v6_2x_creative::1::${hash}::SOLO`, 'Upscale (Creative)', 'upscale_1'),
    button(`MJ::JOB::low_variation::1::${hash}::SOLO`, 'Vary (Subtle)', '🪄'),
    button(`MJ::JOB::high_variation::1::${hash}::SOLO`, 'Vary (Strong)', '🪄'),
    button(`MJ::Inpaint::1::${hash}::SOLO`, 'Vary (Region)', '🖌️'),
    button(`MJ::Outpaint::50::1::${hash}::SOLO`, 'Zoom Out 2x', '🔍'),
    button(`MJ::Outpaint::75::1::${hash}::SOLO`, 'Zoom Out 1.5x', '🔍'),
    button(`MJ::CustomZoom::${hash}`, 'Custom Zoom', '🔍'),
    button(`MJ::JOB::pan_left::1::${hash}::SOLO`, '', '⬅️'),
    button(`MJ::JOB::pan_right::1::${hash}::SOLO`, '', '➡️'),
    button(`MJ::JOB::pan_up::1::${hash}::SOLO`, '', '⬆️'),
    button(`MJ::JOB::pan_down::1::${hash}::SOLO`, '', '⬇️'),
    button(`MJ::BOOKMARK::${hash}`, '', '❤️'),
  ];
}

function describeButtons(): MjButton[] {
  return [
    ...[1, 2, 3, 4].map((n) => button(`MJ::Job::PicReader::${n}`, '', `${n}️⃣`)),
    button('MJ::Picread::Retry', '', '🔄'),
    button('MJ::Job::PicReader::all', 'Imagine all', '🎉'),
  ];
}

function shortenButtons(hash: string): MjButton[] {
  return [1, 2, 3, 4, 5].map((n) => button(`MJ::Job::PromptAnalyzer::${hash}::${n}`, '', `${n}️⃣`));
}

/** A message hash in the UUID form MidJourney uses. */
function newHash(): string {
  const h = randomHex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Canvas size for a prompt's `--ar W:H`, longest side 1024. */
function canvasFor(prompt: string): { width: number; height: number } {
  const match = /--(?:ar|aspect)\s+(\d+):(\d+)/.exec(prompt);
  const ratio = match ? Math.min(4, Math.max(0.25, Number(match[1]) / Number(match[2]))) : 1;
  return ratio >= 1
    ? { width: 1024, height: Math.round(1024 / ratio) }
    : { width: Math.round(1024 * ratio), height: 1024 };
}

function bannedWordIn(ctx: RequestContext, prompt: string): string | undefined {
  const lower = prompt.toLowerCase();
  return ctx.options.mj.bannedWords.find((word) => lower.includes(word.toLowerCase()));
}

function mjFault(ctx: RequestContext): Task['fault'] {
  return ctx.fault === 'mj-stuck' || ctx.fault === 'mj-failure' || ctx.fault === 'image-404'
    ? ctx.fault
    : undefined;
}

/** Moves a task along its lifecycle according to the time elapsed since it started. */
function refresh(ctx: RequestContext, task: Task, now: number): void {
  if (task.startedAt === undefined || task.status === 'SUCCESS' || task.status === 'FAILURE') {
    return;
  }
  if (now < task.startedAt) {
    task.status = 'NOT_START';
    task.progress = '0%';
    return;
  }
  const { stepMs, steps } = ctx.options.mj;
  let step = Math.floor((now - task.startedAt) / stepMs);
  const failAt = task.banned ? 1 : task.fault === 'mj-failure' ? Math.ceil(steps / 2) : undefined;
  if (task.fault === 'mj-stuck') step = Math.min(step, Math.ceil(steps / 2));
  if (step <= 0) {
    task.status = 'SUBMITTED';
    task.progress = '0%';
    return;
  }
  task.startTime = task.startedAt + stepMs;
  if (failAt !== undefined && step >= failAt) {
    task.status = 'FAILURE';
    // Through new-api, a failed task reads 100%: progress alone never means success.
    task.progress = '100%';
    task.finishTime = task.startedAt + failAt * stepMs;
    task.failReason = task.banned
      ? `可能包含敏感词 Banned prompt detected: ${task.banned}`
      : '[Invalid parameter] Invalid value';
    return;
  }
  const missing = task.fault === 'image-404';
  if (step <= steps) {
    task.status = 'IN_PROGRESS';
    task.progress = `${Math.round((step / (steps + 1)) * 100)}%`;
    if (task.output === 'grid' || task.output === 'single') {
      let url = task.progressUrls.get(step);
      if (!url) {
        // Low-resolution previews, revealed top-down as progress rises.
        const scale = 512 / Math.max(task.width, task.height);
        const png = drawPicture({
          seed: task.seed,
          width: task.width * scale,
          height: task.height * scale,
          grid: task.output === 'grid',
          reveal: step / (steps + 1),
        });
        url = ctx.files.publish(ctx, png, { missing });
        task.progressUrls.set(step, url);
      }
      task.imageUrl = url;
    }
    return;
  }
  task.status = 'SUCCESS';
  task.progress = '100%';
  task.finishTime = task.startedAt + (steps + 1) * stepMs;
  task.progressUrls.clear();
  switch (task.output) {
    case 'grid':
      task.imageUrl = ctx.files.publish(
        ctx,
        drawPicture({ seed: task.seed, width: task.width, height: task.height, grid: true }),
        { missing },
      );
      task.buttons = gridButtons(task.hash);
      break;
    case 'single':
      task.imageUrl = ctx.files.publish(
        ctx,
        drawPicture({ seed: task.seed, width: task.width, height: task.height }),
        { missing },
      );
      task.buttons = upscaleButtons(task.hash);
      break;
    case 'describe': {
      const source = task.source as DataUrl;
      const ext = source.mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
      task.imageUrl = ctx.files.publish(ctx, source.bytes, {
        contentType: source.mime,
        ext,
        missing,
      });
      task.finalPrompt = describePrompts(task.seed, task.width, task.height);
      task.promptEn = task.finalPrompt;
      task.buttons = describeButtons();
      break;
    }
    case 'shorten':
      task.finalPrompt = shortenAnalysis(task.prompt);
      task.buttons = shortenButtons(task.hash);
      break;
  }
}

function toJson(task: Task) {
  return {
    id: task.id,
    action: task.action,
    customId: '',
    botType: task.botType,
    prompt: task.prompt,
    promptEn: task.promptEn,
    description: task.description,
    state: task.state,
    submitTime: task.submitTime,
    startTime: task.startTime,
    finishTime: task.finishTime,
    imageUrl: task.imageUrl,
    videoUrl: '',
    videoUrls: null,
    status: task.status,
    progress: task.progress,
    failReason: task.failReason,
    buttons: task.buttons,
    maskBase64: '',
    properties: { finalPrompt: task.finalPrompt, finalZhPrompt: '' },
  };
}

/** Starts a task's lifecycle now, or queues it behind running tasks. */
function start(ctx: RequestContext, task: Task, now: number): void {
  const { startAt, ahead } = ctx.mj.schedule(now, ctx.options.mj);
  task.startedAt = startAt;
  task.queuedAhead = ahead;
  task.status = ahead > 0 ? 'NOT_START' : 'SUBMITTED';
}

function createTask(
  ctx: RequestContext,
  fields: Partial<Task> & Pick<Task, 'action' | 'output' | 'seed' | 'description'>,
): Task {
  const now = Date.now();
  const body = ctx.body;
  const task: Task = {
    id: ctx.mj.newId(),
    prompt: '',
    promptEn: '',
    state: typeof body.state === 'string' ? body.state : '',
    botType: typeof body.botType === 'string' ? body.botType : 'MID_JOURNEY',
    submitTime: now,
    startedAt: now,
    queuedAhead: 0,
    width: 1024,
    height: 1024,
    hash: newHash(),
    fault: mjFault(ctx),
    banned: undefined,
    modal: undefined,
    source: undefined,
    finalPrompt: '',
    status: 'SUBMITTED',
    progress: '0%',
    imageUrl: '',
    failReason: '',
    buttons: [],
    startTime: 0,
    finishTime: 0,
    progressUrls: new Map(),
    ...fields,
  };
  if (task.modal) {
    task.startedAt = undefined;
    task.status = 'MODAL';
  } else {
    start(ctx, task, now);
  }
  ctx.mj.tasks.set(task.id, task);
  return task;
}

/** A SubmitResult (`{code, description, result, properties}`). */
function submitResult(
  ctx: RequestContext,
  code: number,
  description: string,
  result: string | null,
  properties: Record<string, unknown> = {},
): Response {
  return jsonResponse(ctx, { code, description, result, properties });
}

function submitted(ctx: RequestContext, task: Task): Response {
  const instance = { discordInstanceId: '1118138338562560102' };
  if (task.queuedAhead > 0) {
    // midjourney-proxy answers 22 for a queued task; new-api rewrites it to 1 and keeps the text.
    return submitResult(
      ctx,
      ctx.options.mj.relay === 'proxy' ? 22 : 1,
      `排队中，前面还有${task.queuedAhead}个任务`,
      task.id,
      { numberOfQueues: task.queuedAhead, ...instance },
    );
  }
  return submitResult(ctx, 1, 'Submit success', task.id, instance);
}

/** Validates optional reference/blend images: every item must be a base64 data URL. */
function readImages(value: unknown): DataUrl[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const out: DataUrl[] = [];
  for (const item of value) {
    const parsed = parseDataUrl(item);
    if (!parsed) return undefined;
    out.push(parsed);
  }
  return out;
}

function imageSignature(images: DataUrl[]): string {
  return images
    .map(
      (image) =>
        `${image.mime}:${image.bytes.length}:${hashString(String(image.bytes.subarray(0, 64)))}`,
    )
    .join('|');
}

function bannedPrecheck(ctx: RequestContext, prompt: string): Response | undefined {
  const word = bannedWordIn(ctx, prompt);
  if (!word || ctx.options.mj.banCheck !== 'precheck') return undefined;
  return submitResult(ctx, 24, '可能包含敏感词', null, { promptEn: prompt, bannedWord: word });
}

/** POST /mj/submit/imagine. */
export function handleImagine(ctx: RequestContext): Response {
  const prompt = typeof ctx.body.prompt === 'string' ? ctx.body.prompt.trim() : '';
  if (!prompt) return mjGatewayError(ctx, 400, 'prompt_is_required', 4);
  const images = readImages(ctx.body.base64Array);
  if (!images) return submitResult(ctx, 4, 'base64格式错误', null);
  const precheck = bannedPrecheck(ctx, prompt);
  if (precheck) return precheck;
  // Reference images are uploaded and their URLs prepended to the prompt, as the proxy does.
  const urls = images.map((image) =>
    ctx.files.publish(ctx, image.bytes, {
      contentType: image.mime,
      ext: image.mime.split('/')[1] ?? 'png',
    }),
  );
  const full = [...urls, prompt].join(' ');
  const task = createTask(ctx, {
    action: 'IMAGINE',
    output: 'grid',
    seed: `${prompt}${imageSignature(images)}`,
    prompt: full,
    promptEn: full,
    finalPrompt: full,
    description: `/imagine ${full}`,
    banned: bannedWordIn(ctx, prompt),
    ...canvasFor(prompt),
  });
  return submitted(ctx, task);
}

/** What a button does: the new task's action and output, and what modal it waits for. */
interface ActionSpec {
  action: string;
  output: 'grid' | 'single';
  index: number;
  scale: number;
  modal: Task['modal'];
}

function actionFor(customId: string, remix: boolean): ActionSpec | undefined {
  const parts = customId.split('::');
  if (parts[0] !== 'MJ') return undefined;
  const spec = (action: string, output: 'grid' | 'single', extra: Partial<ActionSpec> = {}) => ({
    action,
    output,
    index: Number(parts[3] ?? 1) || 1,
    scale: 1,
    modal: undefined,
    ...extra,
  });
  const remixModal = remix ? { modal: 'remix' as const } : {};
  if (parts[1] === 'JOB') {
    const kind = parts[2] ?? '';
    if (kind === 'upsample') return spec('UPSCALE', 'single');
    if (kind.startsWith('upsample_')) return spec('UPSCALE', 'single', { scale: 2 });
    if (kind === 'variation') return spec('VARIATION', 'grid', remixModal);
    if (kind === 'reroll') return spec('REROLL', 'grid', remixModal);
    if (kind === 'low_variation') return spec('LOW_VARIATION', 'grid', remixModal);
    if (kind === 'high_variation') return spec('HIGH_VARIATION', 'grid', remixModal);
    if (/^pan_(left|right|up|down)$/.test(kind)) return spec('PAN', 'grid', remixModal);
    return undefined;
  }
  if (parts[1] === 'Outpaint') return spec('ZOOM', 'grid');
  if (parts[1] === 'CustomZoom') return spec('CUSTOM_ZOOM', 'grid', { modal: 'custom_zoom' });
  if (parts[1] === 'Inpaint') return spec('INPAINT', 'grid', { modal: 'inpaint' });
  if (parts[1] === 'BOOKMARK') return spec('BOOKMARK', 'grid');
  return undefined;
}

/** POST /mj/submit/action: a button of a finished task. */
export function handleAction(ctx: RequestContext): Response {
  const { taskId, customId } = ctx.body;
  if (typeof taskId !== 'string' || taskId === '') {
    return mjGatewayError(ctx, 400, 'task_id_is_required', 4);
  }
  if (typeof customId !== 'string' || customId === '') {
    return mjGatewayError(ctx, 400, 'custom_id_is_required', 4);
  }
  const parent = ctx.mj.tasks.get(taskId);
  if (!parent) return mjGatewayError(ctx, 400, 'task_not_found', 4);
  refresh(ctx, parent, Date.now());
  const spec = actionFor(customId, ctx.options.mj.remix);
  if (!spec || !parent.buttons.some((b) => b.customId === customId)) {
    // new-api rejects buttons it cannot map (describe/shorten follow-ups among them) before relaying.
    return errorResponse(ctx, 400, `unknown_action:${customId}`, {
      type: 'new_api_error',
      code: 'unknown_action',
    });
  }
  if (parent.status !== 'SUCCESS') return mjGatewayError(ctx, 400, 'task_status_not_success', 4);
  if (spec.action === 'BOOKMARK') return submitResult(ctx, 1, 'Submit success', parent.id);
  const { modal, scale } = spec;
  const upscale = spec.action === 'UPSCALE' && scale === 1;
  const label = customId.split('::')[2] ?? spec.action;
  const task = createTask(ctx, {
    action: spec.action,
    output: spec.output,
    seed: upscale
      ? `${parent.seed}#${spec.index}`
      : `${parent.seed}|${spec.action}${spec.index}|${Date.now()}`,
    prompt: parent.prompt,
    promptEn: parent.promptEn,
    finalPrompt: parent.finalPrompt || parent.prompt,
    description: modal
      ? 'Waiting for window confirm'
      : `/up ${parent.id} ${upscale ? `U${spec.index}` : label}`,
    banned: parent.banned,
    width: Math.min(2048, parent.width * scale),
    height: Math.min(2048, parent.height * scale),
    modal,
  });
  if (
    modal === 'inpaint' ||
    modal === 'custom_zoom' ||
    (modal && ctx.options.mj.relay === 'proxy')
  ) {
    return submitResult(ctx, 21, 'Waiting for window confirm', task.id, {
      finalPrompt: task.finalPrompt,
      remix: true,
    });
  }
  // Remix Vary/Reroll/Pan also wait in MODAL, but new-api rewrites their code 21 to 1.
  return submitted(ctx, task);
}

/** POST /mj/submit/modal: confirms a task waiting in status MODAL. */
export function handleModal(ctx: RequestContext): Response {
  const { taskId } = ctx.body;
  if (typeof taskId !== 'string' || taskId === '') {
    return mjGatewayError(ctx, 400, 'task_id_is_required', 4);
  }
  const task = ctx.mj.tasks.get(taskId);
  if (!task) return mjGatewayError(ctx, 400, 'task_not_found', 4);
  if (task.status !== 'MODAL') return submitResult(ctx, 4, '关联任务状态错误', null);
  const prompt =
    typeof ctx.body.prompt === 'string' && ctx.body.prompt.trim()
      ? ctx.body.prompt.trim()
      : task.finalPrompt;
  if (!prompt) return submitResult(ctx, 4, 'prompt不能为空', null);
  if (task.modal === 'inpaint' && !parseDataUrl(ctx.body.maskBase64)) {
    return submitResult(ctx, 4, 'maskBase64参数错误', null);
  }
  if (task.modal === 'custom_zoom') {
    const zoom = Number(/--zoom\s+([\d.]+)/.exec(prompt)?.[1]);
    if (!(zoom >= 1 && zoom <= 2)) {
      return submitResult(ctx, 4, 'Custom Zoom needs --zoom between 1 and 2', null);
    }
  }
  const precheck = bannedPrecheck(ctx, prompt);
  if (precheck) return precheck;
  task.prompt = prompt;
  task.promptEn = prompt;
  task.finalPrompt = prompt;
  task.description = `/${task.action.toLowerCase()} ${prompt}`;
  task.seed = `${task.seed}|${prompt}`;
  task.banned = bannedWordIn(ctx, prompt);
  task.fault = mjFault(ctx) ?? task.fault;
  task.modal = undefined;
  start(ctx, task, Date.now());
  return submitted(ctx, task);
}

const DIMENSIONS: Record<string, { width: number; height: number }> = {
  PORTRAIT: { width: 683, height: 1024 },
  SQUARE: { width: 1024, height: 1024 },
  LANDSCAPE: { width: 1024, height: 683 },
};

/** POST /mj/submit/blend: 2 to 5 images into a grid. */
export function handleBlend(ctx: RequestContext): Response {
  const images = readImages(ctx.body.base64Array);
  if (!images || images.length < 2 || images.length > 5) {
    return submitResult(ctx, 4, 'base64List参数错误', null);
  }
  const dimensions = 'dimensions' in ctx.body ? ctx.body.dimensions : 'SQUARE';
  const canvas = typeof dimensions === 'string' ? DIMENSIONS[dimensions] : undefined;
  if (!canvas) return submitResult(ctx, 4, 'dimensions参数错误', null);
  const task = createTask(ctx, {
    action: 'BLEND',
    output: 'grid',
    seed: `blend:${imageSignature(images)}`,
    description: '',
    ...canvas,
  });
  task.description = `/blend ${task.id} ${images.length}`;
  return submitted(ctx, task);
}

/** POST /mj/submit/describe: one image to four prompts. */
export function handleDescribe(ctx: RequestContext): Response {
  const source = parseDataUrl(ctx.body.base64);
  if (!source) return submitResult(ctx, 4, 'base64格式错误', null);
  const size = readPngSize(source.bytes) ?? { width: 1024, height: 1024 };
  const task = createTask(ctx, {
    action: 'DESCRIBE',
    output: 'describe',
    seed: imageSignature([source]),
    description: '',
    source,
    ...size,
  });
  task.description = `/describe ${task.id}.png`;
  return submitted(ctx, task);
}

/** POST /mj/submit/shorten: prompt analysis. */
export function handleShorten(ctx: RequestContext): Response {
  const prompt = typeof ctx.body.prompt === 'string' ? ctx.body.prompt.trim() : '';
  if (!prompt) return mjGatewayError(ctx, 400, 'prompt_is_required', 4);
  const task = createTask(ctx, {
    action: 'SHORTEN',
    output: 'shorten',
    seed: prompt,
    prompt,
    promptEn: prompt,
    description: `/shorten ${prompt}`,
  });
  return submitted(ctx, task);
}

/** POST /mj/insight-face/swap: both images are required. */
export function handleSwapFace(ctx: RequestContext): Response {
  const { sourceBase64, targetBase64 } = ctx.body;
  if (!sourceBase64 || !targetBase64) {
    return mjGatewayError(ctx, 400, 'sour_base64_and_target_base64_is_required', 4);
  }
  const source = parseDataUrl(sourceBase64);
  const target = parseDataUrl(targetBase64);
  if (!source || !target) return submitResult(ctx, 4, 'base64格式错误', null);
  const task = createTask(ctx, {
    action: 'SWAP_FACE',
    output: 'single',
    seed: `swap:${imageSignature([source, target])}`,
    prompt: 'InsightFace',
    promptEn: 'InsightFace',
    description: '/swap_face',
    ...(readPngSize(target.bytes) ?? { width: 1024, height: 1024 }),
  });
  return submitted(ctx, task);
}

/** GET /mj/task/{id}/fetch: the task, or new-api's 400 task_no_found. */
export function handleFetch(ctx: RequestContext, id: string): Response {
  const task = ctx.mj.tasks.get(id);
  if (!task) return mjGatewayError(ctx, 400, 'task_no_found', 4);
  refresh(ctx, task, Date.now());
  return jsonResponse(ctx, toJson(task));
}

/** POST /mj/task/list-by-condition: the known tasks among `ids`. */
export function handleList(ctx: RequestContext): Response {
  const ids = Array.isArray(ctx.body.ids) ? ctx.body.ids : [];
  const now = Date.now();
  const found: ReturnType<typeof toJson>[] = [];
  for (const id of ids) {
    const task = ctx.mj.tasks.get(String(id));
    if (!task) continue;
    refresh(ctx, task, now);
    found.push(toJson(task));
  }
  return jsonResponse(ctx, found);
}

/** GET /mj/task/{id}/image-seed. */
export function handleImageSeed(ctx: RequestContext, id: string): Response {
  const task = ctx.mj.tasks.get(id);
  if (!task) return mjGatewayError(ctx, 400, 'task_no_found', 4);
  refresh(ctx, task, Date.now());
  if (task.status !== 'SUCCESS' || (task.output !== 'grid' && task.output !== 'single')) {
    return submitResult(ctx, 4, '任务没有图片种子', null);
  }
  return submitResult(ctx, 1, '成功', String(hashString(task.seed) % 4_294_967_295));
}
