'use client';
import { base64ToBlob } from '@aitre/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from './Button.js';
import { cx } from './cx.js';
import { hasPaint, type MaskStyle, paintToMask } from './maskPixels.js';

/** A finished mask: a PNG as a data URL (MidJourney `maskBase64`) and as a Blob (image edits). */
export interface PaintedMask {
  /** `data:image/png;base64,...` */
  dataUrl: string;
  /** The same PNG. */
  blob: Blob;
  /** Width in pixels (the image's). */
  width: number;
  /** Height in pixels (the image's). */
  height: number;
}

/** Props of {@link MaskPainter}. */
export interface MaskPainterProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onChange'> {
  /** The image to paint over. */
  src: string;
  /** Text alternative of the image. */
  alt?: string;
  /** Mask width in pixels; defaults to the image's natural width once it loads. */
  width?: number;
  /** Mask height in pixels; defaults to the image's natural height once it loads. */
  height?: number;
  /** `'alpha'` (default, OpenAI edits: painted = transparent) or `'white-on-black'` (MidJourney). */
  maskStyle?: MaskStyle;
  /** Called after every stroke, undo or clear with the mask, or undefined when nothing is painted. */
  onMaskChange?: (mask: PaintedMask | undefined) => void;
  /** Brush diameter in image pixels at first (default 40). */
  defaultBrushSize?: number;
  /** Smallest brush (default 4). */
  minBrushSize?: number;
  /** Largest brush (default 200). */
  maxBrushSize?: number;
  /** Disables painting and the controls. */
  disabled?: boolean;
}

interface Point {
  x: number;
  y: number;
}

type Tool = 'paint' | 'erase';

type MaskAction = { kind: 'stroke'; tool: Tool; size: number; points: Point[] } | { kind: 'clear' };

function drawAction(
  context: CanvasRenderingContext2D,
  action: MaskAction,
  color: string,
  from = 0,
): void {
  if (action.kind === 'clear') {
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    return;
  }
  const points = action.points.slice(Math.max(0, from - 1));
  const first = points[0];
  if (!first) return;
  context.save();
  context.globalCompositeOperation = action.tool === 'erase' ? 'destination-out' : 'source-over';
  context.fillStyle = color;
  context.strokeStyle = color;
  context.lineWidth = action.size;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  if (points.length === 1) {
    context.arc(first.x, first.y, action.size / 2, 0, Math.PI * 2);
    context.fill();
  } else {
    context.moveTo(first.x, first.y);
    for (const point of points.slice(1)) context.lineTo(point.x, point.y);
    context.stroke();
  }
  context.restore();
}

function exportMask(source: HTMLCanvasElement, style: MaskStyle): PaintedMask | undefined {
  const { width, height } = source;
  const paint = source.getContext('2d')?.getImageData(0, 0, width, height);
  if (!paint || !hasPaint(paint.data)) return undefined;
  const out = source.ownerDocument.createElement('canvas');
  out.width = width;
  out.height = height;
  const context = out.getContext('2d');
  if (!context) return undefined;
  const pixels = context.createImageData(width, height);
  pixels.data.set(paintToMask(paint.data, style));
  context.putImageData(pixels, 0, 0);
  const dataUrl = out.toDataURL('image/png');
  const blob = base64ToBlob(dataUrl.slice(dataUrl.indexOf(',') + 1), 'image/png');
  return { dataUrl, blob, width, height };
}

function BrushIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none">
      <path
        d="M10.5 2.5l3 3-6 6-3-3 6-6zM4.5 8.5l3 3c-.5 1.8-2 2.5-4.5 2.5.3-2.5 1-4 1.5-5.5z"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function EraserIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none">
      <path
        d="M6 13.5h7.5M2.8 9.7l6.9-6.9 3.5 3.5-6.9 6.9H4.6L2.8 11.4a1.2 1.2 0 010-1.7zM5.5 7l3.5 3.5"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * Paint a mask over an image with a brush and an eraser, undo and clear; usable with a pointer
 * or the keyboard (arrow keys move the brush, Space paints, Ctrl/Cmd+Z undoes). Emits a PNG
 * mask in the chosen style. @selector [data-tool="erase"]
 */
