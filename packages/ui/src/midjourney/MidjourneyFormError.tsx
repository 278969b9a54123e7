'use client';

/** The message under a form whose input was rejected before any request. */
export function MidjourneyFormError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="aitre-mj-form-error" data-slot="midjourney-form-error">
      {message}
    </p>
  );
}
