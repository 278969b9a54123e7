'use client';
import type { MidjourneyButton, MjSubmitOptions } from '@aitre/core';
import {
  type UseMidjourneyTaskOptions,
  type UseMidjourneyTaskResult,
  useMidjourneyTask,
} from '@aitre/react';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { cx } from '../shared/cx.js';
import { type Theme, ThemeRoot } from '../shared/ThemeRoot.js';
import {
  type MidjourneyHistoryEntry,
  readHistory,
  upsertEntry,
  writeHistory,
} from './taskHistory.js';

/** Speed modes a gateway may offer as path prefixes (`/mj-fast/mj/...`). */
export type MidjourneySpeedMode = NonNullable<MjSubmitOptions['mode']>;

/** The Discord bot that runs a job. */
export type MidjourneyBotType = 'MID_JOURNEY' | 'NIJI_JOURNEY';

/** The button pressed last, with the image it was pressed on (the canvas of a Vary (Region) mask). */
export interface MidjourneyPressed {
  /** The button. */
  button: MidjourneyButton;
  /** The task the button belongs to. */
  taskId: string;
  /** That task's image. */
  imageUrl: string | undefined;
}

/** What the parts of a {@link MidjourneyStudio} share. */
export interface MidjourneyStudioContextValue {
  /** The watched task and its actions (from `useMidjourneyTask`). */
  task: UseMidjourneyTaskResult;
  /** Bot used by new submits. */
  botType: MidjourneyBotType;
  /** Changes the bot of new submits. */
  setBotType(botType: MidjourneyBotType): void;
  /** Speed mode of new submits; undefined = the gateway's default `/mj`. */
  mode: MidjourneySpeedMode | undefined;
  /** Changes the speed mode of new submits. */
  setMode(mode: MidjourneySpeedMode | undefined): void;
  /** Speed modes offered in the options (empty hides the choice). */
  modes: readonly MidjourneySpeedMode[];
  /** Options passed to every submit (the speed mode). */
  submitOptions: MjSubmitOptions;
  /** Tasks of this session, newest first (persisted when storage is available). */
  history: MidjourneyHistoryEntry[];
  /** Forgets the history. */
  clearHistory(): void;
  /** Watches a task of the history again (resumes polling by id). */
  open(taskId: string): void;
  /** Presses a task button with the current speed mode. */
  press(button: MidjourneyButton): Promise<string | undefined>;
  /** The button pressed last. */
  pressed: MidjourneyPressed | undefined;
  /** Submits a new imagine with the current bot and mode (describe and shorten results use it). */
  imagineText(prompt: string): Promise<string | undefined>;
  /** True while the modal dialog of `task.pendingModal` is shown. */
  modalOpen: boolean;
  /** Closes the modal: back to the task the button was pressed on, or just hidden until `reopenModal`. */
  closeModal(): void;
  /** Shows the modal of the pending task again. */
  reopenModal(): void;
}

const StudioContext = createContext<MidjourneyStudioContextValue | null>(null);

/** The state shared by the studio parts; throws outside `MidjourneyStudio.Root`. */
export function useMidjourneyStudio(): MidjourneyStudioContextValue {
  const value = useContext(StudioContext);
  if (!value) {
    throw new Error('MidjourneyStudio parts must be rendered inside <MidjourneyStudio.Root>.');
  }
  return value;
}

const TERMINAL = new Set(['SUCCESS', 'FAILURE', 'CANCEL']);
const ALL_MODES: readonly MidjourneySpeedMode[] = ['fast', 'relax', 'turbo'];

/** Props of {@link MidjourneyStudioRoot}. */
export interface MidjourneyStudioRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Colour theme of the root; without it, a studio inside an `.aitre-root` inherits that root. */
  theme?: Theme;
  /** Polling options of the task (delays, backoff, timeout). */
  pollOptions?: Omit<UseMidjourneyTaskOptions, 'taskId' | 'client'>;
  /** localStorage key of the task history; `null` keeps it in memory only. */
  historyKey?: string | null;
  /** A task to watch on mount (overrides resuming from the history). */
  defaultTaskId?: string;
  /** On mount, resume the newest history task if it had not ended (default true). */
  resume?: boolean;
  /** Bot of new submits at first (default MID_JOURNEY). */
  defaultBotType?: MidjourneyBotType;
  /** Speed mode at first (default: the gateway's plain `/mj`). */
  defaultMode?: MidjourneySpeedMode;
  /** Speed modes to offer (default fast, relax, turbo; `[]` hides the choice). */
  modes?: readonly MidjourneySpeedMode[];
}

