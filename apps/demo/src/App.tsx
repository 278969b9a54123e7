import { type AitreLocale, AitreProvider, useAitreLocale } from '@aitre/react';
import { useMessages } from '@aitre/ui';
import { useEffect, useId, useMemo, useState } from 'react';
import { TABS, type TabId } from './demoTabs.js';
import { faultFetch } from './faultFetch.js';
import { readPreference, savePreference } from './preferences.js';
import { SegmentedControl } from './SegmentedControl.js';
import { SettingsPanel } from './SettingsPanel.js';
import { Tabs } from './Tabs.js';
import { useDemoMessages } from './useDemoMessages.js';
import { type GatewayConfig, useGatewayConfig } from './useGatewayConfig.js';

type Theme = 'light' | 'dark' | 'system';

const THEMES: readonly Theme[] = ['light', 'dark', 'system'];
const LOCALES: readonly AitreLocale[] = ['en', 'zh-CN'];
const TAB_IDS = TABS.map((tab) => tab.id);

function tabFromHash(): TabId {
  const id = window.location.hash.slice(1);
  return TAB_IDS.find((tab) => tab === id) ?? 'chat';
}

function browserLocale(): AitreLocale {
  return /^zh\b/i.test(navigator.language) ? 'zh-CN' : 'en';
}

/**
 * The demo page: every component on a tab, talking to the page's own origin, where the demo
 * server mounts the mock gateway or the proxy to a real one (the client gets no API key).
 */
export function App() {
  const [theme, setTheme] = useState(() => readPreference('theme', THEMES, 'system'));
  const [locale, setLocale] = useState(() => readPreference('lang', LOCALES, browserLocale()));
  // `?fault=drop:1` (or the settings panel) makes the mock gateway misbehave on purpose.
  const [fault, setFault] = useState(
    () => new URLSearchParams(window.location.search).get('fault') ?? '',
  );
  const config = useGatewayConfig();
  // Faults are a mock gateway feature: never sent through the proxy to a real gateway.
  const activeFault = config?.mode === 'mock' ? fault : '';
  const fetchWithFault = useMemo(
    () => (activeFault ? faultFetch(activeFault) : undefined),
    [activeFault],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <AitreProvider
      baseURL={window.location.origin}
      locale={locale}
      {...(fetchWithFault && { fetch: fetchWithFault })}
      {...(config?.mode === 'proxy' && config.imageProxy && { imageProxy: config.imageProxy })}
    >
      <div
        className="aitre-root demo-app"
        data-theme={theme === 'system' ? undefined : theme}
        data-locale={locale}
      >
        <Page
          theme={theme}
          onThemeChange={(value) => {
            setTheme(value);
            savePreference('theme', value);
          }}
          onLocaleChange={(value) => {
            setLocale(value);
            savePreference('lang', value);
          }}
          config={config}
          fault={fault}
          onFaultChange={setFault}
        />
      </div>
    </AitreProvider>
  );
}

interface PageProps {
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  onLocaleChange: (locale: AitreLocale) => void;
  config: GatewayConfig | undefined;
  fault: string;
  onFaultChange: (fault: string) => void;
}

/** The page inside the provider, so it reads the chosen locale like the components do. */
function Page({ theme, onThemeChange, onLocaleChange, config, fault, onFaultChange }: PageProps) {
  const messages = useMessages();
  const demo = useDemoMessages();
  const [tab, setTab] = useState(tabFromHash);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId();
  const locale = useAitreLocale();

  useEffect(() => {
    const onHashChange = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const selectTab = (id: string) => {
    const next = TAB_IDS.find((tab) => tab === id);
    if (!next) return;
    setTab(next);
    window.history.replaceState(null, '', `#${next}`);
  };

  return (
    <>
      <header className="demo-header">
        <h1 className="demo-title">{demo.appTitle}</h1>
        <div className="demo-toolbar">
          <SegmentedControl
            label={messages.theme.label}
            value={theme}
            options={THEMES.map((value) => ({ value, label: messages.theme[value] }))}
            onChange={onThemeChange}
          />
          <SegmentedControl
            label={messages.language.label}
            value={locale}
            options={LOCALES.map((value) => ({
              value,
              label: messages.language[value],
              lang: value,
            }))}
            onChange={onLocaleChange}
          />
          <button
            type="button"
            className="demo-segment"
            aria-expanded={settingsOpen}
            aria-controls={settingsId}
            data-mode={config?.mode}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            {demo.settings}
          </button>
        </div>
      </header>
      <main className="demo-main">
        <SettingsPanel
          id={settingsId}
          hidden={!settingsOpen}
          config={config}
          fault={fault}
          onFaultChange={onFaultChange}
        />
        <Tabs
          items={TABS.map(({ id, panel }) => ({ id, label: demo.tabs[id], panel }))}
          selected={tab}
          onSelect={selectTab}
          label={demo.tabsLabel}
          fallback={demo.unavailable}
        />
      </main>
    </>
  );
}
