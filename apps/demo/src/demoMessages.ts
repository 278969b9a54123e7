import type { AitreLocale } from '@aitre/react';

/** Strings of the demo page's own chrome (the components bring theirs from @aitre/ui). */
export interface DemoMessages {
  appTitle: string;
  tabsLabel: string;
  tabs: {
    chat: string;
    images: string;
    audio: string;
    midjourney: string;
    embeddings: string;
    completions: string;
    models: string;
  };
  unavailable: string;
  settings: string;
  gateway: string;
  gatewayMock: string;
  gatewayProxy: string;
  gatewayLoading: string;
  keyNote: string;
  fault: string;
  faultNone: string;
  faultHint: string;
  completionPrompt: string;
  completionPlaceholder: string;
  completionModel: string;
  complete: string;
  completionResult: string;
  modelCount: string;
  reloadModels: string;
}

const en: DemoMessages = {
  appTitle: 'AITRE React kit',
  tabsLabel: 'Features',
  tabs: {
    chat: 'Chat',
    images: 'Images',
    audio: 'Audio',
    midjourney: 'MidJourney',
    embeddings: 'Embeddings',
    completions: 'Completions',
    models: 'Models',
  },
  unavailable: 'This component is not part of @aitre/ui yet.',
  settings: 'Settings',
  gateway: 'Gateway',
  gatewayMock: 'Built-in mock gateway (same origin)',
  gatewayProxy: 'Real gateway through the server-side proxy',
  gatewayLoading: 'Checking the gateway…',
  keyNote: 'The API key stays on the server; the page never sees it.',
  fault: 'Simulated fault',
  faultNone: 'None',
  faultHint:
    'Sent as the x-mock-fault header on generation (POST) requests; ":1" fails only the first one per endpoint.',
  completionPrompt: 'Prompt',
  completionPlaceholder: 'Once upon a time…',
  completionModel: 'Model',
  complete: 'Complete',
  completionResult: 'Completion',
  modelCount: '{count} models',
  reloadModels: 'Reload',
};

const zhCN: DemoMessages = {
  appTitle: 'AITRE React 组件库',
  tabsLabel: '功能',
  tabs: {
    chat: '对话',
    images: '图像',
    audio: '音频',
    midjourney: 'MidJourney',
    embeddings: '向量嵌入',
    completions: '文本补全',
    models: '模型',
  },
  unavailable: '@aitre/ui 暂未提供这个组件。',
  settings: '设置',
  gateway: '网关',
  gatewayMock: '内置模拟网关（同源）',
  gatewayProxy: '经服务端代理的真实网关',
  gatewayLoading: '正在检查网关…',
  keyNote: 'API 密钥只保存在服务端，页面不会接触到它。',
  fault: '模拟故障',
  faultNone: '无',
  faultHint: '以 x-mock-fault 请求头附加在生成（POST）请求上；“:1”表示每个接口只让第一次请求失败。',
  completionPrompt: '提示词',
  completionPlaceholder: '很久很久以前……',
  completionModel: '模型',
  complete: '补全',
  completionResult: '补全结果',
  modelCount: '共 {count} 个模型',
  reloadModels: '重新加载',
};

/** The demo's strings by locale. */
export const demoMessages: Record<AitreLocale, DemoMessages> = { en, 'zh-CN': zhCN };
