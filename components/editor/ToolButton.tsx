"use client";

import type { ReactNode } from "react";

/** One toolbar button: an accessible name, its shortcut, pressed state; keeps the editor's selection on mouse down. */
export function ToolButton(props: { label: string; shortcut?: string; pressed?: boolean | undefined; disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={props.label}
      aria-keyshortcuts={props.shortcut?.replace("Ctrl", "Control")}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      disabled={props.disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