export const MaskPainter = forwardRef<HTMLDivElement, MaskPainterProps>(function MaskPainter(
  {
    src,
    alt = '',
    width,
    height,
    maskStyle = 'alpha',
    onMaskChange,
    defaultBrushSize = 40,
    minBrushSize = 4,
    maxBrushSize = 200,
    disabled = false,
    className,
    ...rest
  },
  ref,
) {
  const messages = useMessages();
  const hintId = useId();
  const sizeId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const ringRef = useRef<HTMLSpanElement>(null);
  const strokeRef = useRef<Extract<MaskAction, { kind: 'stroke' }> | null>(null);
  const cursorRef = useRef<Point | null>(null);
  const touched = useRef(false);
  const onMaskChangeRef = useRef(onMaskChange);
  onMaskChangeRef.current = onMaskChange;

  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [tool, setTool] = useState<Tool>('paint');
  const [size, setSize] = useState(defaultBrushSize);
  const [history, setHistory] = useState<MaskAction[]>([]);
  const maskWidth = width ?? natural?.width;
  const maskHeight = height ?? natural?.height;

  // Anything painted since the last clear (erasing everything still counts; export checks pixels).
  const painted = history.at(-1)?.kind === 'stroke';

  const paintColor = useCallback((canvas: HTMLCanvasElement): string => {
    // The canvas CSS colour carries the theme's accent token; the layer's opacity comes from CSS.
    const color = canvas.ownerDocument.defaultView?.getComputedStyle(canvas).color;
    return color || '#000000';
  }, []);

  // Replays the history whenever it changes (undo, clear, a finished stroke) and reports the mask;
  // a new mask size resets the canvas, so it replays then too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: maskWidth and maskHeight resize the canvas.
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    const color = paintColor(canvas);
    for (const action of history) drawAction(context, action, color);
    if (!touched.current) return;
    onMaskChangeRef.current?.(painted ? exportMask(canvas, maskStyle) : undefined);
  }, [history, maskStyle, painted, paintColor, maskWidth, maskHeight]);

  const moveRing = useCallback(
    (point: Point | null) => {
      const ring = ringRef.current;
      if (!ring || !maskWidth || !maskHeight) return;
      ring.hidden = point === null;
      if (!point) return;
      ring.style.left = `${(point.x / maskWidth) * 100}%`;
      ring.style.top = `${(point.y / maskHeight) * 100}%`;
    },
    [maskWidth, maskHeight],
  );

  const commit = useCallback((action: MaskAction) => {
    touched.current = true;
    setHistory((previous) => [...previous, action]);
  }, []);

  const undo = useCallback(() => {
    touched.current = true;
    setHistory((previous) => previous.slice(0, -1));
  }, []);

  const clear = useCallback(() => commit({ kind: 'clear' }), [commit]);

  function toPoint(event: PointerEvent<HTMLCanvasElement>): Point {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    const scaleX = rect.width > 0 ? canvas.width / rect.width : 1;
    const scaleY = rect.height > 0 ? canvas.height / rect.height : 1;
    return { x: (event.clientX - rect.left) * scaleX, y: (event.clientY - rect.top) * scaleY };
  }

  function drawLive(stroke: Extract<MaskAction, { kind: 'stroke' }>, from: number) {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (canvas && context) drawAction(context, stroke, paintColor(canvas), from);
  }

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    if (disabled || event.button > 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const stroke = { kind: 'stroke' as const, tool, size, points: [toPoint(event)] };
    strokeRef.current = stroke;
    drawLive(stroke, 0);
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const point = toPoint(event);
    moveRing(point);
    const stroke = strokeRef.current;
    if (!stroke) return;
    stroke.points.push(point);
    drawLive(stroke, stroke.points.length - 1);
  }

  function onPointerUp() {
    const stroke = strokeRef.current;
    strokeRef.current = null;
    if (stroke) commit(stroke);
  }

  function onCanvasKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    if (undoKey(event) || disabled || !maskWidth || !maskHeight) return;
    const cursor = cursorRef.current ?? { x: maskWidth / 2, y: maskHeight / 2 };
    const step = Math.max(4, size / 4) * (event.shiftKey ? 4 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = {
        x: Math.min(maskWidth, Math.max(0, cursor.x + move[0])),
        y: Math.min(maskHeight, Math.max(0, cursor.y + move[1])),
      };
      cursorRef.current = next;
      moveRing(next);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      cursorRef.current = cursor;
      moveRing(cursor);
      commit({ kind: 'stroke', tool, size, points: [cursor] });
    }
  }

  // Ctrl/Cmd+Z undoes from the canvas and from the toolbar.
  function undoKey(event: KeyboardEvent<HTMLElement>): boolean {
    if (disabled || history.length === 0) return false;
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') {
      return false;
    }
    event.preventDefault();
    undo();
    return true;
  }

  return (
    <div
      {...rest}
      ref={ref}
      data-slot="mask-painter"
      data-tool={tool}
      data-painted={painted || undefined}
      data-disabled={disabled || undefined}
      className={cx('aitre-mask-painter', className)}
    >
      <div
        className="aitre-mask-painter-toolbar"
        role="toolbar"
        aria-label={messages.images.mask}
        onKeyDown={undoKey}
      >
        <Button
          variant={tool === 'paint' ? 'soft' : 'ghost'}
          size="sm"
          aria-pressed={tool === 'paint'}
          disabled={disabled}
          onClick={() => setTool('paint')}
        >
          <BrushIcon />
          {messages.images.paint}
        </Button>
        <Button
          variant={tool === 'erase' ? 'soft' : 'ghost'}
          size="sm"
          aria-pressed={tool === 'erase'}
          disabled={disabled}
          onClick={() => setTool('erase')}
        >
          <EraserIcon />
          {messages.images.erase}
        </Button>
        <span className="aitre-mask-painter-size" data-slot="mask-painter-size">
          <label htmlFor={sizeId}>{messages.images.brushSize}</label>
          <input
            id={sizeId}
            className="aitre-mask-painter-range"
            type="range"
            min={minBrushSize}
            max={maxBrushSize}
            value={size}
            disabled={disabled}
            onChange={(event) => setSize(Number(event.currentTarget.value))}
          />
        </span>
        <Button
          variant="ghost"
          size="sm"
          disabled={disabled || history.length === 0}
          onClick={undo}
        >
          {messages.images.undo}
        </Button>
        <Button variant="ghost" size="sm" disabled={disabled || !painted} onClick={clear}>
          {messages.images.clearMask}
        </Button>
      </div>
      <div className="aitre-mask-painter-stage" data-slot="mask-painter-stage">
        <img
          className="aitre-mask-painter-image"
          src={src}
          alt={alt}
          draggable={false}
          onLoad={(event) => {
            const image = event.currentTarget;
            if (image.naturalWidth > 0) {
              setNatural({ width: image.naturalWidth, height: image.naturalHeight });
            }
          }}
        />
        {maskWidth && maskHeight ? (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a keyboard-driven drawing surface is an application widget.
          <canvas
            ref={canvasRef}
            className="aitre-mask-painter-canvas"
            width={maskWidth}
            height={maskHeight}
            role="application"
            tabIndex={disabled ? -1 : 0}
            aria-label={messages.images.maskEditor}
            aria-describedby={hintId}
            aria-disabled={disabled || undefined}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onPointerLeave={() => {
              if (!strokeRef.current) moveRing(null);
            }}
            onKeyDown={onCanvasKeyDown}
            onFocus={() => moveRing(cursorRef.current ?? { x: maskWidth / 2, y: maskHeight / 2 })}
            onBlur={() => moveRing(null)}
          />
        ) : null}
        <span
          ref={ringRef}
          className="aitre-mask-painter-ring"
          aria-hidden="true"
          hidden
          style={maskWidth ? { width: `${(size / maskWidth) * 100}%` } : undefined}
        />
      </div>
      <p id={hintId} className="aitre-mask-painter-hint">
        {messages.images.maskHint}
      </p>
    </div>
  );
});
