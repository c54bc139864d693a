"use client";

import type { Editor } from "@tiptap/react";
import { useLayoutEffect, useRef, useState } from "react";

const GAP = 10;

/**
 * Places each card beside its anchor in the text, as far down as needed to
 * not overlap the card above (cards without a position go last). Recomputed
 * after every render and when a card or the window changes size, so cards
 * follow the text as it is edited.
 */
export function useAlignedLayout(editor: Editor | null, items: { id: string; position: number | null }[], enabled: boolean) {
  const container = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const [layout, setLayout] = useState<{ tops: Record<string, number>; height: number }>({ tops: {}, height: 0 });

  useLayoutEffect(() => {
    const root = container.current;
    if (!enabled || !editor || !root) return;
    const compute = () => {
      const base = root.getBoundingClientRect().top;
      const tops: Record<string, number> = {};
      let next = 0;
      for (const item of items) {
        const card = cards.current.get(item.id);
        if (!card) continue;
        let top = next;
        if (item.position !== null) {
          try {
            top = Math.max(next, editor.view.coordsAtPos(item.position).top - base);
          } catch {
            // Position outside the current document (mid-update): keep it in line.
          }
        }
        tops[item.id] = Math.round(top);
        next = top + card.offsetHeight + GAP;
      }
      const height = Math.round(next);
      setLayout((previous) =>
        previous.height === height && Object.keys(tops).every((id) => previous.tops[id] === tops[id]) && Object.keys(previous.tops).length === Object.keys(tops).length
          ? previous
          : { tops, height },
      );
    };
    compute();
    const observer = new ResizeObserver(compute);
    cards.current.forEach((card) => observer.observe(card));
    window.addEventListener("resize", compute);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", compute);
    };
  });

  const cardRef = (id: string) => (element: HTMLElement | null) => {
    if (element) cards.current.set(id, element);
    else cards.current.delete(id);
  };
  return { container, cardRef, layout };
}
