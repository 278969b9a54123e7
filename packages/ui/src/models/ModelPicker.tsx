'use client';
import type { AitreClient, Model, ModelGroup } from '@aitre/core';
import { useModels } from '@aitre/react';
import { type CSSProperties, forwardRef, useId } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';

/** The order model groups are listed in. */
export const MODEL_GROUPS: readonly ModelGroup[] = [
  'chat',
  'reasoning',
  'image',
  'audio-tts',
  'audio-stt',
  'embedding',
  'midjourney',
  'other',
];

/** Props of {@link ModelPicker}. */
export interface ModelPickerProps {
  /** The selected model id. */
  value: string;
  /** Called with the chosen model id. */
  onChange: (model: string) => void;
  /** Only these groups are offered (default: every group). */
  capabilities?: readonly ModelGroup[];
  /** Model ids offered even when the gateway does not list them (shown in their group). */
  extraModels?: readonly string[];
  /** Visible label; defaults to the locale's "Model". */
  label?: string;
  /** Keeps the label for assistive technology only. */
  hideLabel?: boolean;
  /** Disables the select. */
  disabled?: boolean;
  /** Id of the select (one is generated otherwise). */
  id?: string;
  /** A client to use instead of the one from `AitreProvider`. */
  client?: AitreClient;
  /** Class of the root, merged last. */
  className?: string;
  /** Style of the root, merged last. */
  style?: CSSProperties;
}

/** Groups `models` (and `extra` ids not among them) by capability, keeping only `capabilities`. */
export function groupModelOptions(
  groups: Readonly<Record<ModelGroup, readonly Model[]>>,
  capabilities: readonly ModelGroup[] = MODEL_GROUPS,
  extra: readonly string[] = [],
  groupOf: (id: string) => ModelGroup = () => 'other',
): Array<{ group: ModelGroup; ids: string[] }> {
  const listed = new Set(MODEL_GROUPS.flatMap((group) => groups[group].map((m) => m.id)));
  const result: Array<{ group: ModelGroup; ids: string[] }> = [];
  for (const group of MODEL_GROUPS) {
    if (!capabilities.includes(group)) continue;
    const ids = groups[group].map((m) => m.id);
    for (const id of extra) if (!listed.has(id) && groupOf(id) === group) ids.push(id);
    if (ids.length > 0) result.push({ group, ids: [...new Set(ids)] });
  }
  return result;
}

/**
 * A native select of the gateway's models grouped by capability (`<optgroup>`), with loading,
 * error (and retry) and empty states. @selector [data-status="loading"]
 */
export const ModelPicker = forwardRef<HTMLDivElement, ModelPickerProps>(function ModelPicker(
  {
    value,
    onChange,
    capabilities = MODEL_GROUPS,
    extraModels = [],
    label,
    hideLabel = false,
    disabled = false,
    id,
    client,
    className,
    style,
  },
  ref,
) {
  const messages = useMessages();
  const generated = useId();
  const selectId = id ?? generated;
  const statusId = `${selectId}-status`;
  const { status, groups, error, reload } = useModels(client ? { client } : {});
  const extraGroup = (model: string): ModelGroup => {
    const known = MODEL_GROUPS.find((group) => groups[group].some((m) => m.id === model));
    if (known) return known;
    // Not listed by the gateway: file it under the first requested group.
    return capabilities[0] ?? 'other';
  };
  const options = groupModelOptions(groups, capabilities, extraModels, extraGroup);
  const offered = options.some((option) => option.ids.includes(value));
  const loading = status === 'idle' || status === 'loading';
  const empty = !loading && options.length === 0;

  return (
    <div
      ref={ref}
      data-slot="model-picker"
      data-status={empty && status === 'success' ? 'empty' : status}
      className={cx('aitre-model-picker', className)}
      style={style}
    >
      <label
        htmlFor={selectId}
        className={hideLabel ? 'aitre-visually-hidden' : 'aitre-media-label'}
      >
        {label ?? messages.models.label}
      </label>
      <select
        id={selectId}
        className="aitre-select"
        value={value}
        disabled={disabled || (empty && value === '')}
        aria-busy={loading || undefined}
        aria-describedby={loading || status === 'error' || empty ? statusId : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {/* Keeps the current value visible while the list loads or when it is not listed. */}
        {!offered && value !== '' ? <option value={value}>{value}</option> : null}
        {value === '' && !offered ? <option value="">{messages.models.label}</option> : null}
        {options.map(({ group, ids }) => (
          <optgroup key={group} label={messages.models.groups[group]}>
            {ids.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {loading ? (
        <span id={statusId} className="aitre-model-picker-status" role="status">
          {messages.models.loading}
        </span>
      ) : status === 'error' ? (
        <span id={statusId} className="aitre-model-picker-status" data-tone="danger" role="alert">
          {messages.models.loadFailed}
          {error ? (
            <span className="aitre-visually-hidden"> {localizeError(error, messages)}</span>
          ) : null}
          <Button variant="ghost" size="sm" onClick={reload}>
            {messages.common.retry}
          </Button>
        </span>
      ) : empty ? (
        <span id={statusId} className="aitre-model-picker-status">
          {messages.models.empty}
        </span>
      ) : null}
    </div>
  );
});
