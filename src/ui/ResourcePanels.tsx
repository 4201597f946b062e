import "./panels/panels.css";
import type { JSX } from "react";
import { ContainersPanel } from "./panels/ContainersPanel.js";
import { ImagesPanel } from "./panels/ImagesPanel.js";
import { NetworksPanel } from "./panels/NetworksPanel.js";
import { VolumesPanel } from "./panels/VolumesPanel.js";

/** What exists, kind by kind; each panel subscribes to its own list, so only it re-renders. */
export function ResourcePanels(): JSX.Element {
  return (
    <div className="panels">
      <ContainersPanel />
      <ImagesPanel />
      <VolumesPanel />
      <NetworksPanel />
    </div>
  );
}
