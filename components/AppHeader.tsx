import Link from "next/link";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({ user }: { user: { name: string; role: string } }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        News<span>room</span>
      </Link>
      <nav aria-label="Main">
        <Link href="/" className="button ghost">
          Documents
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
