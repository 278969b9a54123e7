import { useModels } from '@aitre/react';
import { Button, format, localizeError, type Messages, Spinner, useMessages } from '@aitre/ui';
import { useDemoMessages } from './useDemoMessages.js';

type Group = keyof Messages['models']['groups'];

/** The gateway's models grouped by capability, via `useModels`. */
export function ModelsPanel() {
  const demo = useDemoMessages();
  const messages = useMessages();
  const { status, models, groups, error, reload } = useModels();
  const names = messages.models.groups;
  const filled = (Object.keys(names) as Group[]).filter((group) => groups[group].length > 0);

  return (
    <div className="demo-models" data-status={status}>
      <div className="demo-actions">
        <span>{format(demo.modelCount, { count: models.length })}</span>
        <Button variant="outline" size="sm" onClick={reload} loading={status === 'loading'}>
          {demo.reloadModels}
        </Button>
      </div>
      {status === 'loading' && models.length === 0 && (
        <p className="demo-muted">
          <Spinner decorative size="sm" /> {messages.models.loading}
        </p>
      )}
      {error && (
        <p role="alert" className="demo-error">
          {messages.models.loadFailed} {localizeError(error, messages)}
        </p>
      )}
      <div className="demo-model-groups">
        {filled.map((group) => (
          <section key={group} aria-labelledby={`models-${group}`} className="demo-card">
            <h3 id={`models-${group}`} className="demo-card-title">
              {names[group]} <span className="demo-muted">({groups[group].length})</span>
            </h3>
            <ul className="demo-model-list" data-group={group}>
              {groups[group].map((model) => (
                <li key={model.id}>
                  <code>{model.id}</code> <span className="demo-muted">{model.owned_by}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
