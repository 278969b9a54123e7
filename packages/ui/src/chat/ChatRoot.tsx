'use client';
import type { AitreError } from '@aitre/core';
import {
  type ChatMessage,
  type UseChatOptions,
  useAitreClient,
  useChat,
  useModels,
} from '@aitre/react';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { localizeError } from '../locale/localizeError.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { type ImageOrigins, ImageOriginsContext, originOf } from '../markdown/imageOrigins.js';
import { cx } from '../shared/cx.js';
import { Lightbox } from '../shared/Lightbox.js';
import { type Theme, ThemeRoot } from '../shared/ThemeRoot.js';
import { announcementOf, ChatAnnouncer } from './ChatAnnouncer.js';
import {
  type ChatActions,
  ChatActionsContext,
  ChatModelContext,
  type ChatModelState,
} from './ChatContext.js';
import { type ChatModelOption, groupChatModels } from './chatModels.js';

/** Props of {@link ChatRoot}: the chat's options plus those of its root element. */
export interface ChatRootProps
  extends Omit<UseChatOptions, 'model'>,
    Omit<ComponentPropsWithoutRef<'div'>, 'id' | 'onError'> {
  /** The model, controlled; pair it with `onModelChange`. */
  model?: string;
  /** The model chosen first when `model` is not given; default: the gateway's first chat model. */
  defaultModel?: string;
  /** Called when the user picks another model. */
  onModelChange?: (model: string) => void;
  /** The models on offer instead of the gateway's list (ids or options). */
  models?: readonly (string | ChatModelOption)[];
  /** Most images attached to one message. Default 4. */
  maxAttachments?: number;
  /** Colour theme of the root; default: the enclosing AITRE root's, else the system's. */
  theme?: Theme;
  /**
   * Origins the images in answers may load from; an image from elsewhere (e.g. injected into
   * the model's output to leak data) shows a placeholder naming its host and loads only when the
   * user asks. The page's origin, `data:` and `blob:` are always allowed; `'any'` turns the
   * policy off. Default: the origin of the client's `baseURL` (when absolute), so gpt-4o-image
   * pictures served by the gateway show at once; add a CDN here if the gateway uses one.
   */
  imageOrigins?: ImageOrigins;
}

/**
 * Owns one chat (`useChat`), the model choice and the image lightbox, and renders the
 * `.aitre-root` its parts live in. @selector [data-status]
 */
export const ChatRoot = forwardRef<HTMLDivElement, ChatRootProps>(function ChatRoot(props, ref) {
  const {
    id,
    client,
    system,
    initialMessages,
    body,
    headers,
    sendReasoning,
    onFinish,
    onError,
    storage,
    schedule,
    now,
    model: controlledModel,
    defaultModel,
    onModelChange,
    models,
    maxAttachments = 4,
    theme,
    imageOrigins,
    className,
    children,
    ...rest
  } = props;

  const resolvedClient = useAitreClient(client);
  const baseURL = 'baseURL' in resolvedClient ? resolvedClient.baseURL : undefined;
  const gatewayOrigin = typeof baseURL === 'string' ? originOf(baseURL) : null;
  const defaultOrigins = useMemo<readonly string[]>(
    () => (gatewayOrigin ? [gatewayOrigin] : []),
    [gatewayOrigin],
  );
  const gateway = useModels(client ? { client } : {});
  const sections = useMemo(
    () => groupChatModels(models ?? gateway.models),
    [models, gateway.models],
  );
  const [chosenModel, setChosenModel] = useState(defaultModel);
  const firstModel =
    sections.find((s) => s.group === 'chat')?.options[0] ?? sections[0]?.options[0];
  const model = controlledModel ?? chosenModel ?? firstModel?.id;

  const messages = useBaseMessages();
  const [announcement, setAnnouncement] = useState('');
  // The store's callbacks fire once per answer, even when a whole answer fits in one frame.
  const announceFinish = (message: ChatMessage, thread: readonly ChatMessage[]) => {
    setAnnouncement(announcementOf(message, messages));
    onFinish?.(message, thread);
  };
  const announceError = (error: AitreError) => {
    setAnnouncement(localizeError(error, messages));
    onError?.(error);
  };

  const chat = useChat({
    ...(id !== undefined ? { id } : {}),
    ...(client ? { client } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(system !== undefined ? { system } : {}),
    ...(initialMessages ? { initialMessages } : {}),
    ...(body ? { body } : {}),
    ...(headers ? { headers } : {}),
    ...(sendReasoning !== undefined ? { sendReasoning } : {}),
    onFinish: announceFinish,
    onError: announceError,
    ...(storage ? { storage } : {}),
    ...(schedule ? { schedule } : {}),
    ...(now ? { now } : {}),
  });

  const [image, setImage] = useState<{ src: string; alt: string } | undefined>(undefined);
  const [lightboxOpen, setLightboxOpen] = useState(false);
  const openImage = useCallback((src: string, alt: string) => {
    setImage({ src, alt });
    setLightboxOpen(true);
  }, []);

  const { status } = chat;
  useEffect(() => {
    if (status === 'submitted') setAnnouncement(messages.chat.generating);
  }, [status, messages]);

  const followRef = useRef<(() => void) | undefined>(undefined);
  const { store, send, stop, regenerate, edit, retry } = chat;
  const actions = useMemo<ChatActions>(
    () => ({
      store,
      send,
      stop,
      regenerate,
      edit,
      retry,
      openImage,
      follow: () => followRef.current?.(),
      setFollow: (follow) => {
        followRef.current = follow;
      },
      maxAttachments,
    }),
    [store, send, stop, regenerate, edit, retry, openImage, maxAttachments],
  );

  const latestOnModelChange = useRef(onModelChange);
  useEffect(() => {
    latestOnModelChange.current = onModelChange;
  });
  const setModel = useCallback((next: string) => {
    setChosenModel(next);
    latestOnModelChange.current?.(next);
  }, []);
  const modelState = useMemo<ChatModelState>(
    () => ({
      model,
      setModel,
      sections,
      loading: !models && (gateway.status === 'idle' || gateway.status === 'loading'),
    }),
    [model, setModel, sections, models, gateway.status],
  );

  return (
    <ThemeRoot
      {...rest}
      ref={ref}
      theme={theme}
      data-slot="chat"
      data-status={chat.status}
      className={cx('aitre-chat', className)}
    >
      <ChatActionsContext.Provider value={actions}>
        <ChatModelContext.Provider value={modelState}>
          <ImageOriginsContext.Provider value={imageOrigins ?? defaultOrigins}>
            {children}
          </ImageOriginsContext.Provider>
          <ChatAnnouncer text={announcement} />
          {image && (
            <Lightbox
              open={lightboxOpen}
              onOpenChange={setLightboxOpen}
              src={image.src}
              alt={image.alt}
            />
          )}
        </ChatModelContext.Provider>
      </ChatActionsContext.Provider>
    </ThemeRoot>
  );
});
