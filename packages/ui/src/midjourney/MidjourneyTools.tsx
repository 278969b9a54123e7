'use client';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { cx } from '../shared/cx.js';
import { MidjourneyBlend } from './MidjourneyBlend.js';
import { MidjourneyDescribe } from './MidjourneyDescribe.js';
import { MidjourneyImagine } from './MidjourneyImagine.js';
import { MidjourneyShorten } from './MidjourneyShorten.js';
import { MidjourneySwapFace } from './MidjourneySwapFace.js';

/** The studio's tools, one tab each. */
export type MidjourneyTool = 'imagine' | 'blend' | 'describe' | 'shorten' | 'swapFace';

const TOOLS: readonly MidjourneyTool[] = ['imagine', 'blend', 'describe', 'shorten', 'swapFace'];

const PANELS = {
  imagine: MidjourneyImagine,
  blend: MidjourneyBlend,
  describe: MidjourneyDescribe,
  shorten: MidjourneyShorten,
  swapFace: MidjourneySwapFace,
} as const;

/** Props of {@link MidjourneyTools}. */
export interface MidjourneyToolsProps extends ComponentPropsWithoutRef<'div'> {
  /** The tab shown first (default imagine). */
  defaultTool?: MidjourneyTool;
  /** Tools to offer, in order (default all). */
  tools?: readonly MidjourneyTool[];
}

/** Imagine, Blend, Describe, Shorten and Swap face as keyboard-navigable tabs (drafts survive tab switches). */
export const MidjourneyTools = forwardRef<HTMLDivElement, MidjourneyToolsProps>(
  function MidjourneyTools({ defaultTool = 'imagine', tools = TOOLS, className, ...rest }, ref) {
    const m = useMessages().midjourney;
    const [active, setActive] = useState<MidjourneyTool>(defaultTool);
    const base = useId();
    const tabs = useRef(new Map<MidjourneyTool, HTMLButtonElement>());
    const names: Record<MidjourneyTool, string> = {
      imagine: m.imagine,
      blend: m.blend,
      describe: m.describe,
      shorten: m.shorten,
      swapFace: m.swapFace,
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const at = tools.indexOf(active);
      const moves: Record<string, number> = {
        ArrowRight: at + 1,
        ArrowLeft: at - 1,
        Home: 0,
        End: tools.length - 1,
      };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = tools[(target + tools.length) % tools.length];
      if (!next) return;
      setActive(next);
      tabs.current.get(next)?.focus();
    };
    return (
      <div
        {...rest}
        ref={ref}
        data-slot="midjourney-tools"
        className={cx('aitre-tabs aitre-mj-tools', className)}
      >
        <div role="tablist" aria-label={m.tools} className="aitre-tabs-list" onKeyDown={onKeyDown}>
          {tools.map((tool) => (
            <button
              key={tool}
              ref={(node) => {
                if (node) tabs.current.set(tool, node);
                else tabs.current.delete(tool);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tool}`}
              aria-controls={`${base}-panel-${tool}`}
              aria-selected={tool === active}
              tabIndex={tool === active ? 0 : -1}
              data-state={tool === active ? 'active' : 'inactive'}
              className="aitre-tabs-trigger"
              onClick={() => setActive(tool)}
            >
              {names[tool]}
            </button>
          ))}
        </div>
        {tools.map((tool) => {
          const Panel = PANELS[tool];
          return (
            <div
              key={tool}
              role="tabpanel"
              id={`${base}-panel-${tool}`}
              aria-labelledby={`${base}-tab-${tool}`}
              hidden={tool !== active}
              className="aitre-tabs-content"
            >
              <Panel />
            </div>
          );
        })}
      </div>
    );
  },
);