/** Holds one MidJourney task, the history and the submit options for the studio parts inside it. */
export const MidjourneyStudioRoot = forwardRef<HTMLDivElement, MidjourneyStudioRootProps>(
  function MidjourneyStudioRoot(
    {
      theme,
      pollOptions,
      historyKey = 'aitre:midjourney:history',
      defaultTaskId,
      resume = true,
      defaultBotType = 'MID_JOURNEY',
      defaultMode,
      modes = ALL_MODES,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const task = useMidjourneyTask(pollOptions);
    const [botType, setBotType] = useState<MidjourneyBotType>(defaultBotType);
    const [mode, setMode] = useState<MidjourneySpeedMode | undefined>(defaultMode);
    const [history, setHistory] = useState<MidjourneyHistoryEntry[]>([]);
    const [pressed, setPressed] = useState<MidjourneyPressed>();
    const loaded = useRef(false);

    // Storage is read after mount so server and first client render agree.
    const { watch } = task;
    // biome-ignore lint/correctness/useExhaustiveDependencies: resuming happens once, on mount.
    useEffect(() => {
      const saved = historyKey ? readHistory(historyKey) : [];
      loaded.current = true;
      setHistory((current) => {
        let merged = saved;
        for (const entry of current.slice().reverse()) {
          merged = upsertEntry(merged, entry.id, entry, entry.at);
        }
        return merged;
      });
      const newest = saved[0];
      const pending = newest && !TERMINAL.has(newest.status ?? '') ? newest.id : undefined;
      const id = defaultTaskId ?? (resume ? pending : undefined);
      if (id) watch(id);
    }, []);

    useEffect(() => {
      if (loaded.current && historyKey) writeHistory(historyKey, history);
    }, [history, historyKey]);

    const { taskId } = task;
    const current = task.task && task.task.id === taskId ? task.task : undefined;
    const action = current?.action;
    const status = current?.status;
    const text = current
      ? (action === 'DESCRIBE' ? '' : current.prompt) || current.description
      : undefined;
    useEffect(() => {
      if (!taskId) return;
      const patch: Partial<MidjourneyHistoryEntry> = {};
      if (action) patch.action = action;
      if (status) patch.status = status;
      if (text) patch.text = text;
      setHistory((entries) => upsertEntry(entries, taskId, patch, Date.now()));
    }, [taskId, action, status, text]);

    const submitOptions = useMemo<MjSubmitOptions>(() => (mode ? { mode } : {}), [mode]);
    const { action: act, imagine, imageUrl } = task;
    const press = useCallback(
      (button: MidjourneyButton) => {
        if (taskId) setPressed({ button, taskId, imageUrl });
        return act(button, submitOptions);
      },
      [act, submitOptions, taskId, imageUrl],
    );
    const imagineText = useCallback(
      (prompt: string) => imagine({ prompt, botType }, submitOptions),
      [imagine, botType, submitOptions],
    );
    const clearHistory = useCallback(() => setHistory([]), []);

    const [dismissed, setDismissed] = useState<string>();
    const { pendingModal, parentTaskId } = task;
    const modalOpen = pendingModal !== undefined && pendingModal.taskId !== dismissed;
    const closeModal = useCallback(() => {
      if (parentTaskId) watch(parentTaskId);
      else setDismissed(pendingModal?.taskId);
    }, [parentTaskId, pendingModal, watch]);
    const reopenModal = useCallback(() => setDismissed(undefined), []);

    const value = useMemo<MidjourneyStudioContextValue>(
      () => ({
        task,
        botType,
        setBotType,
        mode,
        setMode,
        modes,
        submitOptions,
        history,
        clearHistory,
        open: watch,
        press,
        pressed,
        imagineText,
        modalOpen,
        closeModal,
        reopenModal,
      }),
      [
        task,
        botType,
        mode,
        modes,
        submitOptions,
        history,
        clearHistory,
        watch,
        press,
        pressed,
        imagineText,
        modalOpen,
        closeModal,
        reopenModal,
      ],
    );

    return (
      <StudioContext.Provider value={value}>
        <ThemeRoot
          {...rest}
          ref={ref}
          theme={theme}
          data-slot="midjourney-studio"
          data-status={task.status}
          data-task-id={task.taskId}
          className={cx('aitre-mj', className)}
        >
          {children}
        </ThemeRoot>
      </StudioContext.Provider>
    );
  },
);
