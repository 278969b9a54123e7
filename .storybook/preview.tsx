import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/ui/src/styles.css';
import { LocaleProvider } from '../packages/ui/src/locale/LocaleProvider.js';

/** Wraps every story in the themed root and the locale chosen in the toolbar. */
const withAitreRoot: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = context.globals.locale === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <LocaleProvider locale={locale}>
      <div
        className="aitre-root"
        data-theme={theme}
        style={{
          boxSizing: 'border-box',
          minHeight: '100vh',
          padding: 24,
          background: 'var(--aitre-color-bg)',
        }}
      >
        <Story />
      </div>
    </LocaleProvider>
  );
};

// Storybook reads its preview from a default export.
const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme of the AITRE root',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withAitreRoot],
  parameters: { layout: 'fullscreen' },
};

export default preview;
