"use client";

import { useEffect, useRef, useState } from "react";
import { CloseCode } from "@/lib/closeCodes";
import { NEWSROOM_CHANNEL_PATH, type NewsroomChannelMessage } from "@/lib/newsroomEvents";

/** "signed-out": the server closed the channel because this session ended (4401). */
export type LiveState = "connecting" | "live" | "offline" | "signed-out";

/** Several events in one burst (a transition and its presence change) cost one reload. */
const COALESCE_MS = 100;

/**
 * Listens to the newsroom's live channel and calls `onChange` when a document
 * this user may see is created or changes status, title, metadata or who is
 * editing it. Reconnects with backoff; a refusal (44xx: signed out, another
 * site) stops it. After a reconnect it reloads once, for what it missed.
 */
export function useNewsroomLive(onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let everReady = false;
    const changed = () => {
      clearTimeout(pending);
      pending = setTimeout(() => latest.current(), COALESCE_MS);
    };

    const connect = () => {
      const url = new URL(NEWSROOM_CHANNEL_PATH, window.location.href);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(url);
      socket.onmessage = (message) => {
        let parsed: NewsroomChannelMessage;
        try {
          parsed = JSON.parse(String(message.data)) as NewsroomChannelMessage;
        } catch {
          return;
        }
        if (parsed.type === "ready") {
          attempts = 0;
          setState("live");
          if (everReady) changed();
          everReady = true;
          return;
        }
        changed();
      };
      socket.onclose = (event) => {
        socket = null;
        if (stopped) return;
        if (event.code === CloseCode.unauthorized) return setState("signed-out");
        setState("offline");
        if (event.code >= 4400 && event.code < 4500) return;
        attempts++;
        retry = setTimeout(connect, Math.min(10_000, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(pending);
      socket?.close();
    };
  }, []);
  return state;
}
