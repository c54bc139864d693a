// The newsroom's public name: the masthead of every public page, the RSS
// channel's title and the sender name of its emails. NEWSROOM_NAME sets it.
export const DEFAULT_NEWSROOM_NAME = "Newsroom";

export function newsroomName(env: Record<string, string | undefined> = process.env): string {
  return env.NEWSROOM_NAME?.trim() || DEFAULT_NEWSROOM_NAME;
}
