import { useId } from 'react';
import { useDemoMessages } from './useDemoMessages.js';
import type { GatewayConfig } from './useGatewayConfig.js';

/** Faults the mock gateway can simulate, as `x-mock-fault` values ('' for none). */
export const FAULTS = ['', 'drop:1', 'error-event:1', '500:1', '429:3', 'slow', '503'] as const;

/** Props of {@link SettingsPanel}. */
export interface SettingsPanelProps {
  id: string;
  hidden: boolean;
  config: GatewayConfig | undefined;
  fault: string;
  onFaultChange: (fault: string) => void;
}

/** Which gateway the page uses (mock or proxied URL, never the key), and mock fault injection. */
export function SettingsPanel({ id, hidden, config, fault, onFaultChange }: SettingsPanelProps) {
  const demo = useDemoMessages();
  const faultId = useId();
  const hintId = useId();
  const titleId = useId();
  return (
    <section id={id} hidden={hidden} aria-labelledby={titleId} className="demo-settings demo-card">
      <h2 id={titleId} className="demo-card-title">
        {demo.settings}
      </h2>
      <dl className="demo-settings-list">
        <dt>{demo.gateway}</dt>
        <dd data-testid="gateway-mode" data-mode={config?.mode ?? 'loading'}>
          {config === undefined
            ? demo.gatewayLoading
            : config.mode === 'mock'
              ? demo.gatewayMock
              : demo.gatewayProxy}
          {config?.mode === 'proxy' && (
            <>
              {' '}
              <code data-testid="gateway-url">{config.baseURL}</code>
            </>
          )}
        </dd>
        {config?.mode === 'proxy' && <dd className="demo-muted">{demo.keyNote}</dd>}
      </dl>
      {config?.mode === 'mock' && (
        <div className="demo-field">
          <label htmlFor={faultId}>{demo.fault}</label>
          <select
            id={faultId}
            className="demo-select"
            aria-describedby={hintId}
            value={fault}
            onChange={(event) => onFaultChange(event.target.value)}
          >
            {FAULTS.map((value) => (
              <option key={value} value={value}>
                {value === '' ? demo.faultNone : value}
              </option>
            ))}
          </select>
          <p id={hintId} className="demo-muted">
            {demo.faultHint}
          </p>
        </div>
      )}
    </section>
  );
}
