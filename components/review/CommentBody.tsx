import type { PresentUser } from "@/lib/documentTypes";
import { parseBody } from "@/lib/review/mentions";

/**
 * A comment's plain text with mentions shown as the mentioned people's names,
 * looked up by id: the name inside the body is whatever the author typed
 * (`@[Editor-in-chief](user:<someone else>)`). Never rendered as HTML.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: PresentUser[] }) {
  const people = new Map(mentions.map((person) => [person.id, person]));
  return (
    <p className="comment-body">
      {parseBody(body).map((part, index) =>
        part.kind === "text" ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="mention" data-user-id={part.userId}>
            @{people.get(part.userId)?.name ?? "former member"}
          </span>
        ),
      )}
    </p>
  );
}
