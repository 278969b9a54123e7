'use client';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** What {@link useAutoScroll} returns. */
export interface AutoScroll {
  /** The scrolling element. */
  ref: RefObject<HTMLDivElement | null>;
  /** Whether the view follows new content (false once the user scrolled up). */
  following: boolean;
  /** Scroll handler of the scrolling element. */
  onScroll: () => void;
  /** Scrolls to the bottom if following; call after content changed. */
  stick: () => void;
  /** Scrolls to the bottom and follows again. */
  jump: () => void;
}

/**
 * Keeps a scrolling element at its bottom while content grows, until the user scrolls up and
 * away from the bottom by more than `threshold` pixels; scrolling back resumes following.
 */
export function useAutoScroll(threshold: number): AutoScroll {
  const ref = useRef<HTMLDivElement | null>(null);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowing] = useState(true);

  const update = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const toBottom = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  }, []);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const top = element.scrollTop;
    const distance = element.scrollHeight - top - element.clientHeight;
    // Only a move up pauses: content that grew (an image loading) before the scroll event of
    // our own scroll arrived also leaves a distance, but not a smaller scrollTop.
    if (distance <= threshold) update(true);
    else if (top < lastTop.current) update(false);
    lastTop.current = top;
  }, [threshold, update]);

  const stick = useCallback(() => {
    if (followingRef.current) toBottom();
  }, [toBottom]);

  const jump = useCallback(() => {
    update(true);
    toBottom();
  }, [toBottom, update]);

  // Content can grow without a render of ours (an image finishing loading): follow it too.
  useEffect(() => {
    const element = ref.current;
    const content = element?.firstElementChild;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => stick());
    observer.observe(content);
    return () => observer.disconnect();
  }, [stick]);

  return { ref, following, onScroll, stick, jump };
}
