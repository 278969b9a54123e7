'use client';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  type Ref,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { cx } from './cx.js';

/** Colour theme of an AITRE root: `system` follows the operating system. */
export type Theme = 'light' | 'dark' | 'system';

const InsideRoot = createContext(false);

// Layout effects warn during server rendering on React 18; the check must run before paint.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Props of {@link ThemeRoot}. */
export interface ThemeRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Theme of this root; without it a root nested in another keeps the outer theme. */
  theme?: Theme | undefined;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * The `.aitre-root` element of a big component (it carries the `--aitre-*` tokens and
 * `data-theme`), or a plain `<div>` when already inside a root and no theme is asked for.
 */
export const ThemeRoot = forwardRef<HTMLDivElement, ThemeRootProps>(function ThemeRoot(
  { theme, className, children, ...rest },
  ref,
) {
  const inside = useContext(InsideRoot);
  const node = useRef<HTMLDivElement | null>(null);
  // A root written by hand (`<div className="aitre-root">`) has no context: look in the DOM.
  const [nested, setNested] = useState(inside);
  useClientLayoutEffect(() => {
    if (!inside) setNested(node.current?.parentElement?.closest('.aitre-root') != null);
  }, [inside]);
  const setNode = useCallback(
    (value: HTMLDivElement | null) => {
      node.current = value;
      setRef(ref, value);
    },
    [ref],
  );
  const isRoot = theme !== undefined || !nested;
  return (
    <div
      {...rest}
      ref={setNode}
      data-theme={isRoot && theme !== undefined && theme !== 'system' ? theme : undefined}
      className={cx(isRoot && 'aitre-root', className)}
    >
      <InsideRoot.Provider value={true}>{children}</InsideRoot.Provider>
    </div>
  );
});
