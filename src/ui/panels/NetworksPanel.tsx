import type { JSX } from "react";
import { networkActions } from "../docker-commands.js";
import { shortId } from "../resource-format.js";
import { usePlayground } from "../store.js";
import { orderNetworks } from "../world-order.js";
import { ActionButtons } from "./ActionButtons.js";
import { PanelSection } from "./PanelSection.js";

export function NetworksPanel(): JSX.Element {
  const networks = usePlayground((s) => s.world.networks);
  const empty = (
    <>
      No networks yet. Try: <code>docker network create app</code>
    </>
  );
  return (
    <PanelSection label="Networks" count={networks.length} empty={empty}>
      {orderNetworks(networks).map((network) => (
        <li key={network.id} className="row" data-testid="network-row" data-name={network.name}>
          <div className="row-main">
            <span className="row-name">{network.name}</span>
            <code className="row-id" title={network.id}>
              {shortId(network.id)}
            </code>
          </div>
          <div className="row-meta">
            <span>{network.driver}</span>
            {network.subnet && <span>{network.subnet}</span>}
          </div>
          <ActionButtons subject={network.name} actions={networkActions(network)} />
        </li>
      ))}
    </PanelSection>
  );
}
