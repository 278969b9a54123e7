import { ConnectionError, type MjTask, TimeoutError } from '@aitre/core';
import { describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { actionText, gatewayStatusText, taskStatusText } from './taskStatusText.js';

type Input = Parameters<typeof taskStatusText>[0];

const state = (status: Input['status'], extra: Partial<Input> = {}): Input => ({
  status,
  task: undefined,
  queued: false,
  error: undefined,
  ...extra,
});
const task = (status: string) => ({ id: '1', status }) as MjTask;

describe('gatewayStatusText', () => {
  it('names each gateway status in English', () => {
    const m = en.midjourney;
    expect(gatewayStatusText('NOT_START', m)).toBe('Not started');
    expect(gatewayStatusText('SUBMITTED', m)).toBe('Submitted');
    expect(gatewayStatusText('IN_PROGRESS', m)).toBe('In progress');
    expect(gatewayStatusText('MODAL', m)).toBe('Waiting for your input');
    expect(gatewayStatusText('SUCCESS', m)).toBe('Done');
    expect(gatewayStatusText('FAILURE', m)).toBe('Failed');
    expect(gatewayStatusText('CANCEL', m)).toBe('Cancelled');
  });

  it('names each gateway status in Chinese', () => {
    const m = zhCN.midjourney;
    expect(gatewayStatusText('NOT_START', m)).toBe('未开始');
    expect(gatewayStatusText('IN_PROGRESS', m)).toBe('进行中');
    expect(gatewayStatusText('SUCCESS', m)).toBe('已完成');
    expect(gatewayStatusText('FAILURE', m)).toBe('失败');
    expect(gatewayStatusText('CANCEL', m)).toBe('已取消');
  });

  it('reads a missing or empty status as submitted and an unknown one as in progress', () => {
    expect(gatewayStatusText(undefined, en.midjourney)).toBe('Submitted');
    expect(gatewayStatusText('', zhCN.midjourney)).toBe('已提交');
    expect(gatewayStatusText('SOMETHING_NEW', en.midjourney)).toBe('In progress');
  });
});

describe('actionText', () => {
  it('localizes known actions in both languages', () => {
    expect(actionText('IMAGINE', en.midjourney)).toBe('Imagine');
    expect(actionText('INPAINT', en.midjourney)).toBe('Vary (Region)');
    expect(actionText('CUSTOM_ZOOM', en.midjourney)).toBe('Custom zoom');
    expect(actionText('IMAGINE', zhCN.midjourney)).toBe('绘图');
    expect(actionText('BLEND', zhCN.midjourney)).toBe('混图');
    expect(actionText('SWAP_FACE', zhCN.midjourney)).toBe('换脸');
  });

  it('shows an unknown action as the gateway wrote it', () => {
    expect(actionText('VIDEO', en.midjourney)).toBe('VIDEO');
    expect(actionText('VIDEO', zhCN.midjourney)).toBe('VIDEO');
  });
});

describe('taskStatusText', () => {
  it('is empty while idle and says submitting while a submit is in flight', () => {
    expect(taskStatusText(state('idle'), en.midjourney)).toBe('');
    expect(taskStatusText(state('submitting'), en.midjourney)).toBe('Submitting…');
    expect(taskStatusText(state('submitting'), zhCN.midjourney)).toBe('正在提交…');
  });

  it('says queued while the gateway queues the submit, else the task status', () => {
    expect(
      taskStatusText(state('running', { queued: true, task: task('IN_PROGRESS') }), en.midjourney),
    ).toBe('Queued');
    expect(taskStatusText(state('running', { queued: true }), zhCN.midjourney)).toBe('排队中');
    expect(taskStatusText(state('running', { task: task('IN_PROGRESS') }), en.midjourney)).toBe(
      'In progress',
    );
    expect(taskStatusText(state('running', { task: task('NOT_START') }), zhCN.midjourney)).toBe(
      '未开始',
    );
    expect(taskStatusText(state('running'), en.midjourney)).toBe('Submitted');
  });

  it('names the finished states, telling a cancelled task from a failed one', () => {
    expect(taskStatusText(state('modal'), en.midjourney)).toBe('Waiting for your input');
    expect(taskStatusText(state('success'), zhCN.midjourney)).toBe('已完成');
    expect(taskStatusText(state('failure', { task: task('FAILURE') }), en.midjourney)).toBe(
      'Failed',
    );
    expect(taskStatusText(state('failure', { task: task('CANCEL') }), en.midjourney)).toBe(
      'Cancelled',
    );
    expect(taskStatusText(state('failure', { task: task('CANCEL') }), zhCN.midjourney)).toBe(
      '已取消',
    );
    expect(taskStatusText(state('stopped'), en.midjourney)).toBe('Stopped');
    expect(taskStatusText(state('stopped'), zhCN.midjourney)).toBe('已停止');
  });

  it('tells a timeout from other errors', () => {
    expect(taskStatusText(state('error', { error: new TimeoutError() }), en.midjourney)).toBe(
      'This task is taking longer than expected.',
    );
    expect(taskStatusText(state('error', { error: new TimeoutError() }), zhCN.midjourney)).toBe(
      '任务耗时比预期长。',
    );
    expect(taskStatusText(state('error', { error: new ConnectionError() }), en.midjourney)).toBe(
      'Failed',
    );
    expect(taskStatusText(state('error'), zhCN.midjourney)).toBe('失败');
  });
});
