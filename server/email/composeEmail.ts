// One email from a person's waiting items: a subject that says what happened
// (or how many things did), a plain-text body and the same as simple HTML, each
// item with a link that opens its document (at the thread, for comments).
import type { EmailNotificationKind } from "../db/generated/enums";

export type EmailItemView = {
  kind: EmailNotificationKind;
  actorName: string;
  documentId: string;
  documentTitle: string;
  threadId: string | null;
  detail: string | null;
  createdAt: Date;
};

export type ComposedEmail = { subject: string; text: string; html: string };

/** The link an item opens: the editor, scrolled to the thread when there is one (#thread-<id>, as "For you" uses). */
export function itemLink(baseUrl: string, item: Pick<EmailItemView, "documentId" | "threadId">): string {
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}/documents/${item.documentId}${item.threadId ? `#thread-${item.threadId}` : ""}`;
}

export function describeItem(item: EmailItemView): string {
  const title = `“${item.documentTitle}”`;
  switch (item.kind) {
    case "mention":
      return `${item.actorName} mentioned you on ${title}`;
    case "assignment":
      return `${item.actorName} assigned you a thread on ${title}`;
    case "submitted":
      return `${item.actorName} submitted ${title} for review`;
    case "changes_requested":
      return `${item.actorName} requested changes to ${title}`;
    case "published":
      return `${item.actorName} published ${title}`;
    case "unpublished":
      return `${item.actorName} unpublished ${title}`;
  }
}

export function composeEmail(args: { newsroomName: string; baseUrl: string; recipientName: string; items: EmailItemView[] }): ComposedEmail {
  const items = [...args.items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (items.length === 0) throw new Error("An email needs at least one item");
  const documents = new Set(items.map((item) => item.documentId));
  const subject =
    items.length === 1
      ? describeItem(items[0]!)
      : documents.size === 1
        ? `${items.length} updates on “${items[0]!.documentTitle}”`
        : `${items.length} updates in ${args.newsroomName}`;
  const settingsUrl = `${args.baseUrl.replace(/\/+$/, "")}/settings`;

  const textItems = items.map((item) => {
    const detail = item.detail ? `\n  ${quoteLabel(item)}: ${item.detail}` : "";
    return `- ${describeItem(item)}${detail}\n  Open: ${itemLink(args.baseUrl, item)}`;
  });
  const text = [
    `Hello ${args.recipientName},`,
    "",
    ...textItems,
    "",
    `You get these emails from ${args.newsroomName}. To stop them, change your settings: ${settingsUrl}`,
    "",
  ].join("\n");

  const htmlItems = items
    .map((item) => {
      const detail = item.detail ? `<br><span>${escapeHtml(quoteLabel(item))}: ${escapeHtml(item.detail)}</span>` : "";
      return `<li><a href="${escapeHtml(itemLink(args.baseUrl, item))}">${escapeHtml(describeItem(item))}</a>${detail}</li>`;
    })
    .join("");
  const html =
    `<p>Hello ${escapeHtml(args.recipientName)},</p><ul>${htmlItems}</ul>` +
    `<p>You get these emails from ${escapeHtml(args.newsroomName)}. <a href="${escapeHtml(settingsUrl)}">Change your email settings</a>.</p>`;
  return { subject, text, html };
}

function quoteLabel(item: EmailItemView): string {
  switch (item.kind) {
    case "mention":
    case "assignment":
      return "Comment";
    case "published":
      return "Publication";
    default:
      return "Note";
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
