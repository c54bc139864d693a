"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { displaySegments, displayToMarkup, markupToDisplay, type ChosenMention } from "@/lib/review/mentions";
import { MAX_COMMENT_LENGTH } from "@/lib/limits";
import type { DirectoryUser } from "./reviewApi";
import { ErrorMessage } from "../ErrorMessage";

const MENTION_QUERY = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u;

/**
 * A comment box with @mention autocomplete over the newsroom directory. A chosen
 * person shows as their name on a chip: a native textarea holds the text as shown
 * ("@Daniel Okafor"), a backdrop under it paints the chips, and the markup the
 * server reads (@[Name](user:id)) is written only when the comment is sent.
 */
export function CommentComposer(props: {
  label: string;
  submitLabel: string;
  users: DirectoryUser[];
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [initial] = useState(() => markupToDisplay(props.initialBody ?? ""));
  const [body, setBody] = useState(initial.text);
  const [mentions, setMentions] = useState<ChosenMention[]>(initial.mentions);
  const [query, setQuery] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const listId = useId();
  const inputId = useId();

  const matches = useMemo(() => {
    if (query === null) return [];
    const needle = query.toLocaleLowerCase();
    return props.users.filter((user) => user.name.toLocaleLowerCase().includes(needle) || (user.email?.startsWith(needle) ?? false)).slice(0, 6);
  }, [query, props.users]);

  function updateQuery(text: string, caret: number) {
    const match = MENTION_QUERY.exec(text.slice(0, caret));
    setQuery(match ? match[2]! : null);
    setHighlighted(0);
  }

  function choose(user: DirectoryUser) {
    const element = textarea.current!;
    const caret = element.selectionStart;
    const name = user.name.replace(/[\[\]\n]/g, "");
    const before = body.slice(0, caret).replace(MENTION_QUERY, (_all, space: string) => `${space}@${name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setMentions((current) => (current.some((mention) => mention.userId === user.id) ? current : [...current, { name, userId: user.id }]));
    setQuery(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(before.length, before.length);
    });
  }

  async function submit() {
    if (body.trim() === "" || pending) return;
    setPending(true);
    setError(null);
    try {
      await props.onSubmit(displayToMarkup(body.trim(), mentions));
      setBody("");
      setMentions([]);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not save the comment");
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setHighlighted((index) => (index + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(matches[highlighted]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
    if (event.key === "Escape") props.onCancel?.();
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {props.label}
      </label>
      <div className="composer-field">
        <div ref={backdrop} className="input composer-input composer-backdrop" aria-hidden="true">
          {displaySegments(body, mentions).map((part, index) =>
            part.kind === "text" ? (
              <span key={index}>{part.text}</span>
            ) : (
              <mark key={index} className="mention-chip">
                @{part.name}
              </mark>
            ),
          )}
          {/* A trailing newline needs a character after it to take up its line, as in the textarea. */}
          {"\u200b"}
        </div>
      <textarea
        id={inputId}
        ref={textarea}
        className="input composer-input composer-text"
        rows={2}
        value={body}
        maxLength={MAX_COMMENT_LENGTH}
        placeholder="Write a comment… type @ to mention someone"
        autoFocus={props.autoFocus}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? optionId(highlighted) : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          updateQuery(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
      </div>
      {matches.length > 0 && (
        <ul id={listId} role="listbox" className="mention-list" aria-label="People to mention">
          {matches.map((user, index) => (
            <li
              key={user.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlighted}
              className={index === highlighted ? "active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(user);
              }}
            >
              {user.name} {user.email && <span className="muted">{user.email}</span>}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage message={error} />
      <div className="composer-actions">
        {props.onCancel && (
          <button type="button" className="button small" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button small primary" disabled={pending || body.trim() === ""}>
          {pending ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
