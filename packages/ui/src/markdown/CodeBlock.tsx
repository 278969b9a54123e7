'use client';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useState } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The code, shown verbatim. */
  code: string;
  /** Language from the fence's info string, shown as a label. */
  language?: string | null;
}

type CopyState = 'idle' | 'copied' | 'error';

/** A block of code with its language and a copy button. @selector [data-state="copied"] on the button */
export const CodeBlock = forwardRef<HTMLDivElement, CodeBlockProps>(function CodeBlock(
  { code, language, className, ...rest },
  ref,
) {
  const messages = useBaseMessages();
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('error');
    }
  };

  return (
    <div {...rest} ref={ref} data-slot="code-block" className={cx('aitre-codeblock', className)}>
      <div className="aitre-codeblock-header">
        <span className="aitre-codeblock-language">{language || messages.markdown.plainText}</span>
        <Button
          variant="ghost"
          size="sm"
          className="aitre-codeblock-copy"
          data-state={copy}
          aria-label={
            copy === 'copied'
              ? messages.markdown.codeCopied
              : copy === 'error'
                ? messages.common.copyFailed
                : messages.markdown.copyCode
          }
          onClick={onCopy}
        >
          {copy === 'copied'
            ? messages.common.copied
            : copy === 'error'
              ? messages.common.copyFailed
              : messages.common.copy}
        </Button>
        <span role="status" className="aitre-visually-hidden">
          {copy === 'copied' ? messages.markdown.codeCopied : ''}
        </span>
      </div>
      <pre className="aitre-codeblock-pre">
        <code className="aitre-codeblock-code" data-language={language || undefined}>
          {code}
        </code>
      </pre>
    </div>
  );
});
