import Link from "next/link";
import { SignOutButton } from "./SignOutButton";

/**
 * `canReadNewsroomAudit` comes from the server's policy (pages ask it); the
 * Activity link is shown only to those the audit API would answer.
 */
export function AppHeader({
  user,
  canReadNewsroomAudit,
  current = "documents",
}: {
  user: { name: string; role: string };
  canReadNewsroomAudit: boolean;
  current?: "documents" | "activity" | "settings";
}) {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        News<span>room</span>
      </Link>
      <nav aria-label="Main" className="main-nav">
        <Link href="/" className="button ghost" aria-current={current === "documents" ? "page" : undefined}>
          Documents
        </Link>
        {canReadNewsroomAudit && (
          <Link href="/audit" className="button ghost" aria-current={current === "activity" ? "page" : undefined}>
            Activity
          </Link>
        )}
        <Link href="/settings" className="button ghost" aria-current={current === "settings" ? "page" : undefined}>
          Settings
        </Link>
      </nav>
      <div className="spacer" />
      <span className="who">
        Signed in as <strong>{user.name}</strong>
        <span className="role">{user.role}</span>
      </span>
      <SignOutButton />
    </header>
  );
}
