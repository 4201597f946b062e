import type { JSX } from "react";
import { imageActions } from "../docker-commands.js";
import { formatSize, imageRef, shortId } from "../resource-format.js";
import { usePlayground } from "../store.js";
import { orderImages } from "../world-order.js";
import { ActionButtons } from "./ActionButtons.js";
import { PanelSection } from "./PanelSection.js";

export function ImagesPanel(): JSX.Element {
  const images = usePlayground((s) => s.world.images);
  const empty = (
    <>
      No images yet. Try: <code>docker pull nginx</code>
    </>
  );
  return (
    <PanelSection label="Images" count={images.length} empty={empty}>
      {orderImages(images).map((image) => {
        const ref = imageRef(image);
        const extraTags = image.tags.slice(1);
        return (
          <li key={image.id} className="row" data-testid="image-row" data-name={ref}>
            <div className="row-main">
              <span className="row-name">{image.tags[0] ?? "<none>"}</span>
              <code className="row-id" title={image.id}>
                {shortId(image.id)}
              </code>
            </div>
            <div className="row-meta">
              <span>{formatSize(image.size)}</span>
              {extraTags.length > 0 && <span>also {extraTags.join(", ")}</span>}
            </div>
            <ActionButtons subject={ref} actions={imageActions(image)} />
          </li>
        );
      })}
    </PanelSection>
  );
}
