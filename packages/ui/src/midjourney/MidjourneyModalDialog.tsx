'use client';
import * as Dialog from '@radix-ui/react-dialog';
import {
  type CSSProperties,
  type FormEvent,
  forwardRef,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MaskPainter } from '../shared/MaskPainter.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { submitOnModEnter } from './submitOnModEnter.js';

// Layout effects warn during server rendering on React 18.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Props of {@link MidjourneyModalDialog}. */
export interface MidjourneyModalDialogProps {
  /** Class of the dialog content, merged last. */
  className?: string;
  /** Style of the dialog content, merged last. */
  style?: CSSProperties;
}

/**
 * The dialog of a task waiting for `/mj/submit/modal` (code 21 or status MODAL): the prompt
 * prefilled from `finalPrompt`, and for Vary (Region) a white-on-black mask painter.
 */
export const MidjourneyModalDialog = forwardRef<HTMLFormElement, MidjourneyModalDialogProps>(
  function MidjourneyModalDialog({ className, style }, ref) {
    const messages = useMessages();
    const m = messages.midjourney;
    const { task, pressed, submitOptions, modalOpen, closeModal } = useMidjourneyStudio();
    const modal = task.pendingModal;
    const action = task.task?.action;
    const button = pressed?.taskId === task.parentTaskId ? pressed?.button : undefined;
    const region = action === 'INPAINT' || (button?.kind === 'vary' && button.needsModal);
    const customZoom = action === 'CUSTOM_ZOOM' || (button?.kind === 'zoom' && button.needsModal);
    const maskImage = region ? pressed?.imageUrl : undefined;

    const [prompt, setPrompt] = useState('');
    const [mask, setMask] = useState<string>();
    const [maskMissing, setMaskMissing] = useState(false);
    const promptId = useId();
    const errorId = useId();
    const modalId = modal?.taskId;
    const finalPrompt = modal?.finalPrompt ?? '';
    // A new modal task starts from its own prompt (Custom Zoom needs a --zoom value: 2 like MJ).
    useEffect(() => {
      if (!modalId) return;
      setPrompt(
        customZoom && !/--zoom\s/.test(finalPrompt)
          ? `${finalPrompt} --zoom 2`.trim()
          : finalPrompt,
      );
      setMask(undefined);
      setMaskMissing(false);
    }, [modalId, finalPrompt, customZoom]);

    // Portal into the nearest themed root so the dialog keeps its tokens and theme.
    const anchor = useRef<HTMLSpanElement>(null);
    const [root, setRoot] = useState<HTMLElement | null>(null);
    useClientLayoutEffect(() => {
      setRoot(anchor.current?.closest<HTMLElement>('.aitre-root') ?? null);
    }, []);

    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      // Without the source image (a task resumed after a reload) there is nothing to paint on:
      // the gateway decides.
      if (region && maskImage && !mask) {
        setMaskMissing(true);
        return;
      }
      void task.submitModal(
        { prompt: prompt.trim() || undefined, ...(mask ? { maskBase64: mask } : {}) },
        submitOptions,
      );
    };

    const content = (
      <>
        <Dialog.Overlay className="aitre-dialog-overlay" data-slot="midjourney-modal-overlay" />
        <Dialog.Content
          data-slot="midjourney-modal"
          data-region={region || undefined}
          className={cx('aitre-dialog-content aitre-mj-modal', className)}
          style={style}
          onCloseAutoFocus={(event) => {
            // There is no Dialog.Trigger (the pressed button gave way to the modal task), so
            // Radix would leave focus on <body>: the task view takes it, as after a task button.
            event.preventDefault();
            anchor.current
              ?.closest('[data-slot="midjourney-studio"]')
              ?.querySelector<HTMLElement>('[data-slot="midjourney-task"]')
              ?.focus();
          }}
        >
          <form ref={ref} className="aitre-mj-form" noValidate onSubmit={onSubmit}>
            <Dialog.Title className="aitre-dialog-title">
              {region ? m.varyRegion : customZoom ? m.customZoom : m.modalTitle}
            </Dialog.Title>
            <Dialog.Description className="aitre-dialog-description">
              {m.modalDescription}
            </Dialog.Description>
            {region && maskImage && (
              <div className="aitre-mj-field">
                <span className="aitre-mj-label">{m.modalMask}</span>
                <MaskPainter
                  src={maskImage}
                  alt={m.resultImage}
                  maskStyle="white-on-black"
                  onMaskChange={(painted) => {
                    setMask(painted?.dataUrl);
                    if (painted) setMaskMissing(false);
                  }}
                />
              </div>
            )}
            <div className="aitre-mj-field">
              <label className="aitre-mj-label" htmlFor={promptId}>
                {m.modalPrompt}
              </label>
              <textarea
                id={promptId}
                className="aitre-textarea"
                rows={3}
                value={prompt}
                onChange={(e) => setPrompt(e.currentTarget.value)}
                onKeyDown={submitOnModEnter}
              />
            </div>
            <MidjourneyFormError id={errorId} message={maskMissing ? m.maskMissing : undefined} />
            <div className="aitre-dialog-footer">
              <Dialog.Close asChild>
                <Button variant="ghost">{m.modalCancel}</Button>
              </Dialog.Close>
              <Button type="submit" loading={task.status === 'submitting'}>
                {m.modalSubmit}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </>
    );

    return (
      <>
        <span ref={anchor} hidden data-slot="midjourney-modal-anchor" />
        <Dialog.Root
          open={modalOpen}
          onOpenChange={(open) => {
            if (!open) closeModal();
          }}
        >
          <Dialog.Portal container={root ?? undefined}>
            {root ? content : <div className="aitre-root">{content}</div>}
          </Dialog.Portal>
        </Dialog.Root>
      </>
    );
  },
);
