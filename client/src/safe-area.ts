/**
 * The part of the canvas that the HUD panels leave free, so the camera can keep what it
 * follows there. A panel that crosses the screen's horizontal midline takes its side of
 * the screen (left or right of the centre) out of the free area; panels in the corners
 * above or below the midline do not, or the free area would shrink to nothing.
 */

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP_PX = 12;
/** Never narrower than this, whatever the panels cover. */
const MIN_FREE_PX = 120;

export function safeArea(width: number, height: number, panels: HTMLElement[]): ScreenRect {
  let left = 0;
  let right = width;
  const mid = height / 2;
  for (const panel of panels) {
    if (panel.hidden || panel.offsetParent === null) continue;
    const box = visibleBox(panel);
    if (!box || box.top > mid || box.bottom < mid) continue;
    if ((box.left + box.right) / 2 < width / 2) left = Math.max(left, box.right + GAP_PX);
    else right = Math.min(right, box.left - GAP_PX);
  }
  if (right - left < MIN_FREE_PX) return { left: 0, top: 0, right: width, bottom: height };
  return { left, top: 0, right, bottom: height };
}

/** The box of a panel, or of its visible children when it is only a layout column. */
function visibleBox(panel: HTMLElement): DOMRect | null {
  const box = panel.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  if (!panel.classList.contains("left-col")) return box;
  let bottom = box.top;
  for (const child of panel.children) {
    const c = (child as HTMLElement).getBoundingClientRect();
    if (c.height > 0) bottom = Math.max(bottom, c.bottom);
  }
  return new DOMRect(box.left, box.top, box.width, bottom - box.top);
}
