import type { JSX } from "react";
import { volumeActions } from "../docker-commands.js";
import { usePlayground } from "../store.js";
import { orderVolumes } from "../world-order.js";
import { ActionButtons } from "./ActionButtons.js";
import { PanelSection } from "./PanelSection.js";

export function VolumesPanel(): JSX.Element {
  const volumes = usePlayground((s) => s.world.volumes);
  const empty = (
    <>
      No volumes yet. Try: <code>docker volume create data</code>
    </>
  );
  return (
    <PanelSection label="Volumes" count={volumes.length} empty={empty}>
      {orderVolumes(volumes).map((volume) => (
        <li key={volume.name} className="row" data-testid="volume-row" data-name={volume.name}>
          <div className="row-main">
            <span className="row-name">{volume.name}</span>
          </div>
          <div className="row-meta">
            <span>{volume.driver}</span>
            <code className="row-path">{volume.mountpoint}</code>
          </div>
          <ActionButtons subject={volume.name} actions={volumeActions(volume)} />
        </li>
      ))}
    </PanelSection>
  );
}
