import { initials } from "@/lib/userColor";
import type { PresentUser } from "@/lib/documentTypes";

export function PresenceAvatars({ users, label }: { users: PresentUser[]; label: string }) {
  return (
    <ul className="avatars" aria-label={label}>
      {users.map((user) => (
        <li key={user.id} className="avatar" style={{ background: user.color }} title={user.name} aria-label={user.name}>
          <span aria-hidden="true">{initials(user.name)}</span>
        </li>
      ))}
    </ul>
  );
}
