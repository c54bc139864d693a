import { parseBody } from "@/lib/review/mentions";

/** A comment's plain text with mentions shown as names; never rendered as HTML. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-body">
      {parseBody(body).map((part, index) =>
        part.kind === "text" ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="mention" data-user-id={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
