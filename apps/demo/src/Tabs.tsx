import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

/** One tab: its id (used in the URL hash), label and panel. */
export interface TabItem {
  id: string;
  label: string;
  panel: ReactNode;
}

/** Props of {@link Tabs}. */
export interface TabsProps {
  items: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /** Accessible name of the tab list. */
  label: string;
  /** Shown in a panel whose content is null. */
  fallback: ReactNode;
}

/**
 * An accessible tab list (arrow keys, Home and End move and select). A panel mounts when first
 * shown and then stays mounted, so a stream or a task keeps going on another tab.
 */
export function Tabs({ items, selected, onSelect, label, fallback }: TabsProps) {
  const [visited, setVisited] = useState(() => new Set([selected]));
  if (!visited.has(selected)) setVisited(new Set(visited).add(selected));
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    const item = target === undefined ? undefined : items[target];
    if (!item) return;
    event.preventDefault();
    onSelect(item.id);
    refs.current.get(item.id)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="demo-tablist">
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(node) => {
              if (node) refs.current.set(item.id, node);
              else refs.current.delete(item.id);
            }}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-controls={`panel-${item.id}`}
            aria-selected={item.id === selected}
            tabIndex={item.id === selected ? 0 : -1}
            className="demo-tab"
            onClick={() => onSelect(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`panel-${item.id}`}
          aria-labelledby={`tab-${item.id}`}
          hidden={item.id !== selected}
          className="demo-panel"
          data-tab={item.id}
        >
          <h2 className="demo-visually-hidden">{item.label}</h2>
          {visited.has(item.id) && (item.panel ?? <p className="demo-unavailable">{fallback}</p>)}
        </div>
      ))}
    </>
  );
}
