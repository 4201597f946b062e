import type { JSX } from "react";
import { containerActions } from "../docker-commands.js";
import { formatPorts } from "../port-format.js";
import { containerName, shortId, stateTone } from "../resource-format.js";
import { usePlayground } from "../store.js";
import { orderContainers } from "../world-order.js";
import { ActionButtons } from "./ActionButtons.js";
import { PanelSection } from "./PanelSection.js";

export function ContainersPanel(): JSX.Element {
  const containers = usePlayground((s) => s.world.containers);
  const empty = (
    <>
      No containers yet. Try: <code>docker run -d -p 8080:80 --name web nginx</code>
    </>
  );
  return (
    <PanelSection label="Containers" count={containers.length} empty={empty}>
      {orderContainers(containers).map((c) => {
        const name = containerName(c);
        const ports = formatPorts(c.ports);
        return (
          <li key={c.id} className="row" data-testid="container-row" data-name={name} data-state={c.state}>
            <div className="row-main">
              <span className="row-name">{name}</span>
              <span className={`badge tone-${stateTone(c.state)}`} data-testid="state-badge">
                {c.state}
              </span>
              <code className="row-id" title={c.id}>
                {shortId(c.id)}
              </code>
            </div>
            <div className="row-meta">
              <span className="row-image">{c.image}</span>
              <span className="row-status">{c.status}</span>
              {ports && <span className="row-ports">{ports}</span>}
            </div>
            <ActionButtons subject={name} actions={containerActions(c)} />
          </li>
        );
      })}
    </PanelSection>
  );
}
