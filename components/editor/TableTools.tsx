"use client";

// The table controls: "Insert table" in the toolbar, and a row of controls for
// the table the caret is in (rows, columns, header row, delete). Inside a
// table, Tab and Shift+Tab move between cells (Tab in the last cell adds a
// row) — the table extension's own keymap.
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { EditorState } from "@tiptap/pm/state";
import { ToolButton as Tool } from "./ToolButton";

/** A new table: three columns, a header row and two rows of cells. */
const NEW_TABLE = { rows: 3, cols: 3, withHeaderRow: true } as const;

export function InsertTableButton({ editor, disabled }: { editor: Editor | null; disabled: boolean }) {
  return (
    <Tool label="Insert table" disabled={disabled || !editor} onClick={() => editor!.chain().focus().insertTable(NEW_TABLE).run()}>
      ▦ Table
    </Tool>
  );
}

type TableState = { inTable: boolean; headerRow: boolean };

export function TableTools({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }): TableState => ({ inTable: current.isActive("table"), headerRow: firstRowIsHeader(current.state) }),
  });
  if (!state.inTable) return null;
  const chain = () => editor.chain().focus();
  return (
    <div className="table-tools" role="group" aria-label="Table">
      <span className="muted table-tools-label" aria-hidden="true">
        Table
      </span>
      <Tool label="Add row above" disabled={disabled} onClick={() => chain().addRowBefore().run()}>
        + Row above
      </Tool>
      <Tool label="Add row below" disabled={disabled} onClick={() => chain().addRowAfter().run()}>
        + Row below
      </Tool>
      <Tool label="Delete row" disabled={disabled} onClick={() => chain().deleteRow().run()}>
        − Row
      </Tool>
      <span className="sep" aria-hidden="true" />
      <Tool label="Add column left" disabled={disabled} onClick={() => chain().addColumnBefore().run()}>
        + Column left
      </Tool>
      <Tool label="Add column right" disabled={disabled} onClick={() => chain().addColumnAfter().run()}>
        + Column right
      </Tool>
      <Tool label="Delete column" disabled={disabled} onClick={() => chain().deleteColumn().run()}>
        − Column
      </Tool>
      <span className="sep" aria-hidden="true" />
      <Tool label="Header row" pressed={state.headerRow} disabled={disabled} onClick={() => chain().toggleHeaderRow().run()}>
        Header row
      </Tool>
      <Tool label="Delete table" disabled={disabled} onClick={() => chain().deleteTable().run()}>
        Delete table
      </Tool>
    </div>
  );
}

/** Whether the table around the selection opens with a row of header cells. */
function firstRowIsHeader(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name !== "table") continue;
    const firstRow = node.firstChild;
    if (!firstRow || firstRow.childCount === 0) return false;
    let allHeaders = true;
    firstRow.forEach((cell) => {
      if (cell.type.name !== "tableHeader") allHeaders = false;
    });
    return allHeaders;
  }
  return false;
}
